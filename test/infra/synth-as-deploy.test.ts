import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiPart, apiPartOf } from '../../infra/api-parts.ts';
import { defineQuoteToOrder } from '../../infra/quote-to-order.ts';
import type { QuoteToOrderStacks } from '../../infra/stacks.ts';
import type { Json } from './synthesized.ts';

/**
 * `cdk synth -c stage=prod|dev` as an operator runs it before a deploy: a concrete account and region (the CLI passes
 * the ones it deploys to), real addresses, and cdk-nag's AwsSolutions pack installed as in infra/app.ts, so any
 * unacknowledged finding fails the synth here as it would there. Functions are not bundled (stack.test.ts bundles
 * them): a finding is about the templates.
 */
const target = { account: '210987654321', region: 'eu-north-1' };
const addresses = {
  mailFrom: 'quotes@northwind-industrial.se',
  salesManagerEmail: 'taylor@northwind-industrial.se',
  alarmEmail: 'oncall@northwind-industrial.se',
};

/** CloudFormation's limit is 500; a test fails well before it. */
const resourceLimit = 400;
/** What each stack must stay under with the next issues' routes in place. */
const roomToGrow = 250;
/** A route with its own function: the function, its role, policy and log group, the route, integration, permission. */
const resourcesPerRoute = 7;
/** The routes issues 27 (integrations, order documents and status) and 28 (preferences, tax) are to add. */
const nextRoutes = [
  'GET /integration/clients',
  'POST /integration/clients',
  'DELETE /integration/clients/{clientId}',
  'POST /integration/clients/{clientId}/secret',
  'PUT /integration/products',
  'GET /integration/webhooks',
  'PUT /integration/webhooks',
  'GET /integration/deliveries',
  'POST /integration/deliveries/{deliveryId}/retry',
  'POST /orders/{orderId}/status',
  'GET /me/preferences',
  'PUT /me/preferences',
  'PUT /tax/settings',
].map((key) => ({ path: key.split(' ')[1] ?? '' }));

/**
 * Where each resource type keeps the name it is known by in its account and region — two deploys that give one name
 * collide. CloudFront's are global to the account: the same stage in two regions must not share them either.
 */
const nameOf: Record<string, string[]> = {
  'AWS::Lambda::Function': ['FunctionName'],
  'AWS::StepFunctions::StateMachine': ['StateMachineName'],
  'AWS::Events::EventBus': ['Name'],
  'AWS::Events::Rule': ['Name'],
  'AWS::Events::Archive': ['ArchiveName'],
  'AWS::CloudWatch::Alarm': ['AlarmName'],
  'AWS::CloudWatch::CompositeAlarm': ['AlarmName'],
  'AWS::DynamoDB::GlobalTable': ['TableName'],
  'AWS::SES::ConfigurationSet': ['Name'],
  'AWS::SNS::Topic': ['TopicName'],
  'AWS::SQS::Queue': ['QueueName'],
  'AWS::Logs::LogGroup': ['LogGroupName'],
  'AWS::Cognito::UserPool': ['UserPoolName'],
  'AWS::Cognito::UserPoolDomain': ['Domain'],
  'AWS::IAM::Role': ['RoleName'],
  'AWS::S3::Bucket': ['BucketName'],
  'AWS::CloudFront::Function': ['Name'],
  'AWS::CloudFront::OriginAccessControl': ['OriginAccessControlConfig', 'Name'],
  'AWS::CloudFront::ResponseHeadersPolicy': ['ResponseHeadersPolicyConfig', 'Name'],
  'AWS::CloudFront::CachePolicy': ['CachePolicyConfig', 'Name'],
  'AWS::CloudFront::OriginRequestPolicy': ['OriginRequestPolicyConfig', 'Name'],
};

/** A name as the template gives it: the literal, or the literal parts of a join (the rest is resolved on deploy). */
const literalOf = (name: unknown): string =>
  typeof name === 'string'
    ? name
    : ((name as Json)['Fn::Join']?.[1] ?? []).filter((part: unknown) => typeof part === 'string').join('');

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

describe.each(['prod', 'dev'])('cdk synth -c stage=%s for a real account and region', (stage) => {
  let stacks: QuoteToOrderStacks;
  let assembly: CloudAssembly;

  beforeAll(async () => {
    const outdir = mkdtempSync(join(tmpdir(), `quote-to-order-${stage}-`));
    outdirs.push(outdir);
    const app = new App({
      outdir,
      context: { stage, ...addresses, webAssets: 'test/fixtures/web-dist', 'aws:cdk:bundling-stacks': [] },
    });
    stacks = await defineQuoteToOrder(app, target);
    // The validation plugins run inside synth and throw on any error, naming each finding.
    assembly = app.synth();
  }, 600_000);

  it('passes, cdk-nag included, with the acknowledgments matching the concrete account and region', () => {
    expect(assembly.stacks.map((artifact) => artifact.environment)).toEqual(
      stacks.stacks.map(() => expect.objectContaining({ account: target.account, region: target.region })),
    );
    expect(JSON.stringify(assembly.getStackByName(stacks.web.stackName).template)).toContain(
      `cdk-hnb659fds-assets-${target.account}-${target.region}`,
    );
  });

  it('keeps the data with the stack in prod, and lets dev be destroyed with it', () => {
    const resources = (stack: Stack) =>
      Object.values<Json>(assembly.getStackByName(stack.stackName).template.Resources);
    const table = resources(stacks.data).find((resource) => resource.Type === 'AWS::DynamoDB::GlobalTable');
    const pool = resources(stacks.web).find((resource) => resource.Type === 'AWS::Cognito::UserPool');
    const kept = stage === 'prod';
    expect(table).toMatchObject({
      DeletionPolicy: kept ? 'Retain' : 'Delete',
      Properties: { Replicas: [expect.objectContaining({ DeletionProtectionEnabled: kept })] },
    });
    expect(pool?.Properties.DeletionProtection).toBe(kept ? 'ACTIVE' : 'INACTIVE');
  });

  it('names what it names for the stage, and what CloudFront holds account-wide for the region too (issue 23)', () => {
    const names = assembly.stacks.flatMap((artifact) =>
      Object.values<Json>(artifact.template.Resources).flatMap((resource) => {
        const path = nameOf[resource.Type];
        const name = path?.reduce<Json | undefined>((at, key) => at?.[key], resource.Properties);
        return path && name !== undefined ? [{ type: resource.Type as string, name: literalOf(name) }] : [];
      }),
    );
    expect(names.map((n) => n.type)).toEqual(
      expect.arrayContaining(['AWS::CloudFront::OriginAccessControl', 'AWS::CloudFront::ResponseHeadersPolicy']),
    );
    for (const { type, name } of names) {
      expect(name, type).toMatch(new RegExp(`quotetoorder-?${stage}`, 'i'));
      if (type.startsWith('AWS::CloudFront::')) expect(name, type).toContain(target.region);
    }
    const seen = names.map((n) => `${n.type} ${n.name}`);
    expect(new Set(seen).size, 'a name given twice').toBe(seen.length);
  });

  it(`keeps every stack below ${roomToGrow} resources with the next issues' routes in place, and fails past ${resourceLimit}`, () => {
    const counts = Object.fromEntries(
      assembly.stacks.map((artifact) => [artifact.stackName, Object.keys(artifact.template.Resources).length]),
    );
    const grown: Record<string, number> = { ...counts };
    const add = (stackName: string, resources: number) => {
      grown[stackName] = (grown[stackName] ?? 0) + resources;
    };
    for (const route of nextRoutes) {
      const part: ApiPart = apiPartOf(route);
      add(stacks.apis[part].stackName, resourcesPerRoute);
      // Each function's throttle alarm.
      add(stacks.observability.stackName, 1);
    }
    for (const [name, count] of Object.entries(counts)) expect(count, name).toBeLessThanOrEqual(resourceLimit);
    for (const [name, count] of Object.entries(grown)) expect(count, name).toBeLessThanOrEqual(roomToGrow);
  });
});

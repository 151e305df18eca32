import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes.ts';
import { failedRfqMetric } from '#steps/failed-rfq-metric.ts';
import { definitionText } from '#workflows/quote-to-order.ts';
import { InvalidSettings, settingsFrom } from '../../infra/settings.ts';
import { apiPathPatterns, spaRoutingCode } from '../../infra/web.ts';
import { type Json, quoteToOrderIn, synthesized } from './synthesized.ts';

/**
 * What a first `cdk deploy` needs to just work, asserted on synthesized templates. Functions are not bundled here
 * (stack.test.ts does that once): these stacks differ only in their settings.
 */
const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

const synth = (context: Record<string, unknown>) => {
  const outdir = mkdtempSync(join(tmpdir(), 'quote-to-order-deploy-'));
  outdirs.push(outdir);
  const app = new App({
    outdir,
    context: { 'aws:cdk:bundling-stacks': [], webAssets: 'test/fixtures/web-dist', ...context },
  });
  return { ...synthesized(quoteToOrderIn(app)), outdir };
};

const local = synth({ salesManagerEmail: 'sm@example.com' });
const settingsOf = (context: Record<string, unknown>) => settingsFrom(new App({ context }).node);

describe('defect 1: alarm notifications reach the topic', () => {
  it('lets CloudWatch alarms of this account publish to the TLS-only topic', () => {
    const [[, policy]] = local.ofType('AWS::SNS::TopicPolicy') as [[string, Json]];
    const statements: Json[] = policy.Properties.PolicyDocument.Statement;
    expect(statements.find((s) => s.Effect === 'Deny')?.Condition).toEqual({
      Bool: { 'aws:SecureTransport': 'false' },
    });
    const allow = statements.find((s) => s.Effect === 'Allow');
    expect(allow).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
    expect(JSON.stringify(allow?.Condition.ArnLike['aws:SourceArn'])).toMatch(/:cloudwatch:.*:alarm:\*/);
  });
});

describe('defect 2: an SES identity that already exists', () => {
  const existing = synth({
    salesManagerEmail: 'sm@example.com',
    existingSesIdentity: 'true',
    mailDomain: 'example.com',
    requireMfa: 'true',
  });

  it('(with requireMfa=true) requires MFA of every user, and cdk-nag has nothing to acknowledge about it', () => {
    existing.template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
    local.template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL' });
  });

  it('is used, not created, and SendEmail is granted on it', () => {
    existing.template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    const grants = JSON.stringify(
      existing
        .ofType('AWS::IAM::Policy')
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
        .filter((s: Json) => [s.Action].flat().includes('ses:SendEmail')),
    );
    expect(grants).toContain(':identity/example.com');
  });

  it('becomes the user pool’s mailer by default, through the configuration set', () => {
    existing.template.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({
        EmailSendingAccount: 'DEVELOPER',
        From: 'quotes@example.com',
        SourceArn: Match.anyValue(),
        ConfigurationSet: Match.anyValue(),
      }),
    });
    expect(JSON.stringify(existing.template.toJSON())).toContain('identity/example.com');
  });

  it('is created when not said otherwise, and the pool then mails through Cognito until it is verified', () => {
    local.template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    local.template.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    });
  });
});

describe('defect 3: destroy, then deploy again', () => {
  it('gives no retained resource a fixed name: log group names are generated or carry the stack id', () => {
    const named: string[] = [];
    for (const [id, resource] of Object.entries(local.resources)) {
      if (resource.DeletionPolicy !== 'Retain') continue;
      for (const [key, value] of Object.entries<unknown>(resource.Properties ?? {})) {
        if (!/Name$/.test(key) || /^(KeyName|AttributeName)$/.test(key)) continue;
        // A retained function version names the function it belongs to, not a name of its own.
        if (resource.Type === 'AWS::Lambda::Version' && key === 'FunctionName') continue;
        if (!JSON.stringify(value).includes('AWS::StackId')) named.push(`${id}.${key}`);
      }
    }
    expect(named).toEqual([]);
    const workflowLogs = local.ofType('AWS::Logs::LogGroup').find(([id]) => id.startsWith('WorkflowLogs'));
    expect(JSON.stringify(workflowLogs?.[1].Properties.LogGroupName)).toContain('AWS::StackId');
    expect(JSON.stringify(workflowLogs?.[1].Properties.LogGroupName)).toContain('/aws/vendedlogs/states/');
  });
});

describe('defect 4: settings that deploy fine and break at run time', () => {
  it('refuses a deploy stage with the placeholder sender or no sales manager, saying what to set', () => {
    expect(() => settingsOf({ stage: 'prod' })).toThrow(InvalidSettings);
    expect(() => settingsOf({ stage: 'prod' })).toThrow(/mailFrom is quotes@example\.com.*-c mailFrom=/s);
    expect(() => settingsOf({ stage: 'dev', mailFrom: 'quotes@acme-supply.com' })).toThrow(
      /salesManagerEmail is not set/,
    );
    expect(() =>
      settingsOf({ stage: 'dev', mailFrom: 'quotes@acme-supply.com', salesManagerEmail: 'boss@example.org' }),
    ).toThrow(/salesManagerEmail is boss@example\.org, a placeholder/);
    expect(() =>
      settingsOf({ stage: 'prod', mailFrom: 'quotes@acme-supply.com', salesManagerEmail: 'kim@acme-supply.com' }),
    ).not.toThrow();
  });

  it('synthesizes the local stage offline with placeholders, for CI and these tests', () => {
    expect(settingsOf({}).stage).toBe('local');
    expect(settingsOf({}).mailFrom).toBe('quotes@example.com');
    expect(local.stacks.data.stackName).toBe('QuoteToOrder-local-Data');
  });

  it('takes each stage’s preset, then its cdk.json object, then single -c keys', () => {
    const real = { mailFrom: 'quotes@acme-supply.com', salesManagerEmail: 'kim@acme-supply.com' };
    const dev = settingsOf({ stage: 'dev', ...real });
    expect(dev).toMatchObject({ stackName: 'QuoteToOrder-dev', deletionProtection: false, logLevel: 'DEBUG' });
    expect(settingsOf({ stage: 'prod', ...real })).toMatchObject({
      stackName: 'QuoteToOrder-prod',
      deletionProtection: true,
      logRetentionDays: 90,
    });
    const fromCdkJson = settingsOf({
      stage: 'prod',
      stages: { prod: { ...real, alarmEmail: 'oncall@acme-supply.com' } },
    });
    expect(fromCdkJson.alarmEmail).toBe('oncall@acme-supply.com');
    expect(settingsOf({ stage: 'dev', ...real, logLevel: 'WARN', deletionProtection: 'true' })).toMatchObject({
      logLevel: 'WARN',
      deletionProtection: true,
    });
    expect(() => settingsOf({ stage: 'staging' })).toThrow(/stage must be one of local, dev, prod/);
    // Validated by the rule the functions read it with (functions/config.ts): 7.555 once passed synth and then failed
    // every function's first config read.
    expect(() => settingsOf({ maxRepDiscountPercent: '7.555' })).toThrow(
      /at most two decimals[\s\S]*maxRepDiscountPercent/,
    );
    expect(settingsOf({ maxRepDiscountPercent: '7.55' }).maxRepDiscountPercent).toBe(7.55);
    // The brand colour carries white text: one too light for it stops the synth, by config's own rule.
    expect(() => settingsOf({ brandColor: '#7fb3ff' })).toThrow(/4\.5:1[\s\S]*brandColor/);
    expect(settingsOf({ brandColor: '#0b5e3c', sellerLogoUrl: 'https://cdn.example.com/n.svg' })).toMatchObject({
      brandColor: '#0b5e3c',
      sellerLogoUrl: 'https://cdn.example.com/n.svg',
    });
    expect(() => settingsOf({ logRetentionDays: '8' })).toThrow(/retention period/);
  });
});

describe('defect 5: alarms page on real trouble only', () => {
  const alarms = () => local.ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties as Json);
  const named = (metric: string) => alarms().filter((alarm) => alarm.MetricName === metric);

  it('not on a buyer’s cancel (ExecutionsAborted) nor on a retried function error (Lambda Errors)', () => {
    expect(named('ExecutionsAborted')).toEqual([]);
    expect(named('Errors')).toEqual([]);
  });

  it('on an RFQ ending FAILED, through the metric MarkFailed emits', () => {
    expect(named(failedRfqMetric.name)).toEqual([
      expect.objectContaining({
        Namespace: failedRfqMetric.namespace,
        Dimensions: [{ Name: 'service', Value: failedRfqMetric.service }],
        Threshold: 1,
      }),
    ]);
  });

  it('on executions failed or timed out (a step past its retries), throttles, and DynamoDB system errors', () => {
    const expressions = alarms().flatMap((alarm) => (alarm.Metrics ?? []) as Json[]);
    const metricsOf = (name: string) => expressions.filter((m) => m.MetricStat?.Metric.MetricName === name);
    // Under the state machine or the alias executions start through, whichever CloudWatch files them under.
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
      expect(
        metricsOf(metric).map((m) => JSON.stringify(m.MetricStat.Metric.Dimensions)),
        metric,
      ).toEqual([expect.stringMatching(/:stateMachine:QuoteToOrder-local-workflow"/), expect.stringMatching(/:live"/)]);
    }
    expect(named('Throttles').length).toBeGreaterThan(30);
    expect(metricsOf('SystemErrors').length).toBeGreaterThan(0);
    expect(metricsOf('ThrottledRequests').length).toBeGreaterThan(0);
  });
});

describe('quotas and alarms that fit reality', () => {
  const alarms = () => local.ofType('AWS::CloudWatch::Alarm');
  const composites = () => local.ofType('AWS::CloudWatch::CompositeAlarm');
  const [[topicId]] = local.ofType('AWS::SNS::Topic') as [[string, Json]];

  it('pages once for one FAILED RFQ: MarkFailed’s metric and the failed execution are reasons of one composite alarm', () => {
    const reasons = alarms().filter(([, alarm]) =>
      JSON.stringify(alarm.Properties).match(/RfqsFailed|ExecutionsFailed|ExecutionsTimedOut/),
    );
    expect(reasons).toHaveLength(3);
    for (const [id, alarm] of reasons) expect(alarm.Properties.AlarmActions, id).toBeUndefined();
    expect(composites()).toHaveLength(1);
    const [[, composite]] = composites() as [[string, Json]];
    expect(composite.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    const rule = JSON.stringify(composite.Properties.AlarmRule);
    for (const [id] of reasons) expect(rule).toContain(id);
    expect(rule.match(/ALARM\(/g)).toHaveLength(3);
    expect(rule).toContain(' OR ');
  });

  it('pages on the API’s 5xx rate only from a minimum count: not on one 503 among a few dozen requests', () => {
    const [[, rate]] = alarms().filter(([, alarm]) =>
      (alarm.Properties.Metrics ?? []).some((m: Json) => String(m.Expression).includes('100 * errors / requests')),
    ) as [[string, Json]];
    expect(rate.Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: topicId }],
    });
    const expression = (rate.Properties.Metrics as Json[]).find((m) => m.Expression)?.Expression;
    expect(expression).toBe('IF(errors >= 5, 100 * errors / requests, 0)');
    const names = (rate.Properties.Metrics as Json[]).map((m) => m.MetricStat?.Metric.MetricName).filter(Boolean);
    expect(names.sort()).toEqual(['5xx', 'Count']);
    expect(settingsOf({ api5xxMinimum: '20' }).api5xxMinimum).toBe(20);
  });

  it('pages when the KPI aggregator falls an hour behind the stream, whose records live 24 hours', () => {
    const [[, age]] = alarms().filter(([, alarm]) => alarm.Properties.MetricName === 'IteratorAge') as [[string, Json]];
    expect(age.Properties).toMatchObject({
      Namespace: 'AWS/Lambda',
      Statistic: 'Maximum',
      Dimensions: [{ Name: 'FunctionName', Value: 'QuoteToOrder-local-KpiAggregator' }],
      Threshold: 3_600_000,
      AlarmActions: [{ Ref: topicId }],
    });
  });

  it('retries a throttled step (Lambda.TooManyRequestsException) over minutes, not seconds', () => {
    const tasks: Json[] = [];
    const walk = (states: Record<string, Json>) => {
      for (const state of Object.values(states)) {
        if (state.Type === 'Task') tasks.push(state);
        for (const branch of state.Branches ?? []) walk(branch.States);
        if (state.ItemProcessor) walk(state.ItemProcessor.States);
      }
    };
    walk(JSON.parse(definitionText()).States);
    expect(tasks.length).toBeGreaterThan(10);
    for (const task of tasks) {
      const throttled = (task.Retry as Json[]).find((retry) =>
        retry.ErrorEquals.includes('Lambda.TooManyRequestsException'),
      );
      // The longest the retries wait in all, before jitter: each interval grows by the rate up to the cap.
      const waits = Array.from({ length: throttled?.MaxAttempts ?? 0 }, (_, attempt) =>
        Math.min(
          throttled?.IntervalSeconds * throttled?.BackoffRate ** attempt,
          throttled?.MaxDelaySeconds ?? Infinity,
        ),
      );
      expect(
        waits.reduce((sum, wait) => sum + wait, 0),
        JSON.stringify(task.Parameters),
      ).toBeGreaterThanOrEqual(5 * 60);
    }
  });
});

describe('defect 6: the event archive', () => {
  it('has no empty KmsKeyIdentifier', () => {
    const [[, archive]] = local.ofType('AWS::Events::Archive') as [[string, Json]];
    expect(archive.Properties).not.toHaveProperty('KmsKeyIdentifier');
    expect(JSON.stringify(local.resources)).not.toContain('"KmsKeyIdentifier":""');
  });
});

describe('defect 9: sign-in on AWS', () => {
  it('has a hosted domain with managed login, styled for the web client', () => {
    local.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    local.template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      UseCognitoProvidedValues: true,
      ClientId: { Ref: Match.stringLikeRegexp('^AuthUsersWebClient') },
    });
  });

  it('gives the web app authorization code (PKCE: a public client) only, returning to the site’s /app/', () => {
    const web = local.ofType('AWS::Cognito::UserPoolClient').find(([id]) => id.startsWith('AuthUsersWebClient'));
    const siteUrl = (path: string) => ({
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebDistribution'), 'DomainName'] }, path],
      ],
    });
    expect(web?.[1].Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
    });
    local.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [siteUrl('/app/callback')],
      LogoutURLs: [siteUrl('/app/')],
    });
    const operator = local.ofType('AWS::Cognito::UserPoolClient').find(([id]) => id.startsWith('AuthUsersOperator'));
    expect(operator?.[1].Properties).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: false,
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });
});

describe('Cognito as people use it', () => {
  it('signs people in whatever the case of their email (set before the first deploy: it replaces a pool)', () => {
    local.template.hasResourceProperties('AWS::Cognito::UserPool', { UsernameConfiguration: { CaseSensitive: false } });
  });

  it('tells the app to sign out through the managed login’s /logout (the discovery document names none)', () => {
    const staged = readdirSync(local.outdir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('config.json'),
    );
    const configs = staged.map((file) => JSON.parse(readFileSync(join(local.outdir, file), 'utf8')) as Json);
    expect(configs).toContainEqual(
      expect.objectContaining({
        signOutUrl: expect.stringMatching(/^https:\/\/.+\.auth\..+\.amazoncognito\.com\/logout$/),
      }),
    );
  });

  it('invites people with the app’s URL, the seller’s name and the text the local pool mails (through SES)', () => {
    const viaSes = synth({
      salesManagerEmail: 'sm@example.com',
      existingSesIdentity: 'true',
      mailDomain: 'example.com',
      sellerName: 'Northwind Industrial',
    });
    const [[, pool]] = viaSes.ofType('AWS::Cognito::UserPool') as [[string, Json]];
    const template = pool.Properties.AdminCreateUserConfig.InviteMessageTemplate;
    expect(template.EmailSubject).toBe('Your sign-in to order from Northwind Industrial');
    const [separator, parts] = template.EmailMessage['Fn::Join'] as [string, unknown[]];
    const text = parts.map((part) => (typeof part === 'string' ? part : '<distribution>')).join(separator);
    expect(text).toContain('at https://<distribution>/app/');
    expect(text).toContain('href="https://<distribution>/app/"');
    expect(text).toMatch(/your email, \{username\}, and this temporary password: \{####\}/);
    expect(text).toContain('works for 3 days');
    expect(text.length).toBeLessThan(20_000);
    expect(JSON.stringify(parts.filter((part) => typeof part !== 'string'))).toMatch(/WebDistribution.*DomainName/);
    // Cognito takes a template only when it mails through SES; with its own mail the invitation is its default.
    const [[, cognitoMail]] = local.ofType('AWS::Cognito::UserPool') as [[string, Json]];
    expect(cognitoMail.Properties.AdminCreateUserConfig.InviteMessageTemplate).toBeUndefined();
  });
});

describe('web hosting', () => {
  const distribution = () => (local.ofType('AWS::CloudFront::Distribution')[0] as [string, Json])[1].Properties;

  it('derives one API behaviour per first path segment of the route table', () => {
    expect(apiPathPatterns([{ path: '/rfqs' }, { path: '/rfqs/{rfqId}/accept' }, { path: '/openapi.json' }])).toEqual([
      '/openapi.json',
      '/rfqs*',
    ]);
    const patterns = apiPathPatterns(routes);
    for (const route of routes) {
      const matched = patterns.some((pattern) =>
        pattern.endsWith('*') ? route.path.startsWith(pattern.slice(0, -1)) : route.path === pattern,
      );
      expect(matched, route.path).toBe(true);
    }
    expect(patterns.some((pattern) => '/app/'.startsWith(pattern.replace('*', '')))).toBe(false);
    const behaviours: Json[] = distribution().DistributionConfig.CacheBehaviors;
    expect(behaviours.map((b) => b.PathPattern).sort()).toEqual([...patterns].sort());
  });

  it('sends API paths to the HTTP API uncached, with every viewer header but Host, any method, HTTPS only', () => {
    const config = distribution().DistributionConfig;
    const apiOrigin = (config.Origins as Json[]).find((o) => o.CustomOriginConfig);
    expect(apiOrigin?.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    for (const behaviour of config.CacheBehaviors as Json[]) {
      expect(behaviour, behaviour.PathPattern).toMatchObject({
        TargetOriginId: apiOrigin?.Id,
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        ViewerProtocolPolicy: 'https-only',
      });
    }
  });

  it('serves the app from a private bucket through origin access control, with security headers', () => {
    local.template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    local.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    const [, appHeaders] = local
      .ofType('AWS::CloudFront::ResponseHeadersPolicy')
      .find(([id]) => id.startsWith('WebAppHeaders')) as [string, Json];
    const csp = JSON.stringify(
      appHeaders.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
    );
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      'amazoncognito.com',
    ]) {
      expect(csp).toContain(directive);
    }
    const defaults = distribution().DistributionConfig.DefaultCacheBehavior;
    expect(defaults.ViewerProtocolPolicy).toBe('redirect-to-https');
    local.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000 }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
          ContentTypeOptions: { Override: true },
        }),
      }),
    });
    expect(defaults.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
  });

  it('answers client-side routes under /app/ with index.html, redirects / to /app/, leaves files alone', () => {
    const run = (uri: string) =>
      runInNewContext(`${spaRoutingCode}; handler({ request: { uri: ${JSON.stringify(uri)} } })`) as Json;
    expect(run('/app/rfqs/RFQ-1').uri).toBe('/app/index.html');
    expect(run('/app/').uri).toBe('/app/index.html');
    expect(run('/app/assets/index-3f2a.js').uri).toBe('/app/assets/index-3f2a.js');
    expect(run('/').statusCode).toBe(302);
    expect(run('/app').headers.location.value).toBe('/app/');
    expect(run('/somewhere/else').uri).toBe('/somewhere/else');
  });

  it('uploads the build under app/: hashed files immutable, index.html and config.json revalidated and invalidated', () => {
    const uploads = local.ofType('Custom::CDKBucketDeployment').map(([, r]) => r.Properties as Json);
    const withConfig = uploads.find((u) => u.DistributionPaths);
    expect(withConfig?.DistributionPaths).toEqual(['/app/', '/app/index.html', '/app/config.json']);
    expect(withConfig?.SourceMarkers).toHaveLength(2);
    expect(JSON.stringify(withConfig?.SourceMarkers)).toContain('AuthUsersWebClient');
    expect(uploads).toHaveLength(2);
    expect(uploads.every((upload) => upload.DestinationBucketKeyPrefix === 'app/')).toBe(true);
    expect(uploads.find((u) => u.DistributionPaths)?.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    expect(uploads.find((u) => !u.DistributionPaths)?.SystemMetadata).toEqual({
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  it('never deletes config.json or a chunk a running page may load, and writes index.html only after the chunks', () => {
    const uploads = local.ofType('Custom::CDKBucketDeployment');
    const [chunksId, chunks] = uploads.find(([, u]) => !u.Properties.DistributionPaths) as [string, Json];
    const [, index] = uploads.find(([, u]) => u.Properties.DistributionPaths) as [string, Json];
    // Chunks are added beside the live ones, never pruned, and the upload leaves index.html and config.json alone.
    expect(chunks.Properties).toMatchObject({ Prune: false, Exclude: ['index.html', 'config.json'] });
    expect(index.Properties).toMatchObject({ Prune: false, Include: ['index.html', 'config.json'] });
    expect(index.DependsOn).toContain(chunksId);
  });

  it('is emptied by cdk destroy: the bucket holds the build alone, and CDK’s auto-delete empties it', () => {
    local.template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    local.template.resourceCountIs('Custom::S3AutoDeleteObjects', 1);
  });

  it('serves the API alone, with a warning, when there is no build to upload', () => {
    const bare = synth({ webAssets: 'no/such/dir' });
    bare.template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    bare.template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    Annotations.fromStack(bare.stacks.web).hasWarning(
      '/QuoteToOrder-local-Web/Web',
      Match.stringLikeRegexp('No web app build'),
    );
  });
});

describe('mail that bounces comes back', () => {
  const sendEmailGrants = (synthesized: ReturnType<typeof synth>): string =>
    JSON.stringify(
      synthesized
        .ofType('AWS::IAM::Policy')
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
        .filter((s: Json) => [s.Action].flat().includes('ses:SendEmail')),
    );

  it('publishes the configuration set’s bounces and complaints to the default bus, and SES suppresses them too', () => {
    const [[, destination]] = local.ofType('AWS::SES::ConfigurationSetEventDestination') as [[string, Json]];
    expect(destination.Properties.EventDestination).toMatchObject({
      Enabled: true,
      MatchingEventTypes: ['bounce', 'complaint'],
    });
    expect(JSON.stringify(destination.Properties.EventDestination.EventBridgeDestination)).toMatch(
      /:event-bus\/default"/,
    );
    expect(destination.Properties.ConfigurationSetName.Ref).toMatch(/^EmailConfigurationSet/);
    local.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('routes only this stack’s configuration set’s events to the handler, with a paging dead-letter queue', () => {
    const [[ruleId, rule]] = local
      .ofType('AWS::Events::Rule')
      .filter(([, r]) => JSON.stringify(r.Properties.EventPattern).includes('aws.ses')) as [[string, Json]];
    expect(rule.Properties.EventBusName).toBe('default');
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
      detail: {
        mail: { tags: { 'ses:configuration-set': [{ Ref: expect.stringMatching(/^EmailConfigurationSet/) }] } },
      },
    });
    const [target] = rule.Properties.Targets;
    expect(target.DeadLetterConfig.Arn['Fn::GetAtt'][0]).toMatch(/^MailFeedbackFailures/);
    const handlerId = target.Arn['Fn::GetAtt'][0] as string;
    expect(local.resources[handlerId]?.Type).toBe('AWS::Lambda::Function');
    const [[, invoke]] = local.ofType('AWS::Lambda::EventInvokeConfig') as [[string, Json]];
    expect(invoke.Properties.FunctionName).toEqual({ Ref: handlerId });
    expect(invoke.Properties.MaximumRetryAttempts).toBe(2);
    expect(invoke.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0]).toMatch(/^MailFeedbackFailures/);
    const alarm = local
      .ofType('AWS::CloudWatch::Alarm')
      .find(([id]) => id.startsWith('ObservabilityMailFeedbackFailuresAlarm'));
    expect(alarm).toBeDefined();
    expect(ruleId).toMatch(/^MailFeedbackRule/);
  });

  it('grants SendEmail on the identity that was verified: the domain alone with mailDomain', () => {
    const domain = synth({
      salesManagerEmail: 'sm@example.com',
      existingSesIdentity: 'true',
      mailDomain: 'example.com',
    });
    expect(sendEmailGrants(domain)).toContain(':identity/example.com"');
    expect(sendEmailGrants(domain)).not.toContain(':identity/quotes@example.com');
    // An existing identity named by its address only may be the address or its domain: SES sends as whichever is
    // verified, so both are granted.
    const address = synth({ salesManagerEmail: 'sm@example.com', existingSesIdentity: 'true' });
    expect(sendEmailGrants(address)).toContain(':identity/example.com"');
    expect(sendEmailGrants(address)).toContain(':identity/quotes@example.com"');
  });
});

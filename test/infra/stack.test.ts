import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoActions, cognitoReadActions } from '#functions/accounts/cognito-actions.ts';
import { integrationClientActions } from '#functions/integrations/cognito-actions.ts';
import { kpiEventSource } from '#functions/streams/event-source.ts';
import { type RouteSpec, routes, unmatchedRoute } from '#http/routes.ts';
import { tableDefinition } from '#store/table.ts';
import { definitionText, stepFunctions, substitute } from '#workflows/quote-to-order.ts';
import { webhookRetryFunctions } from '#workflows/webhook-retries.ts';
import { groups } from '../../infra/auth.ts';
import { QuoteToOrderFunction, runtime } from '../../infra/function.ts';
import { kpiAggregatorHandler } from '../../infra/kpis.ts';
import { mailFeedbackHandler } from '../../infra/mail-feedback.ts';
import { nagReasons } from '../../infra/nag.ts';
import { mergeNeeds, type Needs, sendTaskResultActions, tableActions } from '../../infra/permissions.ts';
import type { QuoteToOrderStacks } from '../../infra/stacks.ts';
import { webhookDispatchHandler } from '../../infra/webhooks.ts';
import { acknowledgedWildcards } from '../../infra/wildcards.ts';
import { workflowAlias } from '../../infra/workflow.ts';
import { bundleEach } from './bundles.ts';
import { type Json, quoteToOrderIn, synthesized } from './synthesized.ts';

type Validate = (definition: unknown) => { isValid: boolean; errorsText: (separator?: string) => string };
const validateAsl = createRequire(import.meta.url)('asl-validator') as Validate;

/**
 * One synth for the whole file, with CDK's bundling skipped, and every function's bundle made from the module it names
 * in one esbuild call with the same options (test/infra/bundles.ts): that proves the `#domain/*` aliases resolve and
 * the handlers exist, in a fifth of the CPU of ~80 `npx esbuild` runs. That the options are CDK's own is held below,
 * byte for byte, on one function CDK bundles itself.
 */
let outdir: string;
let app: App;
let stack: QuoteToOrderStacks;
let template: Template;
let resources: Record<string, Json>;
let logicalId: (construct: IConstruct) => string;
/** Each function's bundle (`index.js`, its map beside it), by the function's logical id. */
let bundleOf: (functionLogicalId: string) => string;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'quote-to-order-infra-'));
  app = new App({
    outdir,
    context: {
      alarmEmail: 'oncall@example.com',
      salesManagerEmail: 'sm@example.com',
      webAssets: 'test/fixtures/web-dist',
      'aws:cdk:bundling-stacks': [],
    },
  });
  stack = quoteToOrderIn(app);
  ({ template, resources, functionId: logicalId } = synthesized(stack));
  const functions = [...stack.functions.values()];
  const bundles = await bundleEach(
    functions.map((fn) => fn.handlerModule),
    join(outdir, 'bundles'),
  );
  const byId = new Map(functions.map((fn) => [logicalId(fn), bundles.get(fn.handlerModule) ?? '']));
  bundleOf = (functionLogicalId) => byId.get(functionLogicalId) ?? `no function ${functionLogicalId}`;
}, 1_500_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

const ofType = (type: string): [string, Json][] =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);
/**
 * The app's functions, without CDK's own: the BucketDeployment singleton (which uploads the web app at deploy time)
 * and the bucket's auto-delete provider (which empties it on `cdk destroy`).
 */
const appFunctions = (): [string, Json][] =>
  ofType('AWS::Lambda::Function').filter(
    ([id]) => !id.startsWith('CustomCDKBucketDeployment') && !id.startsWith('CustomS3AutoDeleteObjects'),
  );

/** Every Allow statement of the inline policies attached to a function's role. */
const statementsOf = (functionLogicalId: string): Json[] => {
  const roleId = resources[functionLogicalId]?.Properties.Role['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((role: Json) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
};
const actionsOf = (statement: Json): string[] => [statement.Action].flat();
const resourcesOf = (statement: Json): unknown[] => [statement.Resource].flat();

describe('the API', () => {
  /** Every API route key with the spec it comes from: the table's entries and the `$default` catch-all. */
  const specsByRouteKey = () =>
    new Map<string, Pick<RouteSpec, 'handler' | 'auth' | 'scope'>>([
      ...routes.map((route): [string, RouteSpec] => [`${route.method} ${route.path}`, route]),
      ['$default', unmatchedRoute],
    ]);

  it("has one route per route-table entry plus $default, each on its handler module's function", () => {
    const apiRoutes = ofType('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties);
    expect(apiRoutes.map((route) => route.RouteKey).sort()).toEqual([...specsByRouteKey().keys()].sort());
    for (const [key, spec] of specsByRouteKey()) {
      const apiRoute = apiRoutes.find((candidate) => candidate.RouteKey === key);
      const integrationId = apiRoute?.Target['Fn::Join'][1][1].Ref;
      const functionId = resources[integrationId]?.Properties.IntegrationUri['Fn::GetAtt'][0];
      const fn = [...stack.functions.values()].find((candidate) => logicalId(candidate) === functionId);
      expect(`/${kebab(fn?.node.id ?? '')}.ts`, key).toBe(spec.handler.slice(spec.handler.lastIndexOf('/')));
    }
  });

  it('authorizes every route with the Cognito JWT except the public ones and those integrations call too', () => {
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer').map(([, authorizer]) => authorizer.Properties);
    expect(authorizers).toHaveLength(1);
    expect(authorizers[0]).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [
          { Ref: expect.stringMatching(/^AuthUsersWebClient/) },
          { Ref: expect.stringMatching(/^AuthUsersOperatorClient/) },
        ],
      },
    });
    for (const [, apiRoute] of ofType('AWS::ApiGatewayV2::Route')) {
      const key = apiRoute.Properties.RouteKey;
      const spec = specsByRouteKey().get(key);
      // A route with a scope verifies its bearer token in its function (functions/http/bearer-token.ts).
      const expected = spec?.auth === 'jwt' && !spec.scope ? 'JWT' : 'NONE';
      expect(apiRoute.Properties.AuthorizationType ?? 'NONE', key).toBe(expected);
    }
  });

  it('throttles the $default stage and writes access logs without the request path (link tokens)', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Json]];
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [expect.stringMatching(/^ApiAccessLogs/), 'Arn'] } },
    });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format.routeKey).toBe('$context.routeKey');
    expect(JSON.stringify(format)).not.toMatch(/\$context\.(path|resourcePath)/);
  });
});

describe('the functions', () => {
  it('are one per handler module of the route table ($default included), one per workflow step and event handler', () => {
    const handlers = new Set([
      ...routes.map((route) => route.handler),
      unmatchedRoute.handler,
      ...Object.values(stepFunctions).map((step) => step.handler),
      kpiAggregatorHandler,
      mailFeedbackHandler,
      ...Object.values(webhookRetryFunctions).map((fn) => fn.handler),
      webhookDispatchHandler,
    ]);
    expect(appFunctions()).toHaveLength(handlers.size);
    expect(stack.functions.size).toBe(handlers.size);
  });

  it('run on the newest Node.js LTS on ARM64, their own log group and the app configuration, X-Ray off by default', () => {
    for (const [id, fn] of appFunctions()) {
      expect(fn.Properties, id).toMatchObject({
        Runtime: runtime.name,
        Architectures: ['arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        Environment: {
          Variables: {
            TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) },
            STATE_MACHINE_ARN: expect.anything(),
            EVENT_BUS_NAME: { Ref: expect.stringMatching(/^EventsBus/) },
            MAIL_FROM: 'quotes@example.com',
            SES_CONFIGURATION_SET: { Ref: expect.stringMatching(/^EmailConfigurationSet/) },
            PUBLIC_BASE_URL: {
              'Fn::Join': [
                '',
                ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^WebDistribution/), 'DomainName'] }, '/'],
              ],
            },
            SALES_MANAGER_EMAIL: 'sm@example.com',
            POWERTOOLS_SERVICE_NAME: 'quote-to-order',
            POWERTOOLS_LOG_LEVEL: 'INFO',
          },
        },
      });
      expect(fn.Properties.Environment.Variables, id).not.toHaveProperty('AWS_REGION');
      // Stack traces are mapped when logged (functions/http/source-mapped-stack.ts), not at every start.
      expect(fn.Properties.Environment.Variables, id).not.toHaveProperty('NODE_OPTIONS');
      expect(fn.Properties.TracingConfig?.Mode ?? 'PassThrough', id).toBe('PassThrough');
    }
    expect(runtime.name).toBe('nodejs24.x');
    const retained = ofType('AWS::Logs::LogGroup').filter(([, group]) => group.Properties.RetentionInDays === 30);
    expect(retained.length).toBeGreaterThanOrEqual(stack.functions.size);
  });

  it('take memory and timeout from their spec', () => {
    const openapi = routes.find((route) => route.key === 'GET /openapi.json');
    const createRfq = routes.find((route) => route.key === 'POST /rfqs');
    const byId = (id: string) => resources[logicalId(stack.functions.get(id) as IConstruct)]?.Properties;
    expect(byId('GetOpenapi')).toMatchObject({ MemorySize: openapi?.memoryMb, Timeout: 10 });
    expect(byId('CreateRfq')).toMatchObject({ MemorySize: 512, Timeout: createRfq?.timeoutSeconds });
    expect(byId('PriceQuote')).toMatchObject({ Timeout: stepFunctions.PriceQuoteFunctionArn?.timeoutSeconds });
  });

  it('are minified CommonJS bundles with the AWS SDK inside, requiring nothing but Node built-ins', () => {
    // The SDK tries these inside a try/catch, for SigV4a (multi-region access points), which nothing here signs.
    const optionalInSdk = new Set(['@aws-sdk/signature-v4-crt', '@aws-sdk/signature-v4a']);
    const bundles = appFunctions().map(([id]) => bundleOf(id));
    expect(bundles).toHaveLength(stack.functions.size);
    for (const bundle of bundles) {
      const code = readFileSync(bundle, 'utf8');
      expect(existsSync(`${bundle}.map`)).toBe(true);
      // Minified: a few very long lines (template literals keep their own line breaks).
      expect(code.length / code.split('\n').length, bundle).toBeGreaterThan(500);
      // ESM syntax would make Node load it as a module, with the costly ESM facade of node:http (infra/bundling.ts).
      expect(code, bundle).not.toMatch(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']node:/);
      const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
      expect(required.length, bundle).toBeGreaterThan(0);
      for (const specifier of required.filter((s) => !optionalInSdk.has(s ?? '')))
        expect(isBuiltin(specifier ?? ''), `${bundle}: ${specifier}`).toBe(true);
    }
  });
  it('are bundled here as CDK bundles them: its own bundle of one function is the same bytes', () => {
    // A function that reads the alias (the SDK's credentials) and the define (the local sign-in pool left out).
    const handlerModule = 'functions/http/put-company.ts';
    const own = new App({ outdir: join(outdir, 'one-function') });
    const fn = new QuoteToOrderFunction(new Stack(own, 'OneFunction'), 'PutCompany', {
      handler: handlerModule,
      defaults: {
        config: {},
        namePrefix: 'OneFunction',
        tracing: false,
        logRetention: RetentionDays.ONE_DAY,
        logLevel: 'INFO',
        removalPolicy: RemovalPolicy.DESTROY,
      },
    });
    const { S3Key } = Template.fromStack(Stack.of(fn)).toJSON().Resources[logicalId(fn)].Properties.Code;
    const cdkBundle = join(own.outdir, `asset.${String(S3Key).replace(/\.zip$/, '')}`, 'index.js');
    const ours = bundleOf(logicalId(stack.functions.get('PutCompany') as IConstruct));
    expect(readFileSync(cdkBundle, 'utf8') === readFileSync(ours, 'utf8'), `${cdkBundle} ≠ ${ours}`).toBe(true);
  });
});

describe('least privilege', () => {
  /** By handler module: routes sharing a module share its function and the union of their needs. */
  const specs = new Map<string, Needs>();
  for (const { handler, needs } of [...routes, unmatchedRoute, ...Object.values(stepFunctions)]) {
    const known = specs.get(handler);
    specs.set(handler, known ? mergeNeeds(known, needs) : needs);
  }

  it('grants each function exactly the access its spec needs', () => {
    for (const [handler, needs] of specs) {
      const fn = [...stack.functions.values()].find((candidate) => handler.endsWith(`/${kebab(candidate.node.id)}.ts`));
      expect(fn, handler).toBeDefined();
      const statements = statementsOf(logicalId(fn as IConstruct));
      const granted = new Set(statements.flatMap(actionsOf));
      const table = statements.find((statement) => actionsOf(statement).includes('dynamodb:GetItem'));
      expect(table ? actionsOf(table).sort() : [], handler).toEqual([...tableActions[needs.table]].sort());
      if (table) expect(resourcesOf(table), handler).toHaveLength(1 + Object.keys(tableDefinition.indexes).length);
      expect(granted.has('states:StartExecution'), handler).toBe(Boolean(needs.startExecution));
      expect(granted.has('states:DescribeExecution'), handler).toBe(Boolean(needs.startExecution));
      expect(granted.has('states:StopExecution'), handler).toBe(Boolean(needs.stopExecution));
      expect(granted.has('states:SendTaskSuccess'), handler).toBe(Boolean(needs.sendTaskResult));
      expect(granted.has('ses:SendEmail'), handler).toBe(Boolean(needs.sendEmail));
      expect(granted.has('events:PutEvents'), handler).toBe(Boolean(needs.putEvents));
      expect(granted.has('cognito-idp:AdminCreateUser'), handler).toBe(needs.signInAccounts === true);
      expect(granted.has('cognito-idp:AdminGetUser'), handler).toBe(Boolean(needs.signInAccounts));
      expect(granted.has('cognito-idp:CreateUserPoolClient'), handler).toBe(Boolean(needs.integrationClients));
      expect(
        [...granted].filter((action) => !knownActions.has(action)),
        handler,
      ).toEqual([]);
    }
  });

  it('lets only the functions that change a company’s people reach Cognito: its admin calls, on the user pool', () => {
    const ids = ['PutCompany', 'PutCompanyUsers', 'PutCompanyPerson', 'ResendInvitation'].map((name) =>
      logicalId(stack.functions.get(name) as IConstruct),
    );
    expect(routes.filter((r) => r.needs.signInAccounts === true).map((r) => r.handler)).toEqual([
      'functions/http/put-company.ts',
      'functions/http/put-company-users.ts',
      'functions/http/put-company-person.ts',
      'functions/http/resend-invitation.ts',
    ]);
    // Whose invitation is still open is a lookup: that function may only look accounts up.
    expect(routes.filter((r) => r.needs.signInAccounts === 'read').map((r) => r.handler)).toEqual([
      'functions/http/get-open-invitations.ts',
    ]);
    const [[poolId]] = ofType('AWS::Cognito::UserPool') as [[string, Json]];
    const readerId = logicalId(stack.functions.get('GetOpenInvitations') as IConstruct);
    const reader = statementsOf(readerId).filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
    expect(reader.map((s) => actionsOf(s).sort())).toEqual([[...cognitoReadActions]]);
    expect(resourcesOf(reader[0] ?? {})).toEqual([{ 'Fn::GetAtt': [poolId, 'Arn'] }]);
    for (const id of ids) {
      const cognito = statementsOf(id).filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
      expect(cognito.map((s) => actionsOf(s).sort())).toEqual([[...cognitoActions].sort()]);
      expect(resourcesOf(cognito[0] ?? {})).toEqual([{ 'Fn::GetAtt': [poolId, 'Arn'] }]);
      expect(resources[id]?.Properties.Environment.Variables).toMatchObject({
        SIGN_IN_ACCOUNTS: 'cognito',
        USER_POOL_ID: { Ref: poolId },
      });
    }
    const told = appFunctions().filter(
      ([, fn]) => fn.Properties.Environment?.Variables?.SIGN_IN_ACCOUNTS !== undefined,
    );
    expect(told.map(([other]) => other).sort()).toEqual([...ids, readerId].sort());
    // Only their bundles carry the Cognito client (functions/http/sign-in-accounts.ts, which their handlers import).
    const withCognito = appFunctions()
      .filter(([id]) => readFileSync(bundleOf(id), 'utf8').includes('AWSCognitoIdentityProviderService'))
      .map(([other]) => other);
    expect(withCognito.sort()).toEqual([...ids, readerId, ...integrationManagers()].sort());
  });

  it('bundles the SES client into a route’s function only where it may send mail (the local sign-in pool’s left out)', () => {
    const routeModules = new Set(routes.map((route) => route.handler));
    const routeFunctions = [...stack.functions.values()]
      .filter((fn) => routeModules.has(fn.handlerModule))
      .map((fn) => logicalId(fn));
    const sending = routeFunctions.filter((id) =>
      statementsOf(id).some((statement) => actionsOf(statement).includes('ses:SendEmail')),
    );
    const withSes = routeFunctions.filter((id) => readFileSync(bundleOf(id), 'utf8').includes('SimpleEmailService_v2'));
    expect(sending.length).toBeGreaterThan(0);
    expect(withSes.sort()).toEqual(sending.sort());
  });

  const integrationManagers = () =>
    ['CreateIntegration', 'RotateIntegrationSecret', 'DeleteIntegration'].map((name) =>
      logicalId(stack.functions.get(name) as IConstruct),
    );

  it('lets only the functions that make and delete integration clients reach Cognito for it, on the user pool', () => {
    expect(routes.filter((r) => r.needs.integrationClients).map((r) => r.handler)).toEqual([
      'functions/http/create-integration.ts',
      'functions/http/rotate-integration-secret.ts',
      'functions/http/delete-integration.ts',
    ]);
    const [[poolId]] = ofType('AWS::Cognito::UserPool') as [[string, Json]];
    for (const id of integrationManagers()) {
      const cognito = statementsOf(id).filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
      expect(cognito.map((s) => actionsOf(s).sort())).toEqual([[...integrationClientActions].sort()]);
      expect(resourcesOf(cognito[0] ?? {})).toEqual([{ 'Fn::GetAtt': [poolId, 'Arn'] }]);
      expect(resources[id]?.Properties.Environment.Variables).toMatchObject({
        INTEGRATION_CLIENTS: 'cognito',
        USER_POOL_ID: { Ref: poolId },
        INTEGRATION_TOKEN_URL: expect.anything(),
      });
    }
    const [[, server]] = ofType('AWS::Cognito::UserPoolResourceServer') as [[string, Json]];
    expect(server.Properties).toMatchObject({ Identifier: 'quote-to-order', UserPoolId: { Ref: poolId } });
    expect(server.Properties.Scopes.map((scope: { ScopeName: string }) => scope.ScopeName)).toEqual([
      'orders.read',
      'orders.write',
      'catalog.write',
    ]);
  });

  it('gives what answers without data (the old page redirect, the OpenAPI document, $default) no table access', () => {
    const tableless = [...routes, unmatchedRoute].filter((spec) => spec.needs.table === 'none').map((s) => s.handler);
    expect(tableless.sort()).toEqual([
      'functions/http/get-buyer-quote-page.ts',
      'functions/http/get-openapi.ts',
      'functions/http/unmatched-route.ts',
    ]);
    for (const handler of tableless) {
      const fn = [...stack.functions.values()].find((candidate) => handler.endsWith(`/${kebab(candidate.node.id)}.ts`));
      const granted = statementsOf(logicalId(fn as IConstruct)).flatMap(actionsOf);
      expect(
        granted.filter((action) => action.startsWith('dynamodb:')),
        handler,
      ).toEqual([]);
    }
  });

  it('names no wildcard except the acknowledged ones, in any policy of the stack', () => {
    const offenders: string[] = [];
    for (const [id, resource] of Object.entries(resources)) {
      for (const statement of policyStatements(resource.Properties)) {
        if (statement.Effect !== 'Allow') continue;
        const actions = actionsOf(statement);
        const wildcard = actions.some((action) => action.includes('*')) || resourcesOf(statement).includes('*');
        if (!wildcard) continue;
        const acknowledged = acknowledgedWildcards.some(
          (entry) =>
            (entry.inPolicyOf === undefined || entry.inPolicyOf === resource.Type) &&
            actions.every((action) => entry.actions.includes(action)),
        );
        if (!acknowledged) offenders.push(`${id}: ${JSON.stringify(statement)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('lets the state machine invoke every version of exactly the step functions', () => {
    const [[, machine]] = ofType('AWS::StepFunctions::StateMachine') as [[string, Json]];
    const roleId = machine.Properties.RoleArn['Fn::GetAtt'][0];
    const invoke = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => policy.Properties.Roles.some((role: Json) => role.Ref === roleId))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement)
      .filter((statement: Json) => actionsOf(statement).includes('lambda:InvokeFunction'));
    expect(invoke).toHaveLength(1);
    const stepIds = Object.keys(stepFunctions).map((key) =>
      logicalId(stack.functions.get(key.replace(/FunctionArn$/, '')) as IConstruct),
    );
    expect(resourcesOf(invoke[0] ?? {})).toEqual(
      stepIds.map((id) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, ':*']] })),
    );
  });

  it('scopes StopExecution and DescribeExecution to the executions of this state machine', () => {
    const cancel = statementsOf(logicalId(stack.functions.get('CancelRfq') as IConstruct));
    const stop = cancel.find((statement) => actionsOf(statement).includes('states:StopExecution'));
    expect(JSON.stringify(stop?.Resource)).toContain(`:execution:${stack.stateMachineName}:*`);
    const submit = statementsOf(logicalId(stack.functions.get('CreateRfq') as IConstruct));
    const describe = submit.find((statement) => actionsOf(statement).includes('states:DescribeExecution'));
    expect(JSON.stringify(describe?.Resource)).toContain(`:execution:${stack.stateMachineName}:*`);
  });
});

describe('the workflow', () => {
  const machine = () => (ofType('AWS::StepFunctions::StateMachine')[0] as [string, Json])[1].Properties;

  it('binds every substitution of the ASL file, each step key to a published version of its own function', () => {
    const used = new Set([...definitionText().matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]));
    const substitutions: Json = machine().DefinitionSubstitutions;
    expect(new Set(Object.keys(substitutions))).toEqual(used);
    for (const key of Object.keys(stepFunctions)) {
      const fn = stack.functions.get(key.replace(/FunctionArn$/, ''));
      const versionId = substitutions[key]?.Ref;
      expect(resources[versionId], key).toMatchObject({
        Type: 'AWS::Lambda::Version',
        DeletionPolicy: 'Retain',
        Properties: { FunctionName: { Ref: logicalId(fn as IConstruct) } },
      });
    }
  });

  it('deploys the very ASL file the local engine runs, as an asset', () => {
    const assets = readdirSync(outdir).filter((name) => name.startsWith('asset.') && name.endsWith('.json'));
    expect(assets.map((name) => readFileSync(join(outdir, name), 'utf8'))).toContain(definitionText());
  });

  it('is valid Amazon States Language once the substitutions are applied', () => {
    const arns = Object.fromEntries(
      Object.keys(machine().DefinitionSubstitutions).map((key) => [
        key,
        `arn:aws:lambda:us-east-1:123456789012:function:${key.replace(/FunctionArn$/, '')}`,
      ]),
    );
    const result = validateAsl(JSON.parse(substitute(definitionText(), arns)));
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('is a Standard state machine with a fixed name, logging ALL without execution data, and X-Ray', () => {
    expect(machine()).toMatchObject({
      StateMachineName: stack.stateMachineName,
      StateMachineType: 'STANDARD',
      DefinitionS3Location: expect.anything(),
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
      TracingConfiguration: { Enabled: true },
    });
  });

  it('is started by every function through its alias, by an ARN formatted from its name', () => {
    for (const [id, anyFunction] of appFunctions()) {
      expect(JSON.stringify(anyFunction.Properties.Environment.Variables.STATE_MACHINE_ARN), id).toMatch(
        new RegExp(`:stateMachine:${stack.stateMachineName}:${workflowAlias}"`),
      );
      expect(JSON.stringify(anyFunction), id).not.toMatch(/WorkflowStateMachine[0-9A-F]{8}"/);
    }
  });
});

describe('data, identity, mail and events', () => {
  it("builds the table from the store's definition: keys, indexes, TTL, on-demand, PITR, deletion protection", () => {
    const indexes = Object.values(tableDefinition.indexes);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
        GlobalSecondaryIndexes: Match.arrayWith(
          indexes.map((index) =>
            Match.objectLike({ IndexName: index.indexName, Projection: { ProjectionType: index.projection } }),
          ),
        ),
      }),
    });
  });

  it('has a user pool with the five groups, custom:companyId, no self sign-up, and clients that cannot write the company', () => {
    expect(
      ofType('AWS::Cognito::UserPoolGroup')
        .map(([, group]) => group.Properties.GroupName)
        .sort(),
    ).toEqual([...groups].sort());
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'companyId', AttributeDataType: 'String', Mutable: true })]),
    });
    const clients = ofType('AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(2);
    for (const [, client] of clients) {
      expect(client.Properties.ReadAttributes).toContain('custom:companyId');
      expect(client.Properties.WriteAttributes).not.toContain('custom:companyId');
      expect(client.Properties.GenerateSecret).toBe(false);
    }
  });

  it('sends mail from the configured identity through a configuration set', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'quotes@example.com',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('^EmailConfigurationSet') } },
    });
    template.resourceCountIs('AWS::Events::EventBus', 1);
  });
});

describe('observability', () => {
  it('sends every alarm to one KMS-encrypted, TLS-only topic', () => {
    const [[topicId, topic]] = ofType('AWS::SNS::Topic') as [[string, Json]];
    expect(topic.Properties.KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^ObservabilityTopicKey/), 'Arn'],
    });
    // Each alarm pages through the topic, or is one of the reasons of the composite alarm that does.
    const composite = ofType('AWS::CloudWatch::CompositeAlarm').map(([, alarm]) => alarm.Properties);
    expect(composite).toHaveLength(1);
    expect(composite[0]?.AlarmActions).toEqual([{ Ref: topicId }]);
    const reasons = JSON.stringify(composite[0]?.AlarmRule);
    for (const [id, alarm] of ofType('AWS::CloudWatch::Alarm')) {
      if (alarm.Properties.AlarmActions) expect(alarm.Properties.AlarmActions, id).toEqual([{ Ref: topicId }]);
      else expect(reasons, id).toContain(id);
    }
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('outputs what a deployer needs next', () => {
    expect(Object.keys(template.toJSON().Outputs)).toEqual(
      expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'StateMachineArn']),
    );
  });
});

describe('KPIs from the table stream', () => {
  it('streams the table with old and new images', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it("feeds the aggregator RFQ items only, with the local poller's batching, retries, bisecting and max record age", () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const [, mapping] = mappings[0]!;
    expect(mapping.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: kpiEventSource.batchSize,
      MaximumBatchingWindowInSeconds: kpiEventSource.maxBatchingWindowSeconds,
      MaximumRetryAttempts: kpiEventSource.retryAttempts,
      BisectBatchOnFunctionError: true,
      MaximumRecordAgeInSeconds: kpiEventSource.maxRecordAgeSeconds,
      ParallelizationFactor: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(kpiEventSource.filter) }] },
    });
    const queue = ofType('AWS::SQS::Queue').find(([id]) => id.startsWith('KpisStreamFailures'));
    expect(queue, 'the on-failure queue').toBeDefined();
    expect(mapping.Properties.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queue![0], 'Arn'] });
    expect(queue![1].Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('pages on the first record set aside', () => {
    const alarm = ofType('AWS::CloudWatch::Alarm').find(([id]) => id.startsWith('ObservabilityStreamFailuresAlarm'));
    expect(alarm?.[1].Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(alarm?.[1].Properties.AlarmActions).toHaveLength(1);
  });

  it('lets the aggregator write the table and read its stream, nothing else', () => {
    const fn = stack.functions.get('KpiAggregator');
    const granted = new Set(statementsOf(logicalId(fn as IConstruct)).flatMap(actionsOf));
    expect([...granted].filter((a) => !knownActions.has(a)).sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:SendMessage',
    ]);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('passes, with only the acknowledged findings', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((violation) => `${violation.ruleName}: ${violation.description}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges nothing that is not in the table of reasons', () => {
    const acknowledged = new Set<string>();
    for (const construct of app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const id of Object.keys(entry.data as Record<string, string>)) {
          if (construct.node.path.includes('/Custom::CDKBucketDeployment')) {
            acknowledged.add('AwsSolutions-*[web upload]');
            continue;
          }
          if (construct.node.path.includes('/Custom::S3AutoDeleteObjects')) {
            acknowledged.add('AwsSolutions-*[bucket auto-delete]');
            continue;
          }
          acknowledged.add(
            id
              .replace(/^annotation::/i, '')
              .replace(/\[Resource::arn:.*:execution:.*\]$/, '[Resource::<executions of the workflow>]')
              .replace(
                /\[Resource::<(Workflow|Webhooks)\w+\.Arn>:\*\]$/,
                '[Resource::<every version of a step function>]',
              ),
          );
        }
      }
    }
    expect(acknowledged.size).toBeGreaterThan(0);
    for (const id of acknowledged) expect(Object.keys(nagReasons), id).toContain(id);
  });
});

const knownActions = new Set([
  ...tableActions.write,
  'states:StartExecution',
  'states:DescribeExecution',
  'states:StopExecution',
  ...sendTaskResultActions,
  'ses:SendEmail',
  'events:PutEvents',
  ...cognitoActions,
  ...integrationClientActions,
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
]);

const kebab = (pascal: string): string => pascal.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase();

/** Every policy statement inside a resource's properties: IAM policies, key policies, topic policies ... */
const policyStatements = (value: unknown): Json[] => {
  if (!value || typeof value !== 'object') return [];
  const own = Array.isArray((value as Json).Statement) ? ((value as Json).Statement as Json[]) : [];
  return [...own, ...Object.values(value).flatMap(policyStatements)];
};

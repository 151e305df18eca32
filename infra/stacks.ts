import { isAbsolute, join } from 'node:path';
import { ArnFormat, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { brandOf, configSchema } from '#functions/config.ts';
import { type RouteSpec, routes, unmatchedRoute } from '#http/routes.ts';
import { ApiRoutes } from './api.ts';
import { ApiGateway } from './api-gateway.ts';
import { type ApiPart, apiPartOf, apiParts, unmatchedRoutePart } from './api-parts.ts';
import { Auth } from './auth.ts';
import { Data } from './data.ts';
import { Email } from './email.ts';
import { Events } from './events.ts';
import { type FunctionDefaults, type QuoteToOrderFunction, repoRoot } from './function.ts';
import { configFromSettings, environmentOf } from './function-environment.ts';
import { Kpis } from './kpis.ts';
import { MailFeedback } from './mail-feedback.ts';
import { Observability } from './observability.ts';
import type { Targets } from './permissions.ts';
import type { Settings } from './settings.ts';
import { Web } from './web.ts';
import { Webhooks } from './webhooks.ts';
import { Workflow, workflowAlias } from './workflow.ts';

export interface QuoteToOrderStacksProps {
  settings: Settings;
  env?: StackProps['env'];
  description: string;
}

/**
 * quote-to-order on AWS, in stacks cut by how often they change and what they hold, each far below CloudFormation's
 * 500 resources with room for twice today's routes (test/infra/stacks.test.ts counts them):
 *
 * - `<name>-Data`: the table, the event bus, SES — what holds data or reputation and rarely changes.
 * - `<name>-Web`: how people get in — the user pool with its managed login, the HTTP API with its stage and JWT
 *   authorizer, the web app's bucket and the CloudFront distribution in front of both. The pool's invitation and
 *   sign-out name the site's URL and the site's config names the pool's client, so they share a stack.
 * - `<name>-Workflow`: the state machine with its step functions, its versions and the `live` alias, and what works
 *   behind the API on events: the KPI aggregator on the table stream, the mail feedback handler on SES's bounces.
 * - `<name>-QuotesApi`, `-CustomersApi`, `-OrdersApi`: the route table's routes and their functions, attached to the
 *   HTTP API by id (infra/api-parts.ts says which route goes where).
 * - `<name>-Observability`: the alarm topic, the alarms and the dashboard, last.
 *
 * References between stacks run one way (each stack above only reads those before it), through CloudFormation
 * exports of things that never change once made: the table, the bus, the API and its authorizer, the site's domain,
 * the pool. The functions that start the workflow and the alarms are told the state machine's alias ARN and the
 * functions' names formatted from fixed names, so nothing imports a function or a state machine version, and a
 * function can come and go in one deploy.
 */
export class QuoteToOrderStacks {
  readonly data: Stack;
  readonly web: Stack;
  readonly workflow: Stack;
  readonly apis: Record<ApiPart, Stack>;
  readonly observability: Stack;
  readonly stateMachineName: string;
  /** `…:stateMachine:<name>:live`: what every start of an execution names. */
  readonly stateMachineAliasArn: string;
  /** Every function of the app, by construct id. */
  readonly functions = new Map<string, QuoteToOrderFunction>();

  constructor(scope: Construct, props: QuoteToOrderStacksProps) {
    const { settings } = props;
    const prefix = settings.stackName;
    const stackProps = (part: string): StackProps => ({
      env: props.env,
      description: `${props.description} — ${part}`,
    });
    const removalPolicy = settings.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.data = new Stack(scope, `${prefix}-Data`, stackProps('data: the table, the event bus, SES'));
    const data = new Data(this.data, 'Data', settings);
    const events = new Events(this.data, 'Events', prefix);
    const email = new Email(this.data, 'Email', {
      mailFrom: settings.mailFrom,
      mailDomain: settings.mailDomain,
      existingIdentity: settings.existingSesIdentity,
      sandboxRecipients: settings.sesSandboxRecipients,
    });

    this.web = new Stack(scope, `${prefix}-Web`, stackProps('sign-in, the HTTP API and the site'));
    const auth = new Auth(this.web, 'Auth', {
      requireMfa: settings.requireMfa,
      deletionProtection: settings.deletionProtection,
      mail: settings.userPoolMail,
      mailFrom: settings.mailFrom,
      mailDomain: settings.mailDomain,
      configurationSetName: email.configurationSet.configurationSetName,
      domainPrefix: settings.authDomainPrefix,
    });
    const gateway = new ApiGateway(this.web, 'Api', {
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
      defaults: { logRetention: settings.logRetentionDays, removalPolicy },
    });
    // The brand as the functions read it, defaults included: the app shows what the emails and pages show.
    const brand = brandOf(configSchema.parse(environmentOf(configFromSettings(settings))));
    const web = new Web(this.web, 'Web', {
      api: gateway.httpApi,
      routes,
      issuerOrigin: auth.issuerOrigin,
      authDomainName: auth.domainName,
      ...(brand.logoUrl && { logoOrigin: new URL(brand.logoUrl).origin }),
    });
    const webClient = auth.addWebClient(
      [`${web.appUrl}callback`, ...settings.extraCallbackUrls.map((url) => new URL('callback', url).href)],
      [web.appUrl, ...settings.extraCallbackUrls],
    );
    web.serveApp(
      settings.webAssets && (isAbsolute(settings.webAssets) ? settings.webAssets : join(repoRoot, settings.webAssets)),
      { authority: auth.issuer, clientId: webClient.userPoolClientId, signOutUrl: auth.signOutUrl, brand },
    );
    auth.inviteTo(web.appUrl, settings.sellerName);
    const operatorClient = auth.addOperatorClient();
    const authorizer = gateway.authorizeWith(auth.issuer, [
      webClient.userPoolClientId,
      operatorClient.userPoolClientId,
    ]);

    this.workflow = new Stack(scope, `${prefix}-Workflow`, stackProps('the workflow and the KPI stream'));
    this.stateMachineName = `${prefix}-workflow`;
    const stateMachineArn = (stack: Stack, qualifier?: string) =>
      stack.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: qualifier ? `${this.stateMachineName}:${qualifier}` : this.stateMachineName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    const targetsIn = (stack: Stack): Targets => ({
      tableArn: data.table.tableArn,
      indexNames: data.indexNames,
      stateMachineArn: stateMachineArn(stack),
      stateMachineAliasArn: stateMachineArn(stack, workflowAlias),
      executionsArn: stack.formatArn({
        service: 'states',
        resource: 'execution',
        resourceName: `${this.stateMachineName}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
      sendEmailResources: email.sendEmailResources,
      eventBusArn: events.bus.eventBusArn,
      userPool: { arn: auth.userPool.userPoolArn, id: auth.userPool.userPoolId },
      integrationTokenUrl: auth.tokenUrl,
    });
    const defaultsIn = (stack: Stack): FunctionDefaults => ({
      namePrefix: prefix,
      config: {
        TABLE_NAME: data.table.tableName,
        // Every start goes through the alias, so an execution runs the version that was live when it started.
        STATE_MACHINE_ARN: stateMachineArn(stack, workflowAlias),
        EVENT_BUS_NAME: events.bus.eventBusName,
        SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
        // Email links and the app share the site's origin; the API answers there through CloudFront.
        PUBLIC_BASE_URL: web.url,
        ...configFromSettings(settings),
      },
      logRetention: settings.logRetentionDays,
      logLevel: settings.logLevel,
      tracing: settings.tracing,
      removalPolicy,
    });
    this.stateMachineAliasArn = stateMachineArn(this.workflow, workflowAlias);
    const workflow = new Workflow(this.workflow, 'Workflow', {
      stateMachineName: this.stateMachineName,
      defaults: defaultsIn(this.workflow),
      targets: targetsIn(this.workflow),
      otherSubstitutions: { EventBusName: events.bus.eventBusName, EventBusArn: events.bus.eventBusArn },
    });
    const kpis = new Kpis(this.workflow, 'Kpis', {
      table: data.table,
      defaults: defaultsIn(this.workflow),
      targets: targetsIn(this.workflow),
    });
    const mailFeedback = new MailFeedback(this.workflow, 'MailFeedback', {
      configurationSet: email.configurationSet,
      defaults: defaultsIn(this.workflow),
      targets: targetsIn(this.workflow),
    });

    const webhooks = new Webhooks(this.workflow, 'Webhooks', {
      bus: events.bus,
      stateMachineName: `${prefix}-webhook-retries`,
      defaults: defaultsIn(this.workflow),
      targets: targetsIn(this.workflow),
    });

    const routesOf = (part: ApiPart): RouteSpec[] => routes.filter((route) => apiPartOf(route) === part);
    const apiRoutes: ApiRoutes[] = [];
    this.apis = Object.fromEntries(
      (Object.keys(apiParts) as ApiPart[]).map((part) => {
        const stack = new Stack(scope, `${prefix}-${part}`, stackProps(`API routes (${apiParts[part].join(', ')})`));
        // The alias must exist before a route can start an execution through it.
        stack.addStackDependency(this.workflow);
        const defaults = defaultsIn(stack);
        const partRoutes = new ApiRoutes(stack, 'Api', {
          httpApi: gateway.httpApi,
          authorizer,
          // The routes integrations call verify their tokens themselves, as the authorizer does for people.
          defaults: {
            ...defaults,
            config: {
              ...defaults.config,
              TOKEN_ISSUER: auth.issuer,
              PEOPLE_CLIENT_IDS: [webClient.userPoolClientId, operatorClient.userPoolClientId].join(','),
            },
          },
          targets: targetsIn(stack),
        });
        partRoutes.add(routesOf(part));
        if (part === unmatchedRoutePart) partRoutes.addUnmatched(unmatchedRoute);
        apiRoutes.push(partRoutes);
        return [part, stack];
      }),
    ) as Record<ApiPart, Stack>;

    for (const [name, fn] of [
      ...apiRoutes.flatMap((part) => [...part.functions]),
      ...workflow.functions,
      ['KpiAggregator', kpis.aggregator] as const,
      ['MailFeedback', mailFeedback.handler] as const,
      ['AttemptWebhook', webhooks.attempt] as const,
      ['DispatchWebhooks', webhooks.dispatcher] as const,
    ]) {
      if (this.functions.has(name)) throw new Error(`Two functions are both named ${name}`);
      this.functions.set(name, fn);
    }

    this.observability = new Stack(scope, `${prefix}-Observability`, stackProps('alarms and the dashboard'));
    for (const stack of [this.workflow, ...Object.values(this.apis)]) this.observability.addStackDependency(stack);
    const observability = new Observability(this.observability, 'Observability', {
      api: gateway.httpApi,
      stateMachineName: this.stateMachineName,
      workflowAlias,
      table: data.table,
      functions: new Map([...this.functions].map(([name, fn]) => [name, fn.name])),
      streamConsumer: kpis.aggregator.name,
      setAside: [
        {
          id: 'StreamFailuresAlarm',
          queue: kpis.failures,
          description:
            'A table stream record could not be folded into the KPI rollups (see the StreamFailures queue; docs/runbooks/stream-failures.md)',
        },
        {
          id: 'MailFeedbackFailuresAlarm',
          queue: mailFeedback.failures,
          description:
            'An SES bounce or complaint was not processed (see the mail feedback Failures queue; docs/runbooks/bounced-approver.md)',
        },
      ],
      alarmEmail: settings.alarmEmail,
      api5xxPercent: settings.api5xxPercent,
      api5xxMinimum: settings.api5xxMinimum,
      removalPolicy,
    });

    const output = (stack: Stack, name: string, value: string, description: string) =>
      new CfnOutput(stack, name, { value, description });
    output(this.web, 'SiteUrl', web.url, 'The web app (/app/) and the API on one origin; email links start here');
    output(this.web, 'ApiUrl', gateway.url, "The HTTP API's own endpoint (the site forwards API paths to it)");
    output(
      this.web,
      'UserPoolId',
      auth.userPool.userPoolId,
      'Cognito user pool: create users and add them to groups here',
    );
    output(
      this.web,
      'UserPoolClientId',
      webClient.userPoolClientId,
      "The web app's client (authorization code + PKCE)",
    );
    output(
      this.web,
      'OperatorClientId',
      operatorClient.userPoolClientId,
      'For scripts: admin-initiate-auth, needs AWS credentials',
    );
    output(this.web, 'SignInDomain', auth.domainName, 'Managed login (the web app signs in here)');
    output(this.web, 'WebBucketName', web.bucket.bucketName, "The web app's files (uploaded by the deploy)");
    output(this.data, 'TableName', data.table.tableName, 'The DynamoDB table');
    output(
      this.data,
      'EventBusName',
      events.bus.eventBusName,
      'Where the lifecycle events and order.created go out (docs/events.md)',
    );
    output(this.workflow, 'StateMachineArn', workflow.stateMachine.stateMachineArn, 'The quote-to-order workflow');
    output(
      this.workflow,
      'StateMachineAliasArn',
      workflow.aliasArn,
      'What every RFQ starts through (rollback: docs/runbooks/rollback.md)',
    );
    output(this.workflow, 'StreamFailuresQueueUrl', kpis.failures.queueUrl, 'KPI stream records set aside');
    output(this.observability, 'AlarmTopicArn', observability.topic.topicArn, 'Subscribe on-call here');
  }

  get stacks(): Stack[] {
    return [this.data, this.web, this.workflow, ...Object.values(this.apis), this.observability];
  }
}

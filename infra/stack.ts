import { isAbsolute, join } from 'node:path';
import { ArnFormat, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routes, unmatchedRoute } from '#http/routes.ts';
import { Api } from './api.ts';
import { Auth } from './auth.ts';
import { Data } from './data.ts';
import { Email } from './email.ts';
import { Events } from './events.ts';
import { type FunctionDefaults, type QuoteToOrderFunction, repoRoot } from './function.ts';
import { Kpis } from './kpis.ts';
import { MailFeedback } from './mail-feedback.ts';
import { Observability } from './observability.ts';
import type { Targets } from './permissions.ts';
import type { Settings } from './settings.ts';
import { Web } from './web.ts';
import { Workflow } from './workflow.ts';

export interface QuoteToOrderStackProps extends StackProps {
  settings: Settings;
}

/** Optional function settings: set on every function only when the operator chose a value in context. */
const optionalEnvironment = (settings: Settings): Record<string, string> =>
  Object.fromEntries(
    Object.entries({
      SALES_MANAGER_EMAIL: settings.salesManagerEmail,
      MAX_REP_DISCOUNT_PERCENT: settings.maxRepDiscountPercent,
      QUOTE_VALIDITY_DAYS: settings.quoteValidityDays,
      REVIEW_TIMEOUT_SECONDS: settings.reviewTimeoutSeconds,
      APPROVAL_TIMEOUT_SECONDS: settings.approvalTimeoutSeconds,
      ESCALATION_TIMEOUT_SECONDS: settings.escalationTimeoutSeconds,
      LINK_TTL_SECONDS: settings.linkTtlSeconds,
    })
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );

/**
 * quote-to-order on AWS: one table, the HTTP API with its functions, the workflow with its step functions, Cognito
 * with managed login, SES, an event bus, the web app and the API behind one CloudFront distribution, alarms and a
 * dashboard.
 *
 * The functions that start or stop the workflow need its ARN, and the workflow's definition needs the step functions'
 * ARNs. Passing `stateMachine.stateMachineArn` around would tie them into one dependency knot; instead the state
 * machine gets a fixed name and every function is told the ARN formatted from that name, which depends on nothing.
 */
export class QuoteToOrderStack extends Stack {
  readonly stateMachineName: string;
  readonly functions = new Map<string, QuoteToOrderFunction>();

  constructor(scope: Construct, id: string, props: QuoteToOrderStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const removalPolicy = settings.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const data = new Data(this, 'Data', settings);
    const email = new Email(this, 'Email', {
      mailFrom: settings.mailFrom,
      mailDomain: settings.mailDomain,
      existingIdentity: settings.existingSesIdentity,
      sandboxRecipients: settings.sesSandboxRecipients,
    });
    const auth = new Auth(this, 'Auth', {
      requireMfa: settings.requireMfa,
      deletionProtection: settings.deletionProtection,
      mail: settings.userPoolMail,
      mailFrom: settings.mailFrom,
      mailDomain: settings.mailDomain,
      configurationSetName: email.configurationSet.configurationSetName,
      domainPrefix: settings.authDomainPrefix,
    });
    const events = new Events(this, 'Events');
    const api = new Api(this, 'Api', {
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
      defaults: { logRetention: settings.logRetentionDays, removalPolicy },
    });
    const web = new Web(this, 'Web', {
      api: api.httpApi,
      routes,
      issuerOrigin: auth.issuerOrigin,
      authDomainName: auth.domainName,
    });
    const webClient = auth.addWebClient(
      [`${web.appUrl}callback`, ...settings.extraCallbackUrls.map((url) => new URL('callback', url).href)],
      [web.appUrl, ...settings.extraCallbackUrls],
    );
    web.serveApp(
      settings.webAssets && (isAbsolute(settings.webAssets) ? settings.webAssets : join(repoRoot, settings.webAssets)),
      { authority: auth.issuer, clientId: webClient.userPoolClientId },
    );
    const operatorClient = auth.addOperatorClient();
    api.authorizeWith(auth.issuer, [webClient.userPoolClientId, operatorClient.userPoolClientId]);

    this.stateMachineName = `${this.stackName}-workflow`;
    const stateMachineArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: this.stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const targets: Targets = {
      tableArn: data.table.tableArn,
      indexNames: data.indexNames,
      stateMachineArn,
      executionsArn: this.formatArn({
        service: 'states',
        resource: 'execution',
        resourceName: `${this.stateMachineName}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
      sendEmailResources: email.sendEmailResources,
      eventBusArn: events.bus.eventBusArn,
      userPool: { arn: auth.userPool.userPoolArn, id: auth.userPool.userPoolId },
    };
    const defaults: FunctionDefaults = {
      environment: {
        TABLE_NAME: data.table.tableName,
        STATE_MACHINE_ARN: stateMachineArn,
        EVENT_BUS_NAME: events.bus.eventBusName,
        MAIL_FROM: settings.mailFrom,
        SELLER_NAME: settings.sellerName,
        SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
        // Email links and the app share the site's origin; the API answers there through CloudFront.
        PUBLIC_BASE_URL: web.url,
        ...optionalEnvironment(settings),
      },
      logRetention: settings.logRetentionDays,
      logLevel: settings.logLevel,
      tracing: settings.tracing,
      removalPolicy,
    };

    const workflow = new Workflow(this, 'Workflow', {
      stateMachineName: this.stateMachineName,
      defaults,
      targets,
      otherSubstitutions: { EventBusName: events.bus.eventBusName, EventBusArn: events.bus.eventBusArn },
    });
    api.addRoutes(routes, defaults, targets);
    api.addUnmatchedRoute(unmatchedRoute, defaults, targets);
    const kpis = new Kpis(this, 'Kpis', { table: data.table, defaults, targets });
    const mailFeedback = new MailFeedback(this, 'MailFeedback', {
      configurationSet: email.configurationSet,
      defaults,
      targets,
    });

    for (const [name, fn] of [
      ...api.functions,
      ...workflow.functions,
      ['KpiAggregator', kpis.aggregator] as const,
      ['MailFeedback', mailFeedback.handler] as const,
    ]) {
      if (this.functions.has(name)) throw new Error(`Two functions are both named ${name}`);
      this.functions.set(name, fn);
    }
    const observability = new Observability(this, 'Observability', {
      api: api.httpApi,
      stateMachine: workflow.stateMachine,
      table: data.table,
      functions: this.functions,
      alarmEmail: settings.alarmEmail,
      api5xxPercent: settings.api5xxPercent,
      removalPolicy,
    });
    kpis.alarmOn(observability.topic);
    mailFeedback.alarmOn(observability.topic);

    const output = (name: string, value: string, description: string) =>
      new CfnOutput(this, name, { value, description });
    output('SiteUrl', web.url, 'The web app (/app/) and the API on one origin; email links start here');
    output('ApiUrl', api.url, "The HTTP API's own endpoint (the site forwards API paths to it)");
    output('UserPoolId', auth.userPool.userPoolId, 'Cognito user pool: create users and add them to groups here');
    output('UserPoolClientId', webClient.userPoolClientId, "The web app's client (authorization code + PKCE)");
    output(
      'OperatorClientId',
      operatorClient.userPoolClientId,
      'For scripts: admin-initiate-auth, needs AWS credentials',
    );
    output('SignInDomain', auth.domainName, 'Managed login (the web app signs in here)');
    output('WebBucketName', web.bucket.bucketName, "The web app's files (uploaded by the deploy)");
    output('TableName', data.table.tableName, 'The DynamoDB table');
    output('StateMachineArn', workflow.stateMachine.stateMachineArn, 'The quote-to-order workflow');
    output(
      'EventBusName',
      events.bus.eventBusName,
      'Where the lifecycle events and order.created go out (docs/events.md)',
    );
    output('AlarmTopicArn', observability.topic.topicArn, 'Subscribe on-call here');
  }
}

import { ArnFormat, Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { webhookDispatchRule } from '#functions/webhooks/dispatch-rule.ts';
import { webhookRetriesPath, webhookRetryFunctions } from '#workflows/webhook-retries.ts';
import { type FunctionDefaults, QuoteToOrderFunction } from './function.ts';
import { acknowledgeStepVersions, nagReason } from './nag.ts';
import { grantNeeds, type Targets } from './permissions.ts';

export const webhookDispatchHandler = 'functions/webhooks/dispatch-handler.ts';

export interface WebhooksProps {
  bus: IEventBus;
  /** Fixed, so the dispatcher is told the state machine's ARN without referring to it. */
  stateMachineName: string;
  defaults: FunctionDefaults;
  targets: Targets;
}

/**
 * Webhooks on AWS (docs/integration.md says why this shape): a rule on the app's bus wakes the dispatcher on every app
 * event; it sends each new event's first attempt itself, and starts one execution of the retry state machine
 * (workflows/webhook-retries.asl.json, the file the local stack runs at scaled time) per delivery that fails — a
 * Standard workflow waits its exponential backoff for the three days and more, and a delivery that succeeds at once
 * costs no state transition. The attempt function is invoked by published version, as the workflow's steps are.
 */
export class Webhooks extends Construct {
  readonly dispatcher: QuoteToOrderFunction;
  readonly attempt: QuoteToOrderFunction;
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: WebhooksProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const stateMachineArn = stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: props.stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    const [[key, spec]] = Object.entries(webhookRetryFunctions) as [[string, (typeof webhookRetryFunctions)[string]]];
    this.attempt = new QuoteToOrderFunction(this, 'AttemptWebhook', {
      handler: spec.handler,
      timeoutSeconds: spec.timeoutSeconds,
      defaults: props.defaults,
    });
    grantNeeds(this.attempt, spec.needs, props.targets);

    this.dispatcher = new QuoteToOrderFunction(this, 'DispatchWebhooks', {
      handler: webhookDispatchHandler,
      // A first attempt waits up to WEBHOOK_TIMEOUT_SECONDS per event; what is left goes on with the next event.
      timeoutSeconds: 120,
      defaults: { ...props.defaults, config: { ...props.defaults.config, WEBHOOK_RETRIES_ARN: stateMachineArn } },
    });
    grantNeeds(this.dispatcher, { table: 'write' }, props.targets);
    this.dispatcher.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [stateMachineArn] }),
    );
    // A run that keeps failing is made up by the next event's run, which reads from the same cursors.
    this.dispatcher.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(1) });

    new Rule(this, 'Rule', {
      description: `Every ${stack.stackName} event → the webhook dispatcher`,
      eventBus: props.bus,
      eventPattern: { source: [webhookDispatchRule.source] },
      targets: [new LambdaFunction(this.dispatcher, { retryAttempts: 8, maxEventAge: Duration.hours(2) })],
    });

    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}-${Fn.select(2, Fn.split('/', stack.stackId))}`,
      retention: props.defaults.logRetention,
      removalPolicy: props.defaults.removalPolicy,
    });
    this.stateMachine = new StateMachine(this, 'Retries', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(webhookRetriesPath),
      definitionSubstitutions: { [key]: this.attempt.currentVersion.functionArn },
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [`${this.attempt.functionArn}:*`] }),
    );
    Validations.of(this.stateMachine.role).acknowledge(nagReason('AwsSolutions-IAM5[Resource::*]'));
    acknowledgeStepVersions(this.stateMachine.role, [this.attempt]);
  }
}

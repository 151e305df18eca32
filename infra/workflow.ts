import { Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  CfnStateMachineAlias,
  CfnStateMachineVersion,
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { definitionPath, liveAlias, stepFunctions, substitutionKeys } from '#workflows/quote-to-order.ts';
import { type FunctionDefaults, QuoteToOrderFunction } from './function.ts';
import { acknowledgeStepVersions, nagReason } from './nag.ts';
import { grantNeeds, type Targets } from './permissions.ts';

/** The alias every execution starts through (`…:stateMachine:<name>:live`); rollback points it at an older version. */
export const workflowAlias = liveAlias;

export interface WorkflowProps {
  /** Fixed, so functions can be told the alias's ARN before the state machine exists (see infra/stacks.ts). */
  stateMachineName: string;
  defaults: FunctionDefaults;
  targets: Targets;
  /** Substitutions that are not step functions, by key (e.g. `EventBusName`); bound only if the ASL uses them. */
  otherSubstitutions: Readonly<Record<string, string>>;
}

/**
 * The quote-to-order state machine, deployed from the very ASL file the local engine runs, with one function per
 * step handler of the workflow loader bound to its `${...}` key. Logging is ALL but without execution data: inputs
 * and outputs carry task tokens.
 *
 * An RFQ waits for weeks, so a deploy must not change the code under a running execution. Each Task names a published
 * version of its function (`…:function:<name>:7`), never the function itself; each deploy that changes the definition
 * publishes a new state machine version and points the `live` alias at it; executions start through the alias and
 * keep the version they started on — and so the function versions it names — to the end. Old versions are retained
 * (the state machine's role may invoke any version of its step functions), so a running execution always finds its
 * code, and rollback is pointing the alias back (docs/runbooks/rollback.md).
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;
  /** `…:stateMachine:<name>:live`: what every start names. */
  readonly aliasArn: string;
  readonly version: CfnStateMachineVersion;
  /** The step functions by construct id (`PriceQuote` for `${PriceQuoteFunctionArn}`). */
  readonly functions = new Map<string, QuoteToOrderFunction>();

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const substitutions: Record<string, string> = {};
    for (const [key, spec] of Object.entries(stepFunctions)) {
      const name = key.replace(/FunctionArn$/, '');
      const fn = new QuoteToOrderFunction(this, name, {
        handler: spec.handler,
        memoryMb: spec.memoryMb,
        timeoutSeconds: spec.timeoutSeconds,
        defaults: props.defaults,
      });
      grantNeeds(fn, spec.needs, props.targets);
      this.functions.set(name, fn);
      // A new version whenever the code or configuration changes; kept when replaced, for the executions using it.
      substitutions[key] = fn.currentVersion.functionArn;
    }
    for (const key of substitutionKeys) {
      const value = substitutions[key] ?? props.otherSubstitutions[key];
      if (value === undefined) throw new Error(`The workflow uses \${${key}}, which infra does not know how to bind`);
      substitutions[key] = value;
    }

    const logGroup = new LogGroup(this, 'Logs', {
      // The /aws/vendedlogs/ prefix keeps CloudWatch Logs' resource policy from growing with every state machine. The
      // stack id's UUID makes the name new for every creation of the stack: the group is retained with the data, and a
      // fixed name would make the next deploy after a destroy fail with AlreadyExists.
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}-${Fn.select(2, Fn.split('/', Stack.of(this).stackId))}`,
      retention: props.defaults.logRetention,
      removalPolicy: props.defaults.removalPolicy,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(definitionPath),
      definitionSubstitutions: substitutions,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    // Every version of each step function: a running execution invokes the version its state machine version names.
    const steps = [...this.functions.values()];
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: steps.map((fn) => `${fn.functionArn}:*`),
      }),
    );
    Validations.of(this.stateMachine.role).acknowledge(nagReason('AwsSolutions-IAM5[Resource::*]'));
    acknowledgeStepVersions(this.stateMachine.role, steps);

    // A revision id that changes with the definition replaces the version resource, which publishes a new version;
    // the old one is retained, for the executions that started on it and for rollback.
    this.version = new CfnStateMachineVersion(this, 'Version', {
      stateMachineArn: this.stateMachine.stateMachineArn,
      stateMachineRevisionId: this.stateMachine.stateMachineRevisionId,
      description: 'Published by the deploy; executions started on it finish on it',
    });
    this.version.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const alias = new CfnStateMachineAlias(this, 'Alias', {
      name: workflowAlias,
      description: 'What every RFQ starts through: the version of the last deploy, or the one rolled back to',
      routingConfiguration: [{ stateMachineVersionArn: this.version.attrArn, weight: 100 }],
    });
    this.aliasArn = alias.attrArn;
  }
}

import { Fn, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { definitionPath, stepFunctions, substitutionKeys } from '#workflows/quote-to-order.ts';
import { type FunctionDefaults, QuoteToOrderFunction } from './function.ts';
import { nagReason } from './nag.ts';
import { grantNeeds, type Targets } from './permissions.ts';

export interface WorkflowProps {
  /** Fixed, so functions can be told the ARN before the state machine exists (see `stateMachineArn` in stack.ts). */
  stateMachineName: string;
  defaults: FunctionDefaults;
  targets: Targets;
  /** Substitutions that are not step functions, by key (e.g. `EventBusName`); bound only if the ASL uses them. */
  otherSubstitutions: Readonly<Record<string, string>>;
}

/**
 * The quote-to-order state machine, deployed from the very ASL file the local engine runs, with one function per
 * step handler of the workflow loader bound to its `${...}` key. The state machine's role may invoke exactly those
 * functions. Logging is ALL but without execution data: inputs and outputs carry task tokens.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;
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
      substitutions[key] = fn.functionArn;
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
    // Unqualified ARNs only: the ASL invokes `${...FunctionArn}` as is, never a version or an alias.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [...this.functions.values()].map((fn) => fn.functionArn),
      }),
    );
    Validations.of(this.stateMachine.role).acknowledge(nagReason('AwsSolutions-IAM5[Resource::*]'));
  }
}

import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  api: HttpApi;
  stateMachine: StateMachine;
  table: TableV2;
  /** Every function, by a readable name (its construct id). */
  functions: ReadonlyMap<string, IFunction>;
  alarmEmail?: string | undefined;
  removalPolicy: RemovalPolicy;
}

const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' } as const;

/**
 * The alarms someone on call needs — any failed, timed-out or aborted execution (an RFQ that left the happy path
 * without a human deciding so), API 5xx, and each function's errors and throttles — published to one encrypted SNS
 * topic, plus a dashboard with the same signals side by side.
 */
export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    // A customer managed key, because CloudWatch cannot publish to a topic under the AWS managed SNS key: that key's
    // policy cannot grant cloudwatch.amazonaws.com the use of it.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the quote-to-order alarm topic',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', { masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const workflow = props.stateMachine;
    this.alarm('ExecutionsFailed', workflow.metricFailed(fiveMinutes), 'An RFQ workflow execution failed');
    this.alarm('ExecutionsTimedOut', workflow.metricTimedOut(fiveMinutes), 'An RFQ workflow execution timed out');
    this.alarm('ExecutionsAborted', workflow.metricAborted(fiveMinutes), 'An RFQ workflow execution was aborted');
    this.alarm('Api5xx', props.api.metricServerError(fiveMinutes), 'The HTTP API answered 5xx');
    for (const [name, fn] of props.functions) {
      this.alarm(`${name}Errors`, fn.metricErrors(fiveMinutes), `${name} threw`);
      this.alarm(`${name}Throttles`, fn.metricThrottles(fiveMinutes), `${name} was throttled`);
    }

    const functions = [...props.functions.values()];
    new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(24),
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })],
        [
          graph('API requests', [props.api.metricCount(fiveMinutes)]),
          graph('API errors', [props.api.metricClientError(fiveMinutes), props.api.metricServerError(fiveMinutes)]),
          graph('API latency p99', [props.api.metricLatency({ statistic: 'p99' })]),
        ],
        [
          graph('Workflow executions', [
            workflow.metricStarted(fiveMinutes),
            workflow.metricSucceeded(fiveMinutes),
            workflow.metricFailed(fiveMinutes),
            workflow.metricTimedOut(fiveMinutes),
            workflow.metricAborted(fiveMinutes),
          ]),
          graph(
            'Function errors',
            functions.map((fn) => fn.metricErrors(fiveMinutes)),
          ),
          graph(
            'Function throttles',
            functions.map((fn) => fn.metricThrottles(fiveMinutes)),
          ),
        ],
        [
          graph('DynamoDB capacity', [
            props.table.metricConsumedReadCapacityUnits(fiveMinutes),
            props.table.metricConsumedWriteCapacityUnits(fiveMinutes),
          ]),
          graph('DynamoDB conditional check failures (lost races)', [
            props.table.metricConditionalCheckFailedRequests(fiveMinutes),
          ]),
          graph('DynamoDB throttles', [props.table.metricThrottledRequestsForOperations(fiveMinutes)]),
        ],
      ],
    });
  }

  private alarm(id: string, metric: IMetric, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

const graph = (title: string, left: IMetric[]) => new GraphWidget({ title, left, width: 8 });

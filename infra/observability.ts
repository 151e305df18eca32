import { ArnFormat, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { failedRfqMetric } from '#steps/failed-rfq-metric.ts';

export interface ObservabilityProps {
  api: HttpApi;
  stateMachine: StateMachine;
  table: TableV2;
  /** Every function, by a readable name (its construct id). */
  functions: ReadonlyMap<string, IFunction>;
  alarmEmail?: string | undefined;
  /** The API's 5xx share (percent of requests, five minutes) that pages. */
  api5xxPercent: number;
  removalPolicy: RemovalPolicy;
}

const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' } as const;

/** The operations the store performs (functions/store): the DynamoDB alarms watch these and nothing else. */
export const storeOperations = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/**
 * Alarms that page only on what needs a human: an RFQ ending FAILED (the metric MarkFailed emits), an execution that
 * failed or timed out (a step failed past its retries, or MarkFailed itself did), the API answering 5xx to more than
 * a set share of requests, a throttled function, DynamoDB throttling or failing on its side. Not: a buyer's cancel
 * (StopExecution counts as ExecutionsAborted) or a function error the workflow retries (per-function Errors) — those
 * are on the dashboard. All go to one KMS-encrypted, TLS-only topic whose policy lets CloudWatch publish.
 */
export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // A customer managed key, because CloudWatch cannot publish to a topic under the AWS managed SNS key: that key's
    // policy cannot grant cloudwatch.amazonaws.com the use of it.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the quote-to-order alarm topic',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', { masterKey: key, enforceSSL: true });
    // enforceSSL makes CDK write a topic policy holding only its Deny, and any topic policy replaces SNS's default
    // one: without this Allow, CloudWatch may not publish and every alarm notification is dropped.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
          StringEquals: { 'aws:SourceAccount': stack.account },
        },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const workflow = props.stateMachine;
    const failedRfqs = new Metric({
      namespace: failedRfqMetric.namespace,
      metricName: failedRfqMetric.name,
      dimensionsMap: { service: failedRfqMetric.service },
      ...fiveMinutes,
    });
    this.alarm('RfqsFailed', failedRfqs, 1, 'An RFQ ended FAILED: a step failed past its retries (see its history)');
    this.alarm(
      'ExecutionsFailed',
      workflow.metricFailed(fiveMinutes),
      1,
      'A workflow execution failed: a step failed past its retries, or MarkFailed could not record it',
    );
    this.alarm('ExecutionsTimedOut', workflow.metricTimedOut(fiveMinutes), 1, 'A workflow execution timed out');
    const api5xxShare = new MathExpression({
      expression: '100 * errors / requests',
      usingMetrics: { errors: props.api.metricServerError(fiveMinutes), requests: props.api.metricCount(fiveMinutes) },
      period: Duration.minutes(5),
      label: 'API 5xx, % of requests',
    });
    this.alarm(
      'Api5xxRate',
      api5xxShare,
      props.api5xxPercent,
      `The HTTP API answered 5xx to ${props.api5xxPercent}% or more of its requests`,
    );
    for (const [name, fn] of props.functions) {
      this.alarm(`${name}Throttles`, fn.metricThrottles(fiveMinutes), 1, `${name} was throttled (concurrency limit)`);
    }
    this.alarm(
      'DynamoDbThrottles',
      props.table.metricThrottledRequestsForOperations({ ...fiveMinutes, operations: storeOperations }),
      1,
      'DynamoDB throttled requests of the table',
    );
    this.alarm(
      'DynamoDbSystemErrors',
      props.table.metricSystemErrorsForOperations({ ...fiveMinutes, operations: storeOperations }),
      1,
      'DynamoDB failed requests on its side (HTTP 500)',
    );

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
            failedRfqs,
          ]),
          graph(
            'Function errors (retried steps included)',
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
          graph('DynamoDB throttles', [
            props.table.metricThrottledRequestsForOperations({ ...fiveMinutes, operations: storeOperations }),
          ]),
        ],
      ],
    });
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

const graph = (title: string, left: IMetric[]) => new GraphWidget({ title, left, width: 8 });

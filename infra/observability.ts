import { ArnFormat, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmRule,
  AlarmStatusWidget,
  ComparisonOperator,
  CompositeAlarm,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { failedRfqMetric } from '#steps/failed-rfq-metric.ts';

export interface ObservabilityProps {
  api: HttpApi;
  /** The state machine's name and its alias's: the workflow's metrics are found by ARN. */
  stateMachineName: string;
  workflowAlias: string;
  table: TableV2;
  /** Every function: its readable name (construct id) → its physical name (fixed, see infra/function.ts). */
  functions: ReadonlyMap<string, string>;
  /** The KPI aggregator's physical name: its stream's iterator age. */
  streamConsumer: string;
  /** Queues where work that failed past its retries is set aside: each pages on its first message. */
  setAside: readonly { id: string; queue: IQueue; description: string }[];
  alarmEmail?: string | undefined;
  /** The API's 5xx share (percent of requests, five minutes) that pages, */
  api5xxPercent: number;
  /** ... once at least this many requests failed in those five minutes. */
  api5xxMinimum: number;
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
 * A stream record lives 24 hours: an aggregator an hour behind has 23 left to be fixed before KPIs lose records.
 * (docs/runbooks/stream-failures.md)
 */
export const iteratorAgeLimit = Duration.hours(1);

const lambdaMetric = (functionName: string, metricName: string, statistic = 'Sum') =>
  new Metric({
    namespace: 'AWS/Lambda',
    metricName,
    dimensionsMap: { FunctionName: functionName },
    ...fiveMinutes,
    statistic,
  });

/**
 * Alarms that page only on what needs a human: an RFQ ending FAILED, the API answering 5xx to more than a set share
 * of its requests (and more than a few of them), a throttled function, DynamoDB throttling or failing on its side, the
 * KPI stream falling behind, work set aside past its retries (a stream record, a bounce). Not: a buyer's cancel (StopExecution counts as
 * ExecutionsAborted) or a function error the workflow retries (per-function Errors) — those are on the dashboard.
 *
 * One FAILED RFQ pages once: MarkFailed's metric, the failed execution that follows it and a timed-out execution are
 * one composite alarm's reasons, and only the composite notifies. All go to one KMS-encrypted, TLS-only topic whose
 * policy lets CloudWatch publish.
 *
 * This stack comes last and names what it watches by fixed names (functions, the state machine), not by references:
 * a removed function never waits on the dashboard that still shows it.
 */
export class Observability extends Construct {
  readonly topic: Topic;
  /** Every alarm that notifies the topic. */
  readonly alarms: IAlarm[] = [];

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

    const failedRfqs = new Metric({
      namespace: failedRfqMetric.namespace,
      metricName: failedRfqMetric.name,
      dimensionsMap: { service: failedRfqMetric.service },
      ...fiveMinutes,
    });
    const workflow = (metricName: string) => this.workflowMetric(props, metricName);
    const rfqFailed = [
      this.alarm('RfqsFailed', failedRfqs, 1, 'An RFQ ended FAILED: a step failed past its retries (see its history)'),
      this.alarm(
        'ExecutionsFailed',
        workflow('ExecutionsFailed'),
        1,
        'A workflow execution failed: a step failed past its retries, or MarkFailed could not record it',
      ),
      this.alarm('ExecutionsTimedOut', workflow('ExecutionsTimedOut'), 1, 'A workflow execution timed out'),
    ];
    this.notify(
      new CompositeAlarm(this, 'RfqFailed', {
        alarmDescription:
          'An RFQ failed: it ended FAILED, or its execution failed or timed out (docs/runbooks/failed-rfq.md). One page per failure, whichever of the three reported it first.',
        alarmRule: AlarmRule.anyOf(...rfqFailed),
      }),
    );

    const errors = props.api.metricServerError(fiveMinutes);
    const api5xxShare = new MathExpression({
      // The share alone would page on one 503 among a few dozen requests at night: it counts from a minimum.
      expression: `IF(errors >= ${props.api5xxMinimum}, 100 * errors / requests, 0)`,
      usingMetrics: { errors, requests: props.api.metricCount(fiveMinutes) },
      period: Duration.minutes(5),
      label: 'API 5xx, % of requests (from a minimum count)',
    });
    this.notify(
      this.alarm(
        'Api5xxRate',
        api5xxShare,
        props.api5xxPercent,
        `The HTTP API answered 5xx to ${props.api5xxPercent}% or more of its requests, ${props.api5xxMinimum} or more in five minutes`,
      ),
    );
    for (const [name, functionName] of props.functions) {
      this.notify(
        this.alarm(
          `${name}Throttles`,
          lambdaMetric(functionName, 'Throttles'),
          1,
          `${name} was throttled (concurrency limit; docs/runbooks/quotas.md)`,
        ),
      );
    }
    this.notify(
      this.alarm(
        'DynamoDbThrottles',
        props.table.metricThrottledRequestsForOperations({ ...fiveMinutes, operations: storeOperations }),
        1,
        'DynamoDB throttled requests of the table',
      ),
    );
    this.notify(
      this.alarm(
        'DynamoDbSystemErrors',
        props.table.metricSystemErrorsForOperations({ ...fiveMinutes, operations: storeOperations }),
        1,
        'DynamoDB failed requests on its side (HTTP 500)',
      ),
    );
    const iteratorAge = lambdaMetric(props.streamConsumer, 'IteratorAge', 'Maximum');
    this.notify(
      this.alarm(
        'StreamIteratorAge',
        iteratorAge,
        iteratorAgeLimit.toMilliseconds(),
        `The KPI aggregator is more than ${iteratorAgeLimit.toHours()} hour behind the table stream, whose records live 24 hours (docs/runbooks/stream-failures.md)`,
      ),
    );
    for (const { id, queue, description } of props.setAside) {
      this.notify(
        new Alarm(this, id, {
          alarmDescription: description,
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    const functionNames = [...props.functions.values()];
    new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(24),
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })],
        [
          graph('API requests', [props.api.metricCount(fiveMinutes)]),
          graph('API errors', [props.api.metricClientError(fiveMinutes), errors]),
          graph('API latency p99', [props.api.metricLatency({ statistic: 'p99' })]),
        ],
        [
          graph('Workflow executions', [
            workflow('ExecutionsStarted'),
            workflow('ExecutionsSucceeded'),
            workflow('ExecutionsFailed'),
            workflow('ExecutionsTimedOut'),
            workflow('ExecutionsAborted'),
            failedRfqs,
          ]),
          graph(
            'Function errors (retried steps included)',
            functionNames.map((name) => lambdaMetric(name, 'Errors')),
          ),
          graph(
            'Function throttles',
            functionNames.map((name) => lambdaMetric(name, 'Throttles')),
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
          graph('KPI stream: iterator age', [iteratorAge]),
        ],
      ],
    });
  }

  /**
   * An execution's metrics, whether CloudWatch files them under the state machine or under the alias it started
   * through: the larger of the two, so an execution counts once either way.
   */
  private workflowMetric(props: ObservabilityProps, metricName: string): IMetric {
    const stack = Stack.of(this);
    const arn = (name: string) =>
      stack.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: name,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    const of = (stateMachineArn: string) =>
      new Metric({
        namespace: 'AWS/States',
        metricName,
        dimensionsMap: { StateMachineArn: stateMachineArn },
        ...fiveMinutes,
      });
    // Ids are unique per graph: the dashboard shows several of these side by side.
    const id = metricName.charAt(0).toLowerCase() + metricName.slice(1);
    return new MathExpression({
      expression: `MAX([FILL(${id}OfMachine, 0), FILL(${id}OfAlias, 0)])`,
      usingMetrics: {
        [`${id}OfMachine`]: of(arn(props.stateMachineName)),
        [`${id}OfAlias`]: of(arn(`${props.stateMachineName}:${props.workflowAlias}`)),
      },
      period: Duration.minutes(5),
      label: metricName,
    });
  }

  /** An alarm that notifies nobody by itself; `notify` makes it page. */
  private alarm(id: string, metric: IMetric, threshold: number, description: string): Alarm {
    return new Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  private notify(alarm: Alarm | CompositeAlarm): void {
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

const graph = (title: string, left: IMetric[]) => new GraphWidget({ title, left, width: 8 });

import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { kpiEventSource } from '#functions/streams/event-source.ts';
import { type FunctionDefaults, QuoteToOrderFunction } from './function.ts';
import { nagReason } from './nag.ts';
import { grantNeeds, type Targets } from './permissions.ts';

export const kpiAggregatorHandler = 'functions/streams/kpi-rollup.ts';

export interface KpisProps {
  table: TableV2;
  defaults: FunctionDefaults;
  targets: Targets;
}

/**
 * KPIs from the table's change stream: the aggregator function, its event source mapping (the settings the local
 * poller uses too: functions/streams/event-source.ts) and the on-failure queue where a record that keeps failing is
 * recorded — by shard and sequence number, as Lambda sends it — so the shard moves on without it.
 */
export class Kpis extends Construct {
  readonly aggregator: QuoteToOrderFunction;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: KpisProps) {
    super(scope, id);
    this.failures = new Queue(this, 'StreamFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failures).acknowledge(nagReason('AwsSolutions-SQS3'));
    this.aggregator = new QuoteToOrderFunction(this, 'Aggregator', {
      handler: kpiAggregatorHandler,
      timeoutSeconds: 60,
      defaults: props.defaults,
    });
    grantNeeds(this.aggregator, { table: 'write' }, props.targets);
    this.aggregator.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        filters: [FilterCriteria.filter(kpiEventSource.filter)],
        batchSize: kpiEventSource.batchSize,
        maxBatchingWindow: Duration.seconds(kpiEventSource.maxBatchingWindowSeconds),
        retryAttempts: kpiEventSource.retryAttempts,
        bisectBatchOnError: kpiEventSource.bisectBatchOnError,
        maxRecordAge: Duration.seconds(kpiEventSource.maxRecordAgeSeconds),
        reportBatchItemFailures: kpiEventSource.reportBatchItemFailures,
        parallelizationFactor: kpiEventSource.parallelizationFactor,
        onFailure: new SqsDlq(this.failures),
      }),
    );
  }

  /** A record set aside is a KPI that is now wrong: page on the first one. */
  alarmOn(topic: ITopic): Alarm {
    const alarm = new Alarm(this, 'StreamFailuresAlarm', {
      alarmDescription: 'A table stream record could not be folded into the KPI rollups (see the StreamFailures queue)',
      metric: this.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(topic));
    return alarm;
  }
}

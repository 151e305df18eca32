import { Duration, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
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
    this.aggregator = new QuoteToOrderFunction(this, 'KpiAggregator', {
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
}

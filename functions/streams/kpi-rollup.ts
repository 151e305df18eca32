import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { rollupDeltas } from '#domain/kpi-rollup.ts';
import { storeFromConfig } from '#store/from-config.ts';
import type { KpiStore } from '#store/ports.ts';
import { rfqChangeOf } from './rfq-change.ts';

const logger = new Logger({ serviceName: 'quote-to-order-kpis' });

/**
 * Folds a batch of the table's stream records into the KPI rollups, in order. At the first record that fails, it
 * stops and names that record (`batchItemFailures`): the event source mapping retries from there (bisecting, then
 * sending a record that keeps failing to the on-failure destination), and records already folded are skipped on
 * redelivery by their applied-markers.
 */
export const foldBatch = async (
  event: DynamoDBStreamEvent,
  kpis: KpiStore,
  now: () => Date = () => new Date(),
): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    try {
      const change = rfqChangeOf(record);
      if (!change) continue;
      const deltas = rollupDeltas(change.before, change.after);
      if (deltas.length > 0) await kpis.applyRecord(change.recordId, deltas, now());
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      logger.error('a stream record could not be folded into the KPI rollups', {
        eventID: record.eventID,
        sequenceNumber: record.dynamodb?.SequenceNumber,
        error: failure.name,
        reason: failure.message,
      });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  foldBatch(event, storeFromConfig().kpis);

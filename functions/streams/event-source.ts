/**
 * How the table's stream feeds the KPI aggregator — one definition for the CDK event source mapping and the local
 * stream poller, so both deliver the same records in the same batches with the same failure handling.
 */
export const kpiEventSource = {
  /** Only RFQ items: the aggregator's own rollup and marker writes (and links, history ...) never reach it. */
  filter: { dynamodb: { Keys: { SK: { S: ['RFQ'] } } } },
  batchSize: 100,
  /** Waiting up to a second for a fuller batch keeps the rollup lag (target ≤ 2 s) while saving invocations. */
  maxBatchingWindowSeconds: 1,
  /** After these, the record goes to the on-failure destination (its shard, sequence numbers) and the shard moves on. */
  retryAttempts: 3,
  bisectBatchOnError: true,
  /** A record older than this is not worth folding late; it goes to the on-failure destination too. */
  maxRecordAgeSeconds: 6 * 3600,
  /** The handler answers which record failed (`batchItemFailures`); the rest of the batch is not redone. */
  reportBatchItemFailures: true,
  /** Rollup updates commute, but one batch per shard at a time keeps a record's retries ahead of later records. */
  parallelizationFactor: 1,
} as const;

/** The sort key value the filter lets through, for code that filters by hand (the local poller). */
export const streamedSortKeys: readonly string[] = kpiEventSource.filter.dynamodb.Keys.SK.S;

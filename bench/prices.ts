/**
 * AWS list prices the cost model uses. us-east-1, public list prices as of 2026-11-23 (from memory of the AWS pricing
 * pages; verify before relying). No free tier is applied.
 */
export const pricesSource =
  'us-east-1, public list prices as of 2026-11-23 (from memory of the AWS pricing pages; verify before relying); no free tier';

export const prices = {
  /** Step Functions Standard: per state transition ($0.025 per 1,000). */
  stepFunctionsPerTransition: 0.025 / 1_000,
  /** Lambda requests: $0.20 per 1 million. */
  lambdaPerRequest: 0.2 / 1_000_000,
  /** Lambda duration on Arm (Graviton): per GB-second, billed per 1 ms. */
  lambdaArmPerGbSecond: 0.0000133334,
  /** DynamoDB on-demand writes: $0.625 per million write request units (after the Nov 2024 price cut). */
  dynamoPerWriteUnit: 0.625 / 1_000_000,
  /** DynamoDB on-demand reads: $0.125 per million read request units (after the Nov 2024 price cut). */
  dynamoPerReadUnit: 0.125 / 1_000_000,
  /** API Gateway HTTP API: $1.00 per million requests (first 300 million a month). */
  httpApiPerRequest: 1 / 1_000_000,
  /** SES outbound: $0.10 per 1,000 emails (each recipient is one email). */
  sesPerEmail: 0.1 / 1_000,
  /** EventBridge custom events: $1.00 per million (each 64 KB chunk is one event). */
  eventBridgePerEvent: 1 / 1_000_000,
} as const;

/** How each price reads in the report, beside the line it prices. */
export const priceLabels: Record<keyof typeof prices, string> = {
  stepFunctionsPerTransition: '$0.025 / 1,000 state transitions (Standard)',
  lambdaPerRequest: '$0.20 / 1M requests',
  lambdaArmPerGbSecond: '$0.0000133334 / GB-s (Arm), per 1 ms',
  dynamoPerWriteUnit: '$0.625 / 1M WRU (on-demand)',
  dynamoPerReadUnit: '$0.125 / 1M RRU (on-demand)',
  httpApiPerRequest: '$1.00 / 1M requests (HTTP API)',
  sesPerEmail: '$0.10 / 1,000 emails',
  eventBridgePerEvent: '$1.00 / 1M custom events',
};

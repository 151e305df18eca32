import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { type LocalStack, type StackOptions, startLocalStack } from '../../local/stack.ts';

/**
 * `npm start`'s stack on the test run's DynamoDB Local and SES, in a table of its own named after the test. Without the
 * KPI stream unless the test reads KPIs: DynamoDB Local keeps every table's stream records for the whole run, and
 * they slow every write after them.
 */
export const startTestStack = (name: string, options: StackOptions = {}): Promise<LocalStack> =>
  startLocalStack({
    reuse: { dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint') },
    tableName: `${name}-${randomUUID().slice(0, 8)}`,
    kpiStream: false,
    ...options,
  });

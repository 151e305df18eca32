import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Rfq } from '#domain/rfq.ts';
import { toRfq } from '#store/rfq-store.ts';
import { streamedSortKeys } from './event-source.ts';

/** A change of one RFQ item, as a stream record carries it: the image before (absent when new) and after. */
export interface RfqChange {
  recordId: string;
  before: Rfq | undefined;
  after: Rfq;
}

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

const rfqOf = (image: Image): Rfq => toRfq(unmarshall(image as Record<string, AttributeValue>));

/**
 * The RFQ change a record carries, or undefined when it carries none worth folding: another kind of item, or a
 * removal (history is never un-counted). A malformed RFQ image throws: that record is poison.
 */
export const rfqChangeOf = (record: DynamoDBRecord): RfqChange | undefined => {
  const { dynamodb: change, eventID } = record;
  const sortKey = change?.Keys?.SK?.S;
  if (!change || !sortKey || !streamedSortKeys.includes(sortKey) || !change.NewImage) return undefined;
  if (!eventID) throw new Error('a stream record without an eventID cannot be folded idempotently');
  return {
    recordId: eventID,
    before: change.OldImage ? rfqOf(change.OldImage) : undefined,
    after: rfqOf(change.NewImage),
  };
};

import { PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IntegrationEvent } from '#domain/integration-event.ts';
import { createEventFeedStore } from '#store/event-feed-store.ts';
import { keys } from '#store/keys.ts';
import type { EventFeedStore } from '#store/ports.ts';
import { tableClient } from '#store/table-client.ts';
import { freshTable } from './store/fresh-table.ts';

const race = freshTable();
const gaps = freshTable();

let runs = 0;
const anEvent = (subject: string, n: number): IntegrationEvent => ({
  id: `${subject}/event:quote.sent:${n}`,
  type: 'quote.sent',
  occurredAt: new Date().toISOString(),
  subject,
  data: { n },
});

/** Follows the feed from `after` to its end, as a reader does: the cursor it ends on. */
const endOf = async (feed: EventFeedStore, after = 0): Promise<number> => {
  for (let cursor = after; ; ) {
    const { items, last } = await feed.read(cursor, 500);
    if (items.length === 0) return last;
    cursor = last;
  }
};

describe('the integration feed under concurrent writers', () => {
  it('a reader following the cursor gets every event once, each subject’s in the order they were appended', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 9 }),
        async (eventsPerSubject, pageSize) => {
          const feed = race.store.feed;
          const start = await endOf(feed);
          const run = runs++;
          const subjects = eventsPerSubject.map((count, i) => ({ subject: `rfq_race${run}s${i}`, count }));
          let writing = true;
          // Each subject's events in turn, the subjects at once; every third event re-sent, as a retried step does.
          const writers = Promise.all(
            subjects.map(async ({ subject, count }) => {
              for (let n = 1; n <= count; n++) {
                await feed.append(anEvent(subject, n));
                if (n % 3 === 0) await feed.append(anEvent(subject, n));
              }
            }),
          ).finally(() => {
            writing = false;
          });
          const seen: IntegrationEvent[] = [];
          let cursor = start;
          for (let quietReads = 0; writing || quietReads < 2; ) {
            const { items, last } = await feed.read(cursor, pageSize);
            seen.push(...items);
            expect(last, 'the cursor never goes back').toBeGreaterThanOrEqual(cursor);
            cursor = last;
            quietReads = !writing && items.length === 0 ? quietReads + 1 : 0;
          }
          await writers;
          expect(seen.map((e) => e.id)).toHaveLength(new Set(seen.map((e) => e.id)).size);
          for (const { subject, count } of subjects)
            expect(seen.filter((e) => e.subject === subject).map((e) => e.data.n)).toEqual(
              Array.from({ length: count }, (_, i) => i + 1),
            );
          expect(seen).toHaveLength(eventsPerSubject.reduce((a, b) => a + b, 0));
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});

describe('a gap in the positions', () => {
  const at = (iso: string) => () => new Date(iso);
  const putAt = async (position: number, appendedAt: string) => {
    await gaps.doc.send(
      new PutCommand({
        TableName: gaps.tableName,
        Item: { ...keys.feedEvent(position), ...anEvent('rfq_gap', position), position, appendedAt },
      }),
    );
  };

  it('is a commit still being applied while the event after it is young: the page ends before it; later, it is passed', async () => {
    const appendedAt = '2026-11-23T10:00:00.000Z';
    await Promise.all([putAt(1, appendedAt), putAt(2, appendedAt), putAt(4, appendedAt)]);
    const table = tableClient(gaps.doc, gaps.tableName);
    const soon = await createEventFeedStore(table, at('2026-11-23T10:00:01.000Z')).read(0, 10);
    expect([soon.items.map((e) => e.data.n), soon.last]).toEqual([[1, 2], 2]);
    // The missing one commits: the reader that waited finds it, then what follows.
    await putAt(3, appendedAt);
    const next = await createEventFeedStore(table, at('2026-11-23T10:00:02.000Z')).read(2, 10);
    expect([next.items.map((e) => e.data.n), next.last]).toEqual([[3, 4], 4]);
  });

  it('before an event older than a minute is one the feed no longer keeps: the reader goes on', async () => {
    const appendedAt = '2026-11-23T10:00:00.000Z';
    await putAt(7, appendedAt);
    const later = await createEventFeedStore(
      tableClient(gaps.doc, gaps.tableName),
      at('2026-11-23T10:05:00.000Z'),
    ).read(4, 10);
    expect([later.items.map((e) => e.data.n), later.last]).toEqual([[7], 7]);
  });
});

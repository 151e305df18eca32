import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  deferred,
  MAX_WAIT_SECONDS,
  outcomeOf,
  RETRY_WINDOW_SECONDS,
  retryWait,
  type WebhookDelivery,
} from '#domain/webhook-delivery.ts';

const start = new Date('2026-12-07T20:00:00.000Z');
const aDelivery = (changes: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  integrationId: 'erp',
  deliveryId: '42',
  eventId: 'rfq_1/event:quote.sent:1',
  eventType: 'quote.sent',
  subject: 'rfq_1',
  occurredAt: start.toISOString(),
  state: 'pending',
  attempts: 0,
  waitedSeconds: 0,
  ...changes,
});

/** Runs the schedule against a receiver that always fails: every attempt's time, from the first. */
const attemptsUntilItEnds = (randoms: readonly number[]): { times: number[]; last: WebhookDelivery } => {
  let delivery = aDelivery();
  let at = start.getTime();
  const times: number[] = [];
  for (let i = 0; delivery.state !== 'failed'; i++) {
    times.push(at);
    delivery = afterAttempt(delivery, { status: 500 }, new Date(at), randoms[i % randoms.length] ?? 0.5);
    if (delivery.nextAttemptAt) at = Date.parse(delivery.nextAttemptAt);
  }
  return { times, last: delivery };
};

describe('a webhook delivery’s retry schedule', () => {
  it('retries a failing receiver for at least three days, then gives up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1 }),
        (randoms) => {
          const { times, last } = attemptsUntilItEnds(randoms);
          const span = (times.at(-1)! - times[0]!) / 1000;
          expect(span).toBeGreaterThanOrEqual(RETRY_WINDOW_SECONDS);
          // The last wait is at most one capped step past the window: it does not go on for days more.
          expect(span).toBeLessThan(RETRY_WINDOW_SECONDS + MAX_WAIT_SECONDS);
          expect(last).toMatchObject({ state: 'failed', attempts: times.length, lastStatus: 500 });
          expect(last.nextAttemptAt).toBeUndefined();
        },
      ),
    );
  });

  it('waits exponentially longer, with jitter between half and the whole step, in whole seconds, up to a cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const step = Math.min(MAX_WAIT_SECONDS, 5 * 2 ** (n - 1));
          const wait = retryWait(n, r);
          expect(Number.isInteger(wait)).toBe(true);
          expect(wait).toBeGreaterThanOrEqual(Math.max(1, Math.round(step / 2)));
          expect(wait).toBeLessThanOrEqual(step);
        },
      ),
    );
    expect(retryWait(1, 0)).not.toBe(retryWait(1, 0.99));
  });

  it('is delivered on any 2xx, ends on 410 Gone, and retries on everything else (redirects too)', () => {
    expect([200, 201, 204, 299].map((status) => outcomeOf({ status }))).toEqual(Array(4).fill('delivered'));
    expect(outcomeOf({ status: 410 })).toBe('gone');
    expect([301, 302, 400, 404, 429, 500, 503].map((status) => outcomeOf({ status }))).toEqual(Array(7).fill('retry'));
    expect(outcomeOf({ error: 'connect ECONNREFUSED' })).toBe('retry');
    expect(afterAttempt(aDelivery({ state: 'retrying', attempts: 3 }), { status: 410 }, start, 0.5)).toMatchObject({
      state: 'failed',
      attempts: 4,
      lastStatus: 410,
    });
  });

  it('a manual retry records its answer and leaves the schedule as it was', () => {
    const retrying = afterAttempt(aDelivery(), { status: 500 }, start, 0.5);
    const manualFailed = afterAttempt(retrying, { error: 'timeout' }, new Date(start.getTime() + 1000), 0.1, false);
    expect(manualFailed).toMatchObject({ state: 'retrying', attempts: 2, nextAttemptAt: retrying.nextAttemptAt });
    expect(manualFailed.waitedSeconds).toBe(retrying.waitedSeconds);
    const failed = aDelivery({ state: 'failed', attempts: 30, waitedSeconds: RETRY_WINDOW_SECONDS });
    expect(afterAttempt(failed, { status: 500 }, start, 0.5, false)).toMatchObject({ state: 'failed', attempts: 31 });
    expect(afterAttempt(failed, { status: 204 }, start, 0.5, false)).toMatchObject({
      state: 'delivered',
      attempts: 31,
    });
  });

  it('a deferred first attempt waits for the first retry without counting as an attempt', () => {
    const later = deferred(aDelivery(), start, 0);
    expect(later).toMatchObject({ state: 'retrying', attempts: 0 });
    expect(Date.parse(later.nextAttemptAt!) - start.getTime()).toBe(later.waitedSeconds * 1000);
  });
});

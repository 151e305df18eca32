import * as z from 'zod';

/**
 * One event on its way to one integration's webhook endpoint (Standard Webhooks): the same `webhook-id` (the event's
 * id) on every attempt, retried with exponential backoff and jitter until it is delivered, the endpoint says it is gone
 * (410), or three days of waiting have passed.
 */
export const deliveryStates = ['pending', 'retrying', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const webhookDeliverySchema = z.object({
  integrationId: z.string().min(1),
  /** The event's position in the feed: unique per integration, and the order deliveries are listed in. */
  deliveryId: z.string().regex(/^[1-9][0-9]{0,14}$/),
  eventId: z.string().min(1),
  eventType: z.string().min(1),
  subject: z.string().min(1),
  occurredAt: z.iso.datetime(),
  state: z.enum(deliveryStates),
  attempts: z.number().int().min(0),
  /** What the endpoint answered last (absent when it never answered: refused, timed out, not a public address). */
  lastStatus: z.number().int().optional(),
  /** Why the last attempt failed, in words, when it did. */
  lastError: z.string().optional(),
  lastAttemptAt: z.iso.datetime().optional(),
  /** When the next automatic attempt is due, while `retrying`. */
  nextAttemptAt: z.iso.datetime().optional(),
  /** The waits scheduled so far, in seconds: retries stop once they add up to three days. */
  waitedSeconds: z.number().min(0),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** What one attempt came to, as the sender saw it. */
export type AttemptResult = { status: number } | { error: string };

/** Retries go on until the waits between attempts add up to this: a receiver down over a long weekend still gets it. */
export const RETRY_WINDOW_SECONDS = 3 * 24 * 3600;
/** The first wait; each further one doubles, up to the cap. */
export const FIRST_WAIT_SECONDS = 5;
export const MAX_WAIT_SECONDS = 6 * 3600;

/**
 * The wait before attempt `attempts + 1`: exponential (5 s, 10 s, 20 s ... capped at 6 h) with "equal jitter" — half
 * of it fixed, half random, in whole seconds — so a receiver that comes back is not hit by every endpoint's retries in the same second,
 * and no wait is shorter than half its step. `random` is in [0, 1).
 */
export const retryWait = (attempts: number, random: number): number => {
  const step = Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.max(0, attempts - 1));
  // Whole seconds: what a Step Functions Wait takes.
  return Math.max(1, Math.round(step / 2 + (step / 2) * random));
};

/** 2xx is delivered; 410 Gone means the receiver wants no more; everything else (3xx too: no redirect is followed). */
export const outcomeOf = (result: AttemptResult): 'delivered' | 'gone' | 'retry' => {
  if (!('status' in result)) return 'retry';
  if (result.status >= 200 && result.status < 300) return 'delivered';
  return result.status === 410 ? 'gone' : 'retry';
};

const describe = (result: AttemptResult): { lastStatus?: number; lastError?: string } =>
  'status' in result
    ? { lastStatus: result.status, ...(outcomeOf(result) !== 'delivered' && { lastError: `HTTP ${result.status}` }) }
    : { lastError: result.error };

/**
 * The delivery after an attempt at `at`. An automatic attempt that fails schedules the next while the waits so far stay
 * under the retry window, so the last attempt comes at least three days after the first; a 410 ends it (the caller
 * disables the endpoint). A manual retry (`automatic` false) records its answer and leaves the schedule as it was: a
 * delivery that was retrying keeps its next attempt, one that had failed stays failed unless this one got through.
 */
export const afterAttempt = (
  delivery: WebhookDelivery,
  result: AttemptResult,
  at: Date,
  random: number,
  automatic = true,
): WebhookDelivery => {
  const { lastStatus: _s, lastError: _e, nextAttemptAt, ...rest } = delivery;
  const attempted = { ...rest, attempts: delivery.attempts + 1, lastAttemptAt: at.toISOString(), ...describe(result) };
  const outcome = outcomeOf(result);
  if (outcome === 'delivered') return { ...attempted, state: 'delivered' };
  if (outcome === 'gone') return { ...attempted, state: 'failed' };
  if (!automatic) {
    return delivery.state === 'retrying' && nextAttemptAt
      ? { ...attempted, state: 'retrying', nextAttemptAt }
      : { ...attempted, state: delivery.state === 'delivered' ? 'delivered' : 'failed' };
  }
  if (delivery.waitedSeconds >= RETRY_WINDOW_SECONDS) return { ...attempted, state: 'failed' };
  const wait = retryWait(attempted.attempts, random);
  return {
    ...attempted,
    state: 'retrying',
    waitedSeconds: delivery.waitedSeconds + wait,
    nextAttemptAt: new Date(at.getTime() + wait * 1000).toISOString(),
  };
};

/**
 * A delivery whose first attempt is put off to the schedule's first retry: the dispatcher found the endpoint failing
 * a moment ago, and sends it no more this round, so one dead receiver does not hold the events of the others.
 */
export const deferred = (delivery: WebhookDelivery, at: Date, random: number): WebhookDelivery => {
  const wait = retryWait(1, random);
  return {
    ...delivery,
    state: 'retrying',
    waitedSeconds: delivery.waitedSeconds + wait,
    nextAttemptAt: new Date(at.getTime() + wait * 1000).toISOString(),
  };
};

/** A delivery whose event the feed no longer keeps (past 35 days): nothing is left to send. */
export const lost = (delivery: WebhookDelivery): WebhookDelivery => {
  const { nextAttemptAt: _n, lastStatus: _s, ...rest } = delivery;
  return {
    ...rest,
    state: delivery.state === 'delivered' ? 'delivered' : 'failed',
    lastError: 'the event is no longer kept',
  };
};

/** Whole seconds from `now` until the next attempt is due (0 when none is, or it is past). */
export const waitFrom = (delivery: WebhookDelivery, now: Date): number =>
  delivery.nextAttemptAt ? Math.max(0, Math.ceil((Date.parse(delivery.nextAttemptAt) - now.getTime()) / 1000)) : 0;

import { repQueue } from '#application/rep-queue.ts';
import { mayReadRepQueue } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden } from './problem.ts';
import { repQueueView } from './rep-queue-view.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /me/queue'), async ({ caller }) => {
  if (!mayReadRepQueue(caller)) throw forbidden('the queue is a rep’s of the seller');
  const queue = await repQueue(caller, adapters().store, new Date());
  return { status: 200, body: repQueueView(queue) };
});

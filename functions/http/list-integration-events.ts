import { mayReadIntegrationFeed } from '#domain/policy.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden } from './problem.ts';
import { route } from './routes.ts';

const DEFAULT_LIMIT = 100;

/** The feed after the reader's cursor: what GET /integration/events answers an ERP following it. */
export const handler = http(route('GET /integration/events'), async ({ query, caller }) => {
  if (!mayReadIntegrationFeed(caller)) throw forbidden('only the seller’s admin reads the integration feed');
  const after = query.after ?? 0;
  const { items, last } = await adapters().store.feed.read(after, query.limit ?? DEFAULT_LIMIT);
  return { status: 200, body: { items, cursor: String(last) } };
});

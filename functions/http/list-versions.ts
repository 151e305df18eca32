import { visibleRfq } from '#application/visibility.ts';
import { audienceOf } from '#domain/policy.ts';
import { versionView } from '#domain/quote-version.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

/**
 * Every quote version with what changed from the one before. The buyer side reads the versions up to the last one the
 * seller sent: a version being worked on (or waiting for the sales manager) is not an offer yet.
 */
export const handler = http(route('GET /rfqs/{rfqId}/versions'), async ({ params, caller }) => {
  const { store } = adapters();
  const rfq = await visibleRfq(store, params.rfqId, caller);
  const audience = audienceOf(caller);
  const committed = rfq.quotedVersion ?? 0;
  const versions = (await store.rfqs.versions(rfq.rfqId)).filter(
    (v) => audience === 'seller' || v.version <= committed,
  );
  return { status: 200, body: { items: versions.map((v) => versionView(v, audience)) } };
});

import { http } from './http.ts';
import { route } from './routes.ts';
import { submitOnce } from './submit-once.ts';

export const handler = http(route('POST /rfqs'), async ({ body, caller, headers, context, log }) => {
  const submitted = await submitOnce({ caller, idempotencyKey: headers['idempotency-key'], request: body }, context);
  log.appendKeys({ rfqId: submitted.rfqId });
  return { status: 201, body: submitted, headers: { location: `/rfqs/${submitted.rfqId}` } };
});

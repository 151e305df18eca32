import { http } from './http.ts';
import { badRequest } from './problem.ts';
import { route } from './routes.ts';
import { submitOnce } from './submit-once.ts';

const keyPattern = /^[\x21-\x7e]{1,255}$/;

export const handler = http(route('POST /rfqs'), async ({ body, caller, headers, context, log }) => {
  const idempotencyKey = headers['idempotency-key'];
  if (!idempotencyKey || !keyPattern.test(idempotencyKey))
    throw badRequest('send an Idempotency-Key header (1–255 visible ASCII characters) so a retry is safe', [
      { path: 'headers.idempotency-key', message: idempotencyKey ? 'invalid' : 'required' },
    ]);
  const submitted = await submitOnce({ caller, idempotencyKey, request: body }, context);
  log.appendKeys({ rfqId: submitted.rfqId });
  return { status: 201, body: submitted, headers: { location: `/rfqs/${submitted.rfqId}` } };
});

import { mayManageDelegation } from '#domain/policy.ts';
import { delegatorOf } from '#functions/decisions/delegator.ts';
import { clearDelegation } from '#functions/decisions/out-of-office.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('DELETE /me/delegation'), async ({ query, caller }) => {
  const person = delegatorOf(caller, query.for);
  if (!mayManageDelegation(caller, person)) throw forbidden(`you may not clear ${person.email}'s delegation`);
  const cleared = await clearDelegation({ store: adapters().store, now: () => new Date() }, person.email);
  if (!cleared) throw notFound(`${person.email} has no delegation`);
  return { status: 204 };
});

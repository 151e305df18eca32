import { mayManageDelegation } from '#domain/policy.ts';
import { delegatorOf } from '#functions/decisions/delegator.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /me/delegation'), async ({ query, caller }) => {
  const person = delegatorOf(caller, query.for);
  if (!mayManageDelegation(caller, person)) throw forbidden(`you may not read ${person.email}'s delegation`);
  const delegation = await adapters().store.delegations.get(person.email);
  if (!delegation) throw notFound(`${person.email} has no delegation`);
  return { status: 200, body: delegation };
});

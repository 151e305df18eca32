import { delegationInReach } from '#application/delegator.ts';
import { config } from '#functions/config.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /me/delegation'), async ({ query, caller }) => {
  const known = { store: adapters().store, salesManager: config().SALES_MANAGER_EMAIL };
  const reach = await delegationInReach(caller, query.for, known);
  if (reach.kind === 'forbidden') throw forbidden(`you may not read ${reach.person.email}'s delegation`);
  if (reach.kind === 'unknown') throw notFound(`${reach.person.email} is not someone you administer`);
  if (!reach.delegation) throw notFound(`${reach.person.email} has no delegation`);
  return { status: 200, body: reach.delegation };
});

import { delegationInReach } from '#application/delegator.ts';
import { clearDelegation } from '#application/out-of-office.ts';
import { config } from '#functions/config.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('DELETE /me/delegation'), async ({ query, caller }) => {
  const { store } = adapters();
  const reach = await delegationInReach(caller, query.for, { store, salesManager: config().SALES_MANAGER_EMAIL });
  if (reach.kind === 'forbidden') throw forbidden(`you may not clear ${reach.person.email}'s delegation`);
  if (reach.kind === 'unknown') throw notFound(`${reach.person.email} is not someone you administer`);
  const cleared =
    reach.delegation &&
    (await clearDelegation({ store, now: () => new Date() }, reach.person.email, {
      because: 'delegation-ended',
      by: caller.email,
    }));
  if (!cleared) throw notFound(`${reach.person.email} has no delegation`);
  return { status: 204 };
});

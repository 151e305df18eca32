import { delegateProblem, delegationInReach } from '#application/delegator.ts';
import { setDelegation } from '#application/out-of-office.ts';
import { delegationOf, delegationProblems } from '#domain/delegation.ts';
import { config } from '#functions/config.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { httpMailer } from './mailer.ts';
import { badRequest, forbidden, notFound } from './problem.ts';
import { route } from './routes.ts';

export const handler = http(route('PUT /me/delegation'), async ({ query, body, caller }) => {
  const { store } = adapters();
  const mailer = httpMailer();
  const known = { store, salesManager: config().SALES_MANAGER_EMAIL };
  const reach = await delegationInReach(caller, query.for, known);
  const { person } = reach;
  if (reach.kind === 'forbidden') throw forbidden(`you may not set ${person.email}'s delegation`);
  if (reach.kind === 'unknown') throw notFound(`${person.email} is not someone you administer`);
  const now = new Date();
  const problems = delegationProblems(person, body, now);
  const unfit = problems.some((p) => p.path === 'delegateEmail')
    ? undefined
    : await delegateProblem(person, body.delegateEmail, known);
  const errors = [...problems, ...(unfit ? [{ path: 'delegateEmail', message: unfit }] : [])];
  if (errors.length > 0) throw badRequest('the delegation cannot be set', errors);
  const { delegation } = await setDelegation(
    { store, mailer, config: config(), now: () => now },
    delegationOf(person, body, caller.email, now),
  );
  return { status: 200, body: delegation };
});

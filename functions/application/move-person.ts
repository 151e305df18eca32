import type { Company, CompanyUser } from '#domain/company.ts';
import { companyUsersProblems } from '#domain/company-users.ts';
import { InvalidInput, LeavingRefused } from '#domain/errors.ts';
import { AccountsTakenElsewhere } from '#functions/accounts/ports.ts';
import type { CompanyRecord } from '#store/ports.ts';
import { bringAccountsInLine, checkPrecondition, finishedLater, type PeopleDeps } from './company-people.ts';

/** The list with the person in it: in their place when listed, else last. */
const withPerson = (users: readonly CompanyUser[], person: CompanyUser): CompanyUser[] =>
  users.some((u) => u.email === person.email)
    ? users.map((u) => (u.email === person.email ? person : u))
    : [...users, person];

const sameEntry = (a: CompanyUser | undefined, b: CompanyUser): boolean =>
  a !== undefined && a.name === b.name && [...a.roles].sort().join() === [...b.roles].sort().join();

const without = (movingOut: CompanyRecord['movingOut'], email: string): Record<string, string> =>
  Object.fromEntries(Object.entries(movingOut).filter(([moving]) => moving !== email));

/**
 * A move this one may not overtake: the person's account is still their company's while it moves them elsewhere, from
 * the company left (`from`) or from the destination itself (they are on their way out of it). A move out that is done
 * (the account is another's now) no longer counts.
 */
const otherMoveProblems = (
  email: string,
  to: string,
  records: readonly (CompanyRecord | undefined)[],
  accountCompany: string | undefined,
): { path: string; message: string }[] =>
  records.flatMap((record) => {
    const going = record?.movingOut[email];
    if (going === undefined || going === to || accountCompany !== record?.company.companyId) return [];
    return [{ path: 'email', message: `is being moved to ${going}: send that move again to finish it, then this one` }];
  });

/**
 * Puts one person in a company (`to`) with their name and roles, moving them in the same step from the company their
 * account signs in for: both lists are saved in one transaction over the revisions read (412 when either moved on;
 * `If-Match` names the destination's), the company left is brought in line as for a removal — their tokens void, the
 * delegations naming them ended, the account out of sign-in — and then the account becomes the destination's (a
 * `move`), and the destination is brought in line. From the transaction until the account is the destination's, the
 * person counts as moving out of the company left (its record's `movingOut`): its saves may not list them again, and
 * no other move takes them. Refused when the account is the seller's staff (409), or when
 * leaving would break the company left (its last admin, an approver its rules name: 409). Safe to send again: a move
 * the pool left half done (503) is finished by the same request.
 */
const move = async (
  deps: PeopleDeps,
  to: CompanyRecord,
  person: CompanyUser,
  options: { ifMatch?: string | undefined; deadline: number },
): Promise<{ company: Company; revision: number }> => {
  const account = (await deps.accounts.find([person.email])).get(person.email);
  if (account && account.companyId === undefined)
    throw new AccountsTakenElsewhere([
      { path: 'email', message: 'signs in for the seller’s staff, who are never a company’s people' },
    ]);
  const fromId = account?.companyId !== to.company.companyId ? account?.companyId : undefined;
  const from = fromId === undefined ? undefined : await deps.store.companies.get(fromId);
  const overtaking = otherMoveProblems(person.email, to.company.companyId, [from, to], account?.companyId);
  if (overtaking.length > 0) throw new AccountsTakenElsewhere(overtaking);
  const leaving = from?.company.users.some((u) => u.email === person.email) === true;
  const next = { ...to.company, users: withPerson(to.company.users, person) };
  const unchanged =
    !leaving &&
    sameEntry(
      to.company.users.find((u) => u.email === person.email),
      person,
    );
  checkPrecondition(to, options.ifMatch, unchanged);

  let revision = to.revision;
  if (!unchanged) {
    const rules = await deps.store.catalog.getApprovalRules(to.company.companyId);
    const adminRequired = to.company.users.some((u) => u.roles.includes('admin'));
    const problems = companyUsersProblems(next.users, rules, { adminRequired });
    if (problems.length > 0)
      throw new InvalidInput(
        'this person cannot join with these roles',
        problems.map((p) => ({ path: 'roles', message: p.message })),
      );
    const pendingHere = {
      revision: to.revision,
      pendingAccounts: [...to.pendingAccounts, person.email],
      // Moving in ends a move out of here that is done (their account went elsewhere before they came back).
      movingOut: without(to.movingOut, person.email),
    };
    if (from && leaving) {
      const left = { ...from.company, users: from.company.users.filter((u) => u.email !== person.email) };
      const refused = companyUsersProblems(
        left.users,
        await deps.store.catalog.getApprovalRules(from.company.companyId),
      );
      if (refused.length > 0)
        throw new LeavingRefused(
          refused.map((p) => ({ path: 'email', message: `leaving ${from.company.companyId}: ${p.message}` })),
        );
      // Until their account is the destination's, the company left may not list them again (company-people.ts).
      const [, saved] = await deps.store.companies.saveTogether([
        {
          company: left,
          over: {
            revision: from.revision,
            pendingAccounts: [...from.pendingAccounts, person.email],
            movingOut: { ...from.movingOut, [person.email]: to.company.companyId },
          },
        },
        { company: next, over: pendingHere },
      ]);
      revision = saved ?? revision;
    } else {
      revision = await deps.store.companies.save(next, pendingHere);
    }
  }
  if (fromId !== undefined) {
    // As for a removal there (tokens void, delegations ended, out of sign-in); then the account is the destination's.
    await bringAccountsInLine(deps, fromId, options.deadline);
    await deps.store.revocations.revoke([person.email], deps.now());
    await deps.accounts.apply(
      [
        {
          kind: 'move',
          email: person.email,
          name: person.name,
          companyId: to.company.companyId,
          groups: [...new Set(person.roles)].sort(),
        },
      ],
      options.deadline,
    );
    await deps.store.companies.movedOut(fromId, person.email, to.company.companyId);
    // A save of the destination meanwhile (one that took the person off again) left their account alone while it
    // was the company's they left; so the account, now the destination's, is brought in line with the list stored now.
    await deps.store.companies.pend(to.company.companyId, [person.email]);
  }
  await bringAccountsInLine(deps, to.company.companyId, options.deadline);
  return { company: next, revision };
};

export const movePerson = (...args: Parameters<typeof move>): ReturnType<typeof move> =>
  move(...args).catch(finishedLater);

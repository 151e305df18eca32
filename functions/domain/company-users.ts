import type { ApprovalRule } from './approval-rule.ts';
import { approversOutsideCompany } from './approval-rule.ts';
import type { CompanyUser } from './company.ts';

/**
 * What a company's new list of users may not break: one entry per person, an admin left to run the company's
 * settings, and every approver its approval rules name still an approver. Answers one problem per field at fault.
 */
export const companyUsersProblems = (
  users: readonly CompanyUser[],
  rules: readonly ApprovalRule[],
  options: { adminRequired: boolean } = { adminRequired: true },
): { path: string; message: string }[] => {
  const seen = new Set<string>();
  const duplicates = users.flatMap((user, i) => {
    const twice = seen.has(user.email);
    seen.add(user.email);
    return twice ? [{ path: `users.${i}.email`, message: `${user.email} is listed twice` }] : [];
  });
  const noAdmin =
    !options.adminRequired || users.some((u) => u.roles.includes('admin'))
      ? []
      : [{ path: 'users', message: 'a company keeps at least one admin' }];
  const orphaned = approversOutsideCompany(rules, users).map((p) => ({
    path: 'users',
    message: `${p.message}, but an approval rule names them (${p.path}): change the rule first`,
  }));
  return [...duplicates, ...noAdmin, ...orphaned];
};

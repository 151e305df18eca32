import type { Person } from './session.ts';

/**
 * Which screens a person gets: the seller's staff screens (a token without a company, as the API's policy reads
 * seller staff), a buyer company's screens, or none. This only picks screens; the API answers every call by its policy.
 */
export type Workspace = 'staff' | 'company';

const sellerRoles = new Set(['rep', 'sales-manager', 'admin']);
const companyRoles = new Set(['buyer', 'approver', 'admin']);

export const workspaceOf = (person: Pick<Person, 'groups' | 'companyId'>): Workspace | undefined => {
  if (person.companyId === undefined) return person.groups.some((g) => sellerRoles.has(g)) ? 'staff' : undefined;
  return person.groups.some((g) => companyRoles.has(g)) ? 'company' : undefined;
};

import type { Caller } from './caller.ts';
import type { Role } from './company.ts';

/** What decides who may see a resource: the buyer company that owns it and that company's account rep. */
export interface Owned {
  companyId: string;
  accountRepEmail?: string;
}

/**
 * The visibility rules: buyers and approvers see their own company's data; a rep sees the accounts they own;
 * sales managers and admins see everything. A caller with several groups sees the union.
 */
const sees: Record<Role, (caller: Caller, resource: Owned) => boolean> = {
  admin: () => true,
  'sales-manager': () => true,
  rep: (caller, resource) => resource.accountRepEmail !== undefined && resource.accountRepEmail === caller.email,
  buyer: (caller, resource) => caller.companyId !== undefined && caller.companyId === resource.companyId,
  approver: (caller, resource) => caller.companyId !== undefined && caller.companyId === resource.companyId,
};

export const canSee = (caller: Caller, resource: Owned): boolean =>
  caller.groups.some((group) => sees[group](caller, resource));

/** Which slice of a list a caller gets, broadest first. */
export type ListScope = { kind: 'all' } | { kind: 'rep'; repEmail: string } | { kind: 'company'; companyId: string };

export const listScope = (caller: Caller): ListScope | undefined => {
  if (caller.groups.includes('admin') || caller.groups.includes('sales-manager')) return { kind: 'all' };
  if (caller.groups.includes('rep')) return { kind: 'rep', repEmail: caller.email };
  if ((caller.groups.includes('buyer') || caller.groups.includes('approver')) && caller.companyId)
    return { kind: 'company', companyId: caller.companyId };
  return undefined;
};

import type { Caller } from './caller.ts';

/**
 * Who works on which open wait in the app: the questions of GET /me/tasks and POST /rfqs/{rfqId}/approval. Pure, and
 * written to be folded into the one access-policy module.
 */

/** What a wait asks for: a rep's review, a sales manager's discount approval, one level of a purchase approval. */
export type TaskPurpose = 'rep-review' | 'discount-approval' | 'approval-level';

export interface TaskOwner {
  purpose: TaskPurpose;
  /** The person the wait's link was issued to. */
  approver: string;
  /** The buyer company of the RFQ. */
  companyId: string;
  /** The buyer who submitted the RFQ: never the approver of their own purchase. */
  buyerEmail: string;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const sellerStaff = (caller: Caller): boolean =>
  caller.companyId === undefined && caller.groups.some((g) => g === 'rep' || g === 'sales-manager' || g === 'admin');

/**
 * A wait shows up as the caller's task only when it was issued to them and they still stand where it was issued: a
 * seller-side wait for seller staff, a purchase approval for an approver of the buying company other than its buyer.
 * A token whose email matches but whose company or groups do not (a person who moved on) sees nothing.
 */
export const mayWorkOn = (caller: Caller, task: TaskOwner): boolean => {
  if (!same(caller.email, task.approver)) return false;
  if (task.purpose !== 'approval-level') return sellerStaff(caller);
  return (
    caller.companyId === task.companyId && caller.groups.includes('approver') && !same(caller.email, task.buyerEmail)
  );
};

/**
 * Deciding a purchase approval level in the app: a named approver of that level, of the buying company, who did not
 * submit the purchase (segregation of duties).
 */
export const mayDecidePurchaseLevel = (
  caller: Caller,
  rfq: { companyId: string; buyerEmail: string },
  level: { approvers: readonly string[] },
): boolean =>
  level.approvers.some((a) => same(a, caller.email)) &&
  mayWorkOn(caller, { purpose: 'approval-level', approver: caller.email, ...rfq });

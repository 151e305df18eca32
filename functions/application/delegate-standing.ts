import { mayBeDelegateIn } from '#domain/policy.ts';
import type { LinkPurpose, Store } from '#store/ports.ts';

/**
 * Whether a delegate still stands where the delegation needs them, as the company's stored list says now: on a
 * purchase approval, an approver or admin of the buying company. A person removed or demoted since the delegation was
 * set (or since their link went out) decides nothing for anyone. The seller's own waits (review, discount) are asked
 * of seller staff, whose standing no company list holds.
 */
export const delegateStillStands = async (
  store: Store,
  wait: { purpose: LinkPurpose; companyId: string },
  delegateEmail: string,
): Promise<boolean> => {
  if (wait.purpose !== 'approval-level') return true;
  const company = await store.catalog.getCompany(wait.companyId);
  return company !== undefined && mayBeDelegateIn(company.users, delegateEmail);
};

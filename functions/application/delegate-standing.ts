import { mayBeDelegateIn } from '#domain/policy.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { Config } from '#functions/config.ts';
import type { ApprovalLink, LinkPurpose, Store } from '#store/ports.ts';

/** What knows who stands where: the stored companies, and who the sales manager is (config). */
export interface Standing {
  store: Store;
  salesManager: string;
}

/** Who the seller's staff are, as far as the system knows them: an account's rep, or the sales manager. */
export const isKnownSellerStaff = async ({ store, salesManager }: Standing, email: string): Promise<boolean> =>
  email === salesManager.toLowerCase() || (await store.catalog.companiesOfRep(email)).length > 0;

/**
 * Whether a delegate still stands where the delegation needs them, as the stored data says now: on a purchase
 * approval, an approver or admin of the buying company; on the seller's own waits (review, discount), one of the
 * seller's staff — the rule a delegation is set by (delegator.ts). A person removed or demoted since the delegation
 * was set (or since their link went out) decides nothing for anyone.
 */
export const delegateStillStands = async (
  standing: Standing,
  wait: { purpose: LinkPurpose; companyId: string },
  delegateEmail: string,
): Promise<boolean> => {
  if (wait.purpose !== 'approval-level') return isKnownSellerStaff(standing, delegateEmail);
  const company = await standing.store.catalog.getCompany(wait.companyId);
  return company !== undefined && mayBeDelegateIn(company.users, delegateEmail);
};

/** Whether the holder of a delegate's link still stands in, on the RFQ it decides: asked when it is opened or used. */
export const linkHolderStillStands = (
  deps: { store: Store; config: Pick<Config, 'SALES_MANAGER_EMAIL'> },
  link: Pick<ApprovalLink, 'purpose' | 'approver'>,
  rfq: Pick<Rfq, 'companyId'>,
): Promise<boolean> =>
  delegateStillStands(
    { store: deps.store, salesManager: deps.config.SALES_MANAGER_EMAIL },
    { purpose: link.purpose, companyId: rfq.companyId },
    link.approver,
  );

import type { Store } from '#store/ports.ts';
import { discountProposal } from './discount-proposal.ts';

/**
 * Who proposed the discount now waiting for a sales manager: the actor of the RFQ's latest `discount-requested` event.
 * Separation of duties asks for it — whoever proposed a discount never approves it, whatever groups they hold.
 */
export const discountProposer = async (store: Store, rfqId: string): Promise<string | undefined> =>
  discountProposal(await store.rfqs.history(rfqId))?.proposedBy;

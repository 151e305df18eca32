import type { ManagerApprovalNeeded } from '#domain/rep-authority.ts';
import type { HistoryEvent } from '#store/ports.ts';

/** The discount waiting for a sales manager: who proposed it and when, why, and the lines beyond the rep's authority. */
export interface DiscountProposal {
  proposedBy: string;
  at: string;
  reason?: string;
  needsManager: ManagerApprovalNeeded[];
}

const isManagerApprovalNeeded = (value: unknown): value is ManagerApprovalNeeded =>
  typeof value === 'object' &&
  value !== null &&
  'sku' in value &&
  typeof value.sku === 'string' &&
  'requested' in value &&
  typeof value.requested === 'number' &&
  'floor' in value &&
  typeof value.floor === 'number' &&
  'reason' in value &&
  typeof value.reason === 'string';

/**
 * The latest discount proposal in an RFQ's history, as RecordReview wrote it (`discount-requested`). Every reader —
 * the review screen, the sales manager's link page and email, separation of duties — takes it from here.
 */
export const discountProposal = (history: readonly HistoryEvent[]): DiscountProposal | undefined => {
  const event = history.findLast((e) => e.action === 'discount-requested');
  if (!event) return undefined;
  // RecordReview keeps the rep's reason as `note` (seller-only, the default) or `comment` (shared with the buyer).
  const reason = event.detail?.note ?? event.detail?.comment;
  const needsManager = event.detail?.needsManager;
  return {
    proposedBy: event.actor.email,
    at: event.at,
    ...(typeof reason === 'string' && reason && { reason }),
    needsManager: Array.isArray(needsManager) ? needsManager.filter(isManagerApprovalNeeded) : [],
  };
};

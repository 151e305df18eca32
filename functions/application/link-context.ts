import type { BudgetStanding } from '#domain/budget.ts';
import type { Comment } from '#domain/comment.ts';
import { rulesOfLevel } from '#domain/condition-text.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { ApprovalLink, HistoryEvent } from '#store/ports.ts';
import { readBudgetStanding } from './budget-standing.ts';
import type { DecisionDeps } from './deps.ts';
import { type DiscountProposal, discountProposal } from './discount-proposal.ts';

/** A buyer's or a seller's words on the way to this decision, taken from the history. */
export interface Said {
  by: string;
  at: string;
  comment?: string;
}

/**
 * Why the holder of a link is asked and what they need to decide well, everything read here: the company by name; for
 * a purchase approval the rules that made the level (by name and condition) and the buyer's budget left; for a
 * discount approval the lines beyond the rep's authority and the rep's reason; for a rep's review the buyer's latest
 * revision request. It holds seller-only facts: http/approval-link-view.ts picks what each audience sees.
 */
export interface LinkContext {
  companyName: string;
  rules: { name: string; when: string }[];
  budget: BudgetStanding[];
  discount?: DiscountProposal;
  revisionRequest?: Said;
  /** The whole thread, seller notes included: the view keeps what the link's audience may read. */
  thread: Comment[];
}

const said = (event: HistoryEvent): Said => ({
  by: event.actor.email,
  at: event.at,
  ...(typeof event.detail?.comment === 'string' && { comment: event.detail.comment }),
});

export const linkContext = async (link: ApprovalLink, rfq: Rfq, deps: DecisionDeps): Promise<LinkContext> => {
  const level = link.purpose === 'approval-level' ? rfq.approvals.find((a) => a.level === link.level) : undefined;
  const [company, rules, budget, history, thread] = await Promise.all([
    deps.store.catalog.getCompany(rfq.companyId),
    level ? deps.store.catalog.getApprovalRules(rfq.companyId) : [],
    level ? readBudgetStanding(deps.store, rfq, new Date(link.createdAt)) : [],
    link.purpose === 'approval-level' ? [] : deps.store.rfqs.history(rfq.rfqId),
    deps.store.rfqs.comments(rfq.rfqId),
  ]);
  const currency = rfq.quote?.currency ?? rfq.currency;
  const discount = link.purpose === 'discount-approval' ? discountProposal(history) : undefined;
  const revision =
    link.purpose === 'rep-review' ? history.findLast((e) => e.action === 'revision-requested') : undefined;
  return {
    companyName: company?.name ?? rfq.companyId,
    rules: rulesOfLevel(level?.ruleIds ?? [], rules, currency),
    budget,
    ...(discount && { discount }),
    ...(revision && { revisionRequest: said(revision) }),
    thread,
  };
};

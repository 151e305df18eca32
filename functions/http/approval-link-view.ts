import { type Audience, mayReassignByLink } from '#domain/policy.ts';
import { quoteView } from '#domain/quote-view.ts';
import type { LinkAnswer } from '../decisions/link-answer.ts';
import type { LinkPage } from '../pages/approval-page.ts';

/**
 * Who a link's page is for: the rep's review and the sales manager's discount approval are the seller's own (cost,
 * margin, floors), a purchase approval goes to the buyer company's people and shows what the buyer may see.
 */
const audienceOfLink = (purpose: 'rep-review' | 'discount-approval' | 'approval-level'): Audience =>
  purpose === 'approval-level' ? 'buyer' : 'seller';

/**
 * What an email link answers, as its holder may see it: the page's model and, for API clients, the JSON body. Every
 * field is named here; the stored link (task token, hashes) and the full RFQ never reach either.
 */
export const approvalLinkView = (answer: LinkAnswer, maxRepDiscountPercent: number): LinkPage => {
  switch (answer.kind) {
    case 'open':
    case 'invalid': {
      const { link, rfq } = answer;
      const audience = audienceOfLink(link.purpose);
      return {
        outcome: answer.kind,
        status: answer.status,
        rfqId: rfq.rfqId,
        purpose: link.purpose,
        approver: link.approver,
        ...(link.onBehalfOf !== undefined && { onBehalfOf: link.onBehalfOf }),
        expiresAt: link.expiresAt,
        ...(link.level !== undefined && { level: link.level }),
        companyId: rfq.companyId,
        buyerEmail: rfq.buyerEmail,
        ...(rfq.poNumber !== undefined && { poNumber: rfq.poNumber }),
        ...(rfq.note !== undefined && { note: rfq.note }),
        quote: quoteView(answer.quote, audience),
        ...(audience === 'seller' && link.purpose === 'rep-review' && { maxRepDiscountPercent }),
        ...(mayReassignByLink(link) && { reassign: true as const }),
        errors: answer.kind === 'invalid' ? answer.errors : [],
      };
    }
    case 'decided':
      return {
        outcome: 'decided',
        status: answer.status,
        rfqId: answer.rfq.rfqId,
        purpose: answer.link.purpose,
        decision: answer.decision,
        ...(answer.sentToManager && { sentToManager: true }),
        ...(answer.closedAs && { closedAs: answer.closedAs }),
      };
    case 'recorded':
      return { outcome: 'recorded', status: answer.status, rfqId: answer.rfq.rfqId, waitingFor: answer.waitingFor };
    case 'refused':
      return { outcome: 'refused', status: answer.status, reason: answer.reason };
    case 'revoked':
      return { outcome: 'revoked', status: answer.status, why: answer.why };
    default:
      return { outcome: answer.kind, status: answer.status };
  }
};

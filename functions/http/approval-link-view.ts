import type { LinkAnswer } from '#application/link-answer.ts';
import type { LinkContext } from '#application/link-context.ts';
import { linkPdfUrl } from '#application/link-token.ts';
import { threadView } from '#domain/comment.ts';
import { earlierLevels } from '#domain/earlier-levels.ts';
import { marginOf } from '#domain/margin.ts';
import { type Audience, mayReadQuotePdfByLink, mayReassignByLink } from '#domain/policy.ts';
import { quoteView, sellerLineView } from '#domain/quote-view.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import { appLinks } from '#rendering/app-links.ts';
import type { ApprovalLink } from '#store/ports.ts';
import type { DiscountApprovalContext, LinkPage, PurchaseApprovalContext } from '../pages/link-page.ts';

/**
 * Who a link's page is for: the rep's review and the sales manager's discount approval are the seller's own (cost,
 * margin, floors), a purchase approval goes to the buyer company's people and shows what the buyer may see.
 */
const audienceOfLink = (purpose: 'rep-review' | 'discount-approval' | 'approval-level'): Audience =>
  purpose === 'approval-level' ? 'buyer' : 'seller';

/**
 * Why a company approver is asked, as the buyer side may see it: the level of how many and how it is decided, who
 * else is on it, the rules (by name and condition) or the reason that made it, what earlier levels decided and said,
 * and the budget left to the buyer.
 */
const approvalContext = (link: ApprovalLink, rfq: Rfq, context: LinkContext): PurchaseApprovalContext | undefined => {
  const level = rfq.approvals.find((a) => a.level === link.level);
  if (!level) return undefined;
  return {
    level: level.level,
    levels: rfq.approvals.length,
    mode: level.mode,
    others: level.approvers.filter((a) => a !== link.approver),
    escalated: level.escalated,
    ...(level.reason !== undefined && { reason: level.reason }),
    rules: context.rules.map((r) => ({ name: r.name, when: r.when })),
    earlier: earlierLevels(rfq.approvals, level.level),
    budget: context.budget.map((b) => ({
      period: b.period,
      start: b.start,
      amount: b.amount,
      spent: b.spent,
      remaining: b.remaining,
    })),
  };
};

/**
 * What the sales manager decides on (seller side only): each line the rep priced below their authority, its floor and
 * how far below it, the cost and margin at the asked price, and the rep's reason.
 */
const discountContext = (quote: Quote, context: LinkContext): DiscountApprovalContext | undefined => {
  const discount = context.discount;
  if (!discount) return undefined;
  return {
    proposedBy: discount.proposedBy,
    at: discount.at,
    ...(discount.reason !== undefined && { reason: discount.reason }),
    lines: discount.needsManager.map((n) => {
      const line = quote.lines.find((l) => l.sku === n.sku);
      const seller = line && sellerLineView(line);
      const margin = marginOf(n.requested, seller?.cost);
      return {
        sku: n.sku,
        name: line?.name ?? n.sku,
        quantity: line?.quantity ?? 0,
        requested: n.requested,
        floor: n.floor,
        belowFloor: n.floor - n.requested,
        ...(line?.contractPrice !== null && line?.contractPrice !== undefined && { contractPrice: line.contractPrice }),
        ...(line?.listPrice !== null && line?.listPrice !== undefined && { listPrice: line.listPrice }),
        ...(seller?.cost !== undefined && { cost: seller.cost }),
        ...(margin !== undefined && { margin }),
      };
    }),
  };
};

/** What a link's answer needs of the site: its settings, and the token the link was opened with (for its PDF's URL). */
export interface LinkSite {
  maxRepDiscountPercent: number;
  sellerName: string;
  publicBaseUrl: string;
  token: string;
}

/**
 * What an email link answers, as its holder may see it: the page's model and, for API clients, the JSON body. Every
 * field is named here; the stored link (task token, hashes) and the full RFQ never reach either.
 */
/** An order a link's request became, and where the app shows it (the holder signs in there). */
const orderLink = (orderId: string, site: LinkSite) => ({ orderId, url: appLinks(site.publicBaseUrl).order(orderId) });

export const approvalLinkView = (answer: LinkAnswer, site: LinkSite): LinkPage => {
  switch (answer.kind) {
    case 'open':
    case 'invalid': {
      const { link, rfq } = answer;
      const audience = audienceOfLink(link.purpose);
      const approval = link.purpose === 'approval-level' ? approvalContext(link, rfq, answer.context) : undefined;
      const discount =
        audience === 'seller' && link.purpose === 'discount-approval'
          ? discountContext(answer.quote, answer.context)
          : undefined;
      const revision = link.purpose === 'rep-review' ? answer.context.revisionRequest : undefined;
      // The link's audience reads the thread as the policy lets that side read it: seller notes for seller staff only.
      const thread = threadView(answer.context.thread, audience === 'seller');
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
        companyName: answer.context.companyName,
        sellerName: site.sellerName,
        ...(mayReadQuotePdfByLink(link) && { quotePdfUrl: linkPdfUrl(site.publicBaseUrl, site.token) }),
        buyerEmail: rfq.buyerEmail,
        ...(rfq.poNumber !== undefined && { poNumber: rfq.poNumber }),
        ...(rfq.note !== undefined && { note: rfq.note }),
        ...(rfq.requestedDeliveryDate !== undefined && { requestedDeliveryDate: rfq.requestedDeliveryDate }),
        ...(rfq.shipTo !== undefined && { shipTo: rfq.shipTo }),
        quote: quoteView(answer.quote, audience),
        thread,
        ...(audience === 'seller' &&
          link.purpose === 'rep-review' && { maxRepDiscountPercent: site.maxRepDiscountPercent }),
        ...(mayReassignByLink(link) && { reassign: true as const }),
        ...(approval && { approval }),
        ...(discount && { discount }),
        ...(revision && { revisionRequest: { ...revision } }),
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
        ...(answer.orderId && { order: orderLink(answer.orderId, site) }),
      };
    case 'recorded':
      return { outcome: 'recorded', status: answer.status, rfqId: answer.rfq.rfqId, waitingFor: answer.waitingFor };
    case 'refused':
      return { outcome: 'refused', status: answer.status, reason: answer.reason };
    case 'used':
      return {
        outcome: 'used',
        status: answer.status,
        ...(answer.orderId && { order: orderLink(answer.orderId, site) }),
      };
    case 'revoked':
      return {
        outcome: 'revoked',
        status: answer.status,
        why: answer.why,
        ...(answer.orderId && { order: orderLink(answer.orderId, site) }),
      };
    default:
      return { outcome: answer.kind, status: answer.status };
  }
};

import { terminalStatuses } from '#domain/lifecycle.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import type { ApprovalLink } from '#store/ports.ts';
import { linkHolderStillStands } from './delegate-standing.ts';
import { type DecisionDeps, nowOf } from './deps.ts';
import { expired, type LinkAnswer, type RevokedBecause, revoked, unknown, usedOn } from './link-answer.ts';
import { hashLinkToken, isWellFormedLinkToken } from './link-token.ts';

export interface OpenLink {
  link: ApprovalLink;
  rfq: Rfq;
  quote: Quote;
}

/**
 * Why a link is dead, from what happened after it was sent: the RFQ closed, the quote moved to a newer version,
 * someone else of the same wait decided, a newer link (a reminder) went to the same person, the delegation a stand-in
 * link came from ended (recorded on the link), or the wait timed out.
 */
export const whyRevoked = async (
  link: ApprovalLink,
  rfq: Rfq | undefined,
  deps: DecisionDeps,
): Promise<RevokedBecause> => {
  if (rfq && terminalStatuses.has(rfq.status)) return { reason: 'closed', status: rfq.status };
  if (rfq?.quote && rfq.quote.version !== link.quoteVersion)
    return { reason: 'quote-changed', version: rfq.quote.version };
  const others = (await deps.store.links.listForRfq(link.rfqId)).filter((l) => l.tokenHash !== link.tokenHash);
  const decider = others.find((l) => l.waitId === link.waitId && l.status === 'DECIDED');
  if (decider) return { reason: 'decided-by-other', by: decider.approver };
  const newer = others.some(
    (l) => l.approver === link.approver && l.purpose === link.purpose && l.createdAt > link.createdAt,
  );
  if (newer) return { reason: 'superseded' };
  if (link.withdrawn && link.onBehalfOf) return { reason: 'withdrawn', for: link.onBehalfOf, ...link.withdrawn };
  return { reason: 'timed-out' };
};

/**
 * Reads a link by its token without changing anything: a malformed or unknown token is 404, a used or revoked one 409,
 * an expired one 410. A link of a closed RFQ, or showing a quote version the RFQ has moved past, is as good as revoked.
 */
export const openLink = async (token: string, deps: DecisionDeps): Promise<OpenLink | LinkAnswer> => {
  if (!isWellFormedLinkToken(token)) return unknown;
  const link = await deps.store.links.findByHash(hashLinkToken(token));
  if (!link) return unknown;
  const rfq = await deps.store.rfqs.get(link.rfqId);
  if (link.status === 'DECIDED') return usedOn(rfq);
  if (link.status === 'REVOKED') return revoked(await whyRevoked(link, rfq, deps), rfq);
  if (link.expiresAt <= nowOf(deps).toISOString()) return expired;
  if (link.activeFrom !== undefined && link.activeFrom > nowOf(deps).toISOString())
    return {
      kind: 'refused',
      status: 403,
      reason: `You stand in for ${link.onBehalfOf} from ${link.activeFrom.slice(0, 16).replace('T', ' ')} UTC; until then this link decides nothing.`,
    };
  if (!rfq) return unknown;
  if (link.onBehalfOf && !(await linkHolderStillStands(deps, link, rfq)))
    return {
      kind: 'refused',
      status: 403,
      reason: `You no longer stand in for ${link.onBehalfOf}: ${link.purpose === 'approval-level' ? 'you are not an approver of this company any more' : 'you are not one of the seller’s staff any more (an account’s rep or the sales manager)'}. Nothing changed.`,
    };
  // Belt and braces: a cancelled or finished RFQ, or a newer quote version, leaves no link alive.
  if (terminalStatuses.has(rfq.status) || !rfq.quote || rfq.quote.version !== link.quoteVersion)
    return revoked(await whyRevoked(link, rfq, deps), rfq);
  return { link, rfq, quote: rfq.quote };
};

export const isOpen = (value: OpenLink | LinkAnswer): value is OpenLink => !('kind' in value);

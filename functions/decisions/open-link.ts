import { terminalStatuses } from '#domain/lifecycle.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import type { ApprovalLink } from '#store/ports.ts';
import { type DecisionDeps, nowOf } from './deps.ts';
import { expired, type LinkAnswer, revoked, unknown, used } from './link-answer.ts';
import { hashLinkToken, isWellFormedLinkToken } from './link-token.ts';

export interface OpenLink {
  link: ApprovalLink;
  rfq: Rfq;
  quote: Quote;
}

/**
 * Reads a link by its token without changing anything: a malformed or unknown token is 404, a used or revoked one 409,
 * an expired one 410. A link of a closed RFQ, or showing a quote version the RFQ has moved past, is as good as revoked.
 */
export const openLink = async (token: string, deps: DecisionDeps): Promise<OpenLink | LinkAnswer> => {
  if (!isWellFormedLinkToken(token)) return unknown;
  const link = await deps.store.links.findByHash(hashLinkToken(token));
  if (!link) return unknown;
  if (link.status === 'DECIDED') return used;
  if (link.status === 'REVOKED') return revoked;
  if (link.expiresAt <= nowOf(deps).toISOString()) return expired;
  const rfq = await deps.store.rfqs.get(link.rfqId);
  if (!rfq) return unknown;
  // Belt and braces: a cancelled or finished RFQ, or a newer quote version, leaves no link alive.
  if (terminalStatuses.has(rfq.status) || !rfq.quote || rfq.quote.version !== link.quoteVersion) return revoked;
  return { link, rfq, quote: rfq.quote };
};

export const isOpen = (value: OpenLink | LinkAnswer): value is OpenLink => !('kind' in value);

import type { DecisionDeps } from './deps.ts';
import type { LinkAnswer } from './link-answer.ts';
import { linkContext } from './link-context.ts';
import { isOpen, openLink } from './open-link.ts';

/**
 * GET /approvals/{token}: the page behind an email link. Safe and idempotent — mail scanners and link previews fetch
 * it freely and decide nothing; only the form's POST decides.
 */
export const viewLink = async (token: string, deps: DecisionDeps): Promise<LinkAnswer> => {
  const opened = await openLink(token, deps);
  if (!isOpen(opened)) return opened;
  const context = await linkContext(opened.link, opened.rfq, deps);
  return { kind: 'open', status: 200, link: opened.link, rfq: opened.rfq, quote: opened.quote, context };
};

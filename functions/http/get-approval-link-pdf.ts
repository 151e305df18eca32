import { isOpen, openLink } from '#application/open-link.ts';
import { mayReadQuotePdfByLink } from '#domain/policy.ts';
import { config } from '#functions/config.ts';
import { decisionDeps } from './decision-deps.ts';
import { http } from './http.ts';
import { notFound } from './problem.ts';
import { quotePdfReply } from './quote-pdf-reply.ts';
import { route } from './routes.ts';

/**
 * The quote an approver's email link asks about, as the buyer's PDF, authorised by the link itself (no sign-in): only
 * while the link still decides, and only for the links the policy names. Safe: reading it decides nothing.
 */
export const handler = http(route('GET /approvals/{token}/quote.pdf'), async ({ params, log }) => {
  const deps = decisionDeps();
  const opened = await openLink(params.token, deps);
  if (!isOpen(opened)) throw notFound('no open link with this token: a decided, expired or replaced link shows no PDF');
  log.appendKeys({ rfqId: opened.rfq.rfqId });
  if (!mayReadQuotePdfByLink(opened.link)) throw notFound('this link shows no PDF: sign in to the app for the quote');
  return quotePdfReply(deps.store, opened.rfq, config());
});

import type { LinkAnswer } from '#application/link-answer.ts';
import { brandOf, config } from '#functions/config.ts';
import { renderLinkPage } from '../pages/approval-page.ts';
import { approvalLinkView } from './approval-link-view.ts';
import type { ReplyTo } from './http.ts';
import type { route } from './routes.ts';

/** People get the page; an API client that asks for JSON (and not HTML) gets the same answer as JSON. */
const wantsJson = (accept: string | undefined): boolean =>
  Boolean(accept?.includes('json') && !accept.includes('text/html'));

export const linkReply = (
  answer: LinkAnswer,
  request: { token: string; accept: string | undefined },
): ReplyTo<ReturnType<typeof route<'POST /approvals/{token}'>>> => {
  const settings = config();
  const { status, ...view } = approvalLinkView(answer, {
    maxRepDiscountPercent: settings.MAX_REP_DISCOUNT_PERCENT,
    sellerName: settings.SELLER_NAME,
    publicBaseUrl: settings.PUBLIC_BASE_URL,
    token: request.token,
  });
  // Between two openings of its wait: a second later the new link may be there (the API's `Retry-After` too).
  const retry = answer.kind === 'sending' ? { 'retry-after': '1' } : undefined;
  if (wantsJson(request.accept)) return { status, body: view, ...(retry && { headers: retry }) };
  const page = renderLinkPage({ status, ...view }, brandOf(settings));
  return { ...page, status, headers: { ...page.headers, ...retry } };
};

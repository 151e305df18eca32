import type { LinkAnswer } from '../decisions/link-answer.ts';
import { linkAnswerBody, renderLinkPage } from '../pages/approval-page.ts';
import type { Reply } from './http.ts';

/** People get the page; an API client that asks for JSON (and not HTML) gets the same answer as JSON. */
const wantsJson = (accept: string | undefined): boolean =>
  Boolean(accept?.includes('json') && !accept.includes('text/html'));

export const linkReply = (answer: LinkAnswer, accept: string | undefined): Reply =>
  wantsJson(accept) ? { status: answer.status, body: linkAnswerBody(answer) } : renderLinkPage(answer);

import { viewLink } from '#application/view-link.ts';
import { decisionDeps } from './decision-deps.ts';
import { http } from './http.ts';
import { linkReply } from './link-reply.ts';
import { route } from './routes.ts';

/** Safe: mail scanners and link previews fetch this freely; it decides nothing. */
export const handler = http(route('GET /approvals/{token}'), async ({ params, headers, log }) => {
  const answer = await viewLink(params.token, decisionDeps());
  if ('rfq' in answer) log.appendKeys({ rfqId: answer.rfq.rfqId });
  return linkReply(answer, { token: params.token, accept: headers.accept });
});

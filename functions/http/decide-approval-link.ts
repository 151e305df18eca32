import { decideLink } from '#application/decide-link.ts';
import { decisionDeps } from './decision-deps.ts';
import { http } from './http.ts';
import { linkReply } from './link-reply.ts';
import { route } from './routes.ts';

export const handler = http(route('POST /approvals/{token}'), async ({ params, body, headers, log }) => {
  const answer = await decideLink(params.token, body, decisionDeps());
  if ('rfq' in answer) log.appendKeys({ rfqId: answer.rfq.rfqId });
  return linkReply(answer, { token: params.token, accept: headers.accept });
});

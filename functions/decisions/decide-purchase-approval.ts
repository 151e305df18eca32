import type { Caller } from '#domain/caller.ts';
import type { Rfq } from '#domain/rfq.ts';
import { mayDecidePurchaseLevel } from '#domain/task-policy.ts';
import { conflict, forbidden, HttpProblem } from '#http/problem.ts';
import { type DecisionDeps, nowOf } from './deps.ts';
import type { LinkAnswer } from './link-answer.ts';
import { resumeWait } from './resume-wait.ts';

export interface PurchaseDecision {
  decision: 'approve' | 'reject';
  comment?: string;
  /** The quote version the approver saw: a decision is never applied to another one. */
  quoteVersion: number;
}

const alreadyDecided = 'this approval was already decided or has expired';

/**
 * POST /rfqs/{rfqId}/approval: the signed-in approver of the current level decides, exactly as their email link would.
 * It spends that approver's own link (so the emailed one then says "already decided") with the store's single-use
 * write, and resumes the same wait: link and app race fairly, one decision wins. On an `all` level an approval is
 * recorded and the level waits for the others (`recorded`).
 */
export const decidePurchaseApproval = async (
  rfq: Rfq,
  caller: Caller,
  input: PurchaseDecision,
  deps: DecisionDeps,
): Promise<Extract<LinkAnswer, { kind: 'decided' | 'recorded' }>> => {
  if (rfq.status !== 'PENDING_APPROVAL' || !rfq.quote)
    throw conflict(`the RFQ is ${rfq.status}; no purchase approval waits`);
  if (input.quoteVersion !== rfq.quote.version)
    throw conflict(
      `you saw quote version ${input.quoteVersion}; the current version is ${rfq.quote.version} — reload it`,
    );
  const now = nowOf(deps).toISOString();
  const mine = (await deps.store.links.listForRfq(rfq.rfqId)).filter(
    (l) =>
      l.purpose === 'approval-level' &&
      l.quoteVersion === rfq.quote?.version &&
      l.approver.toLowerCase() === caller.email.toLowerCase(),
  );
  const link = mine.find((l) => l.status === 'PENDING' && l.expiresAt > now);
  const level = rfq.approvals.find((a) => a.level === link?.level);
  if (!link || !level) {
    if (mine.length > 0) throw conflict(alreadyDecided);
    // The level opens a moment before its request goes out; its approver should retry, not be told they are not one.
    const opening = rfq.approvals.find((a) => a.status === 'WAITING' || a.status === 'PENDING');
    if (opening && mayDecidePurchaseLevel(caller, rfq, opening))
      throw new HttpProblem(409, 'the approval request is still being sent; retry in a moment', undefined, {
        'retry-after': '1',
      });
    throw forbidden('you are not an approver of the level this purchase waits for');
  }
  if (!mayDecidePurchaseLevel(caller, rfq, level))
    throw forbidden('you are not an approver of the level this purchase waits for');
  const comment = input.comment?.trim();
  const result = await deps.store.links.decide(
    link,
    { decision: input.decision, at: now, ...(comment && { comment }) },
    now,
  );
  if (!result.ok) throw conflict(alreadyDecided);
  const answer = await resumeWait(deps, result.link, rfq, { email: caller.email, role: 'approver' });
  if (answer.kind !== 'decided' && answer.kind !== 'recorded') throw conflict(alreadyDecided);
  return answer;
};

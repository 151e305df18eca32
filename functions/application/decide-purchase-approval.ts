import type { Caller } from '#domain/caller.ts';
import { AlreadyDecided, Forbidden, NotNow, VersionMismatch } from '#domain/errors.ts';
import { mayDecidePurchaseLevel } from '#domain/policy.ts';
import type { ApprovalStep, Rfq } from '#domain/rfq.ts';
import { linkHolderStillStands } from './delegate-standing.ts';
import { type DecisionDeps, nowOf } from './deps.ts';
import type { LinkAnswer } from './link-answer.ts';
import { noOpenWait } from './no-open-wait.ts';
import { resumeWait } from './resume-wait.ts';

export interface PurchaseDecision {
  decision: 'approve' | 'reject';
  comment?: string;
  /** The quote version the approver saw: a decision is never applied to another one. */
  quoteVersion: number;
}

const alreadyDecided = 'this approval was already decided or has expired';
const unopened = { decided: alreadyDecided, opening: 'the approval request is still being sent' };
const notOnTheLevel = 'you are not an approver of the level this purchase waits for';

/**
 * POST /rfqs/{rfqId}/approval: the signed-in approver of the current level decides, exactly as their email link would.
 * It spends that approver's own link (so the emailed one then says "already used") with the store's single-use write,
 * and resumes the same wait: link and app race fairly, one decision wins. On an `all` level an approval is recorded
 * and the level waits for the others (`recorded`).
 */
export const decidePurchaseApproval = async (
  rfq: Rfq,
  caller: Caller,
  input: PurchaseDecision,
  deps: DecisionDeps,
): Promise<Extract<LinkAnswer, { kind: 'decided' | 'recorded' }>> => {
  if (rfq.status !== 'PENDING_APPROVAL' || !rfq.quote)
    throw new NotNow(`the RFQ is ${rfq.status}; no purchase approval waits`);
  if (input.quoteVersion !== rfq.quote.version) throw new VersionMismatch(input.quoteVersion, rfq.quote.version);
  const now = nowOf(deps).toISOString();
  const mine = (await deps.store.links.listForRfq(rfq.rfqId)).filter(
    (l) => l.purpose === 'approval-level' && l.quoteVersion === rfq.quote?.version && l.approver === caller.email,
  );
  const pending = mine.filter((l) => l.status === 'PENDING' && l.expiresAt > now);
  const open = pending.filter((l) => (l.activeFrom ?? now) <= now);
  // Their own say first; the say they hold for an out-of-office colleague when that is all that waits for them.
  const link = open.find((l) => !l.onBehalfOf) ?? open[0];
  const level = rfq.approvals.find((a) => a.level === link?.level);
  if (!link || !level) {
    const ahead = pending.find((l) => l.activeFrom !== undefined && l.activeFrom > now);
    if (ahead) throw new NotNow(`you stand in for ${ahead.onBehalfOf} from ${ahead.activeFrom}; not before`);
    // The level opens a moment before its request goes out, and an `all` level asks the rest again in a new wait:
    // an approver whose say the open level still lacks should retry, not be told it was decided or is not theirs.
    const opening = rfq.approvals.find((a) => a.status === 'WAITING' || a.status === 'PENDING');
    const hadSay = (level: ApprovalStep) =>
      level.decisions.some((d) => d.approver === caller.email || d.delegate === caller.email) ||
      mine.some((l) => l.level === level.level && l.status === 'DECIDED');
    if (opening && mayDecidePurchaseLevel(caller, rfq, opening) && !hadSay(opening))
      throw await noOpenWait(deps.store, rfq, unopened);
    if (mine.length > 0) throw new AlreadyDecided(alreadyDecided);
    throw new Forbidden(notOnTheLevel);
  }
  if (!mayDecidePurchaseLevel(caller, rfq, level, link.onBehalfOf)) throw new Forbidden(notOnTheLevel);
  if (link.onBehalfOf && !(await linkHolderStillStands(deps, link, rfq)))
    throw new Forbidden(
      `you no longer stand in for ${link.onBehalfOf}: you are not an approver of this company any more`,
    );
  const comment = input.comment?.trim();
  const result = await deps.store.links.decide(
    link,
    { decision: input.decision, at: now, ...(comment && { comment }) },
    now,
  );
  if (!result.ok) throw new AlreadyDecided(alreadyDecided);
  const answer = await resumeWait(deps, result.link, rfq, { email: caller.email, role: 'approver' });
  // The link's task token is gone: answered a moment ago, or RequestApproval failed after sending it and is retrying.
  if (answer.kind !== 'decided' && answer.kind !== 'recorded') throw await noOpenWait(deps.store, rfq, unopened);
  return answer;
};

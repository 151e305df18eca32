import { companyName } from '#application/reprice.ts';
import { closedByRejection, DecisionRefused, recordDecision } from '#domain/approval-chain.ts';
import type { ApprovalStep } from '#domain/rfq.ts';
import { approvalNoLongerNeededEmail, approvalRejectedEmail } from '#email/outcomes.ts';
import type { StepDeps } from './deps.ts';
import { tellEscalated } from './escalation-notice.ts';
import { heldApprovals } from './held-approvals.ts';
import { emailOnce, loadRfq, systemActor } from './marks.ts';
import { type LevelDecision, type LevelState, levelDecisionSchema, levelStateSchema } from './state.ts';
import { step } from './step.ts';
import { NotWaitable } from './waitable.ts';

const input = levelStateSchema.extend({ approval: levelDecisionSchema });
/** Where a level's decision leads; the ASL's LevelOutcome choice compares against exactly these. */
export const outcomes = ['approved', 'rejected', 'waiting'] as const;
export type LevelOutcome = (typeof outcomes)[number];

const outcomeOf = (level: ApprovalStep): LevelOutcome =>
  level.status === 'APPROVED' ? 'approved' : level.status === 'REJECTED' ? 'rejected' : 'waiting';

/**
 * RecordApproval: the decisions on this wait's links (each approver's own, in the order they were made) are recorded
 * on the level with the domain's `recordDecision`. Rejected → APPROVAL_REJECTED (buyer and rep told); the last level
 * approved → APPROVED; an `all` level still missing approvals → waiting (the ASL asks the rest again).
 */
export const recordApproval = async (
  { approval, ...state }: { approval: LevelDecision } & LevelState,
  deps: StepDeps,
): Promise<LevelState & { outcome: LevelOutcome }> => {
  const rfq = await loadRfq(deps, state.rfqId);
  const current = rfq.approvals.find((a) => a.level === state.level);
  if (!current) throw new NotWaitable(`RFQ ${rfq.rfqId} has no approval level ${state.level}`);
  // A retry after the write: the level already says how it ended.
  if (current.status === 'APPROVED' || current.status === 'REJECTED') return { ...state, outcome: outcomeOf(current) };
  if (rfq.status !== 'PENDING_APPROVAL') throw new NotWaitable(`RFQ ${rfq.rfqId} is ${rfq.status}`);

  const links = await deps.store.links.listForRfq(rfq.rfqId);
  // An `all` level counts the approvals recorded on an earlier wait's links too (held-approvals.ts).
  const earlier = heldApprovals(links, current, state.quoteVersion).filter((link) => link.waitId !== approval.waitId);
  const decided = links
    .filter((link) => link.waitId === approval.waitId && link.status === 'DECIDED' && link.decision)
    // Two clicks on an `any` level at the same moment both decide their links; the one that resumed the wait counts.
    .filter((link) => current.mode === 'all' || link.approver === approval.by)
    .concat(earlier)
    .sort((a, b) => (a.decision!.at < b.decision!.at ? -1 : a.decision!.at > b.decision!.at ? 1 : 0));
  let level = current;
  for (const link of decided) {
    const { decision, at, comment } = link.decision!;
    // Only a rep review is ever reassigned; a purchase approval link cannot carry it (decide-link refuses it).
    if (decision === 'reassign') continue;
    try {
      // A delegate's link decides for the approver it stands in for: recorded as "delegate for approver".
      level = link.onBehalfOf
        ? recordDecision(level, link.onBehalfOf, decision, at, comment, link.approver)
        : recordDecision(level, link.approver, decision, at, comment);
    } catch (error) {
      // The level already holds this approver's decision (a retried step): it is not recorded twice.
      if (!(error instanceof DecisionRefused)) throw error;
    }
  }
  await deps.store.links.revoke(rfq.rfqId, { waitId: approval.waitId });
  if (level === current) return { ...state, outcome: 'waiting' };

  const approvals = rfq.approvals.map((a) => (a.level === level.level ? level : a));
  const deciders = level.decisions.filter((d) => !current.decisions.includes(d));
  const detail = {
    level: level.level,
    decisions: deciders.map((d) => ({
      approver: d.approver,
      ...(d.delegate && { delegate: d.delegate }),
      decision: d.decision,
      ...(d.comment && { comment: d.comment }),
    })),
  };
  const last = deciders.at(-1)!;
  const actor = last.delegate
    ? { email: last.delegate, role: 'approver' as const, onBehalfOf: last.approver }
    : { email: last.approver, role: 'approver' as const };
  // An approver's reason is for both companies: the seller learns why a purchase stalled, the buyer why it was refused.
  const comments = deciders.flatMap((d) =>
    d.comment
      ? [
          {
            text: d.comment,
            visibility: 'shared' as const,
            // A delegate wrote it, for the approver: the thread names who wrote.
            by: { email: d.delegate ?? d.approver, role: 'approver' as const },
          },
        ]
      : [],
  );
  const outcome = outcomeOf(level);
  if (outcome === 'rejected') {
    const rejected = await deps.store.rfqs.transition(
      rfq,
      'rejectApproval',
      { approvals: closedByRejection(approvals) },
      {
        actor,
        action: 'approval-rejected',
        detail,
        comments,
      },
    );
    await emailOnce(deps, rfq.rfqId, 'approval-rejected', [
      approvalRejectedEmail(rejected, last.approver, level.level, last.comment),
    ]);
  } else if (outcome === 'approved' && approvals.every((a) => a.status === 'APPROVED')) {
    await deps.store.rfqs.transition(rfq, 'approve', { approvals }, { actor, action: 'approved', detail, comments });
  } else {
    await deps.store.rfqs.update(
      rfq,
      { approvals },
      {
        actor: outcome === 'approved' ? actor : systemActor(deps),
        action: outcome === 'approved' ? 'level-approved' : 'approval-recorded',
        detail,
        comments,
      },
    );
  }
  if (outcome !== 'waiting') {
    // Everyone else the level asked, whose links just died: told by whom and how it was decided.
    const idle = level.approvers.filter((a) => !level.decisions.some((d) => d.approver === a));
    await emailOnce(
      deps,
      rfq.rfqId,
      `level-closed:${level.level}`,
      idle.length === 0
        ? []
        : [
            approvalNoLongerNeededEmail(rfq, idle, {
              by: last.approver,
              decision: last.decision,
              level: level.level,
              companyName: await companyName(deps, rfq),
            }),
          ],
    );
  }
  return { ...state, outcome };
};

export const handler = step('RecordApproval', input, async (event, deps) => {
  const recorded = await recordApproval(event, deps);
  if (recorded.outcome !== 'waiting')
    await tellEscalated(
      deps,
      event.rfqId,
      event.approval.waitId,
      `level ${event.level} was ${recorded.outcome} (${event.approval.by} decided)`,
      event.approval.by,
    );
  return recorded;
});

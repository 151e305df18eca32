import type { Actor, Rfq } from '#domain/rfq.ts';
import { WaitGoneError } from '#functions/workflow/ports.ts';
import type { ApprovalLink } from '#store/ports.ts';
import type { DecisionDeps } from './deps.ts';
import { gone, type LinkAnswer } from './link-answer.ts';

/**
 * After a link was decided (the single-use write won): answers the workflow's wait with the decision, then revokes the
 * other links of that wait. On an `all` approval level an approval only ends the wait when it is the last one.
 * The task token is read from the link here and goes nowhere but to Step Functions.
 */
export const resumeWait = async (
  deps: DecisionDeps,
  link: ApprovalLink,
  rfq: Rfq,
  decidedBy: Pick<Actor, 'email' | 'role'> = {
    email: link.approver,
    // A review escalated past the rep went to the sales manager: their link decides as the sales manager.
    role:
      link.purpose === 'discount-approval' || (link.purpose === 'rep-review' && link.escalated)
        ? 'sales-manager'
        : 'rep',
  },
): Promise<LinkAnswer> => {
  const decision = link.decision!;
  const level = rfq.approvals.find((a) => a.level === link.level);
  // An escalation contact decides the whole level; otherwise an `all` level waits for every approver.
  const waitsForAll =
    link.purpose === 'approval-level' && level?.mode === 'all' && decision.decision === 'approve' && !link.escalated;
  // A person may hold two links of a wait (their own and their delegate's): once either decided, the person has.
  const personOf = (l: ApprovalLink) => l.onBehalfOf ?? l.approver;
  const pendingOfWait = async () => {
    const ofWait = (await deps.store.links.listForRfq(rfq.rfqId)).filter((l) => l.waitId === link.waitId);
    const decided = new Set(ofWait.filter((l) => l.status === 'DECIDED').map(personOf));
    return ofWait.filter((l) => l.status === 'PENDING' && !decided.has(personOf(l)));
  };
  if (waitsForAll) {
    const waitingFor = [...new Set((await pendingOfWait()).map(personOf))];
    if (waitingFor.length > 0) {
      // The person has had their say: the other link that decides for them (theirs or their delegate's) is spent too.
      await deps.store.links.revoke(rfq.rfqId, { waitId: link.waitId, person: personOf(link) });
      return { kind: 'recorded', status: 202, link, rfq, waitingFor };
    }
  }
  const output =
    link.purpose === 'approval-level'
      ? { decision: decision.decision, waitId: link.waitId, by: link.approver, at: decision.at }
      : {
          decision: decision.decision,
          ...(decision.comment && { comment: decision.comment }),
          ...(decision.commentVisibility && { commentVisibility: decision.commentVisibility }),
          ...(decision.adjustments?.length && { adjustments: decision.adjustments }),
          ...(decision.reassignTo && { reassignTo: decision.reassignTo }),
          ...(decision.lines?.length && { lines: decision.lines }),
          ...(decision.add?.length && { add: decision.add }),
          ...(decision.reprice && { reprice: true }),
          by: decidedBy.email,
          role: decidedBy.role,
          ...(link.onBehalfOf && { onBehalfOf: link.onBehalfOf }),
          at: decision.at,
          waitId: link.waitId,
        };
  try {
    await deps.workflow.succeed(link.taskToken, output);
  } catch (error) {
    if (!(error instanceof WaitGoneError)) throw error;
    // The last two approvals of an `all` level, clicked together: both see the level complete, one resumes the wait.
    // The other's approval is recorded all the same.
    if (!(waitsForAll && (await pendingOfWait()).length === 0)) {
      // Otherwise this decision reached nobody: the link must not read as this person's say.
      await deps.store.links.withdraw(link);
      return gone;
    }
  }
  await deps.store.links.revoke(rfq.rfqId, { waitId: link.waitId });
  return { kind: 'decided', status: 200, link, rfq, decision: decision.decision };
};

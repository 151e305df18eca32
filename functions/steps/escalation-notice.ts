import type { RfqStatus } from '#domain/lifecycle.ts';
import { escalationOutcomeEmail } from '#email/escalation.ts';
import type { HistoryEvent } from '#store/ports.ts';
import type { StepDeps } from './deps.ts';
import { emailOnce, loadRfq } from './marks.ts';

const opensWait = new Set(['decision-requested', 'reminder-sent', 'escalated']);

const askedBy = (event: HistoryEvent | undefined): string[] =>
  event?.action === 'escalated' && Array.isArray(event.detail?.to) ? (event.detail.to as string[]) : [];

/**
 * Everyone an escalated wait asked is told how it ended — the people first asked and those it escalated to — except
 * whoever decided it. Once per wait (a retried step finds its mark). A wait that was never escalated tells nobody more.
 */
export const tellEscalated = async (
  deps: StepDeps,
  rfqId: string,
  waitId: string,
  outcome: string,
  decidedBy?: string,
): Promise<void> => {
  const history = await deps.store.rfqs.history(rfqId);
  const asked = askedBy(history.find((e) => e.detail?.key === `links:${waitId}`)).filter((who) => who !== decidedBy);
  if (asked.length === 0) return;
  await emailOnce(deps, rfqId, `escalation-outcome:${waitId}`, [
    escalationOutcomeEmail(await loadRfq(deps, rfqId), asked, outcome),
  ]);
};

/** Which escalated waits an RFQ in this status can be left with. */
const escalatedIn: Partial<Record<RfqStatus, string>> = { IN_REVIEW: 'rep-review', PENDING_APPROVAL: 'approval-level' };

/**
 * The same when nobody answered an escalation either: the last wait the RFQ opened, in the status it expired from, was
 * the escalated one.
 */
export const tellEscalatedOfExpiry = async (deps: StepDeps, rfqId: string, expiredFrom: RfqStatus): Promise<void> => {
  const history = await deps.store.rfqs.history(rfqId);
  const last = history.findLast((e) => opensWait.has(e.action));
  const asked = last?.detail?.purpose === escalatedIn[expiredFrom] ? askedBy(last) : [];
  const waitId = String(last?.detail?.key).replace(/^links:/, '');
  if (asked.length === 0) return;
  await emailOnce(deps, rfqId, `escalation-outcome:${waitId}`, [
    escalationOutcomeEmail(await loadRfq(deps, rfqId), asked, 'nobody decided in time, so the request expired'),
  ]);
};

import type { HistoryEvent, LinkPurpose } from '#store/ports.ts';

/**
 * A review or approval wait that reaches nobody: every person it asks has an address we no longer write to. Thrown by
 * the step that opens such a wait, and the name the mail feedback handler fails a stalled wait's task with. The
 * workflow catches it on `RepReview`/`RemindRep` and `RequestApproval`/`RemindApprovers` and escalates at once, as
 * their timeout would; nothing else catches it.
 */
export class RecipientsBounced extends Error {
  override readonly name = 'RecipientsBounced';
}

/** The waits whose escalation the workflow starts on `RecipientsBounced`; the sales manager's discount approval has none. */
export const escalatesOnBounce: ReadonlySet<LinkPurpose> = new Set(['rep-review', 'approval-level']);

const opensWait = new Set(['decision-requested', 'reminder-sent', 'escalated']);

/**
 * Whether the escalation about to open follows a bounce rather than a timeout: the history holds `recipients-bounced`
 * for this wait after the last wait it opened (the escalation marks its own opening only once its mail is out).
 */
export const escalatedByBounce = (history: readonly HistoryEvent[], purpose: LinkPurpose, level?: number): boolean => {
  const same = (e: HistoryEvent) => e.detail?.purpose === purpose && (level === undefined || e.detail?.level === level);
  const opened = history.findLast((e) => opensWait.has(e.action) && same(e));
  return history.some((e) => e.action === 'recipients-bounced' && same(e) && e.seq > (opened?.seq ?? 0));
};

import type { LinkPurpose } from '#store/ports.ts';

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

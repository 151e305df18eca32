import type { ApprovalStep } from '#domain/rfq.ts';
import type { ApprovalLink } from '#store/ports.ts';

/**
 * The approvals an `all` level holds on its links but not yet on the level: each was recorded (202) while the level
 * waited for its other approvers, and stays on its link until the wait ends. When that wait times out instead (a
 * reminder, an escalation), the next wait must neither ask those people again nor lose what they said — so its
 * request step leaves them out and the step that records the level counts them. A link withdrawn because its decision
 * reached no wait is REVOKED, never DECIDED, so it holds nothing.
 */
export const heldApprovals = (
  links: readonly ApprovalLink[],
  level: Pick<ApprovalStep, 'level' | 'mode'>,
  quoteVersion: number,
): ApprovalLink[] =>
  level.mode !== 'all'
    ? []
    : links.filter(
        (link) =>
          link.purpose === 'approval-level' &&
          link.level === level.level &&
          link.quoteVersion === quoteVersion &&
          link.status === 'DECIDED' &&
          link.decision?.decision === 'approve',
      );

/** Whose say a link gives: the approver's own, or — a delegate's link — the person it stands in for. */
export const personOf = (link: Pick<ApprovalLink, 'approver' | 'onBehalfOf'>): string =>
  link.onBehalfOf ?? link.approver;

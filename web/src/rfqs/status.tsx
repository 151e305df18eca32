import type { Schemas } from '../api/client.ts';

export type RfqStatus = Schemas['Rfq']['status'];

/** What a buyer calls each status. */
export const statusLabels: Record<RfqStatus, string> = {
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'With the sales rep',
  DISCOUNT_APPROVAL: 'With the sales manager',
  QUOTED: 'Quoted — your decision',
  ACCEPTED: 'Accepted',
  PENDING_APPROVAL: 'In your approval chain',
  APPROVED: 'Approved',
  ORDERED: 'Ordered',
  REJECTED: 'Rejected by the seller',
  DECLINED: 'Declined',
  APPROVAL_REJECTED: 'Rejected in approval',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
  FAILED: 'Failed',
};

export const StatusBadge = (props: { status: RfqStatus }) => (
  <span class={`badge badge-${props.status.toLowerCase()}`}>{statusLabels[props.status]}</span>
);

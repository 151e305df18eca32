import type { Schemas } from '../api/client.ts';
import type { AppMessage } from '../i18n/en.ts';
import { t } from '../i18n/language.ts';

export type RfqStatus = Schemas['Rfq']['status'];

/** What a buyer calls each status (keys of the app's catalogs). */
export const statusLabels: Record<RfqStatus, AppMessage> = {
  SUBMITTED: 'status.submitted',
  IN_REVIEW: 'status.inReview',
  DISCOUNT_APPROVAL: 'status.discountApproval',
  QUOTED: 'status.quoted',
  ACCEPTED: 'status.accepted',
  PENDING_APPROVAL: 'status.pendingApproval',
  APPROVED: 'status.approved',
  ORDERED: 'status.ordered',
  REJECTED: 'status.rejected',
  DECLINED: 'status.declined',
  APPROVAL_REJECTED: 'status.approvalRejected',
  EXPIRED: 'status.expired',
  CANCELLED: 'status.cancelled',
  FAILED: 'status.failed',
};

export const statusLabel = (status: RfqStatus): string => t(statusLabels[status]);

export const StatusBadge = (props: { status: RfqStatus }) => (
  <span class={`badge badge-${props.status.toLowerCase()}`}>{statusLabel(props.status)}</span>
);

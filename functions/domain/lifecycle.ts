import * as z from 'zod';

export const rfqStatuses = [
  'SUBMITTED',
  'IN_REVIEW',
  'DISCOUNT_APPROVAL',
  'QUOTED',
  'ACCEPTED',
  'PENDING_APPROVAL',
  'APPROVED',
  'ORDERED',
  'REJECTED',
  'DECLINED',
  'APPROVAL_REJECTED',
  'EXPIRED',
  'CANCELLED',
  'FAILED',
] as const;
export const rfqStatus = z.enum(rfqStatuses);
export type RfqStatus = z.infer<typeof rfqStatus>;

export const terminalStatuses: ReadonlySet<RfqStatus> = new Set([
  'ORDERED',
  'REJECTED',
  'DECLINED',
  'APPROVAL_REJECTED',
  'EXPIRED',
  'CANCELLED',
  'FAILED',
]);

const open = rfqStatuses.filter((s) => !terminalStatuses.has(s));

/**
 * The one table of legal RFQ transitions. Store and handlers ask it; nobody hand-codes a status pair.
 * Each action names the statuses it may start from and the status it leads to.
 */
export const transitions = {
  price: { from: ['SUBMITTED', 'IN_REVIEW'], to: 'IN_REVIEW' },
  requestDiscountApproval: { from: ['IN_REVIEW'], to: 'DISCOUNT_APPROVAL' },
  rejectDiscount: { from: ['DISCOUNT_APPROVAL'], to: 'IN_REVIEW' },
  sendQuote: { from: ['IN_REVIEW', 'DISCOUNT_APPROVAL'], to: 'QUOTED' },
  reject: { from: ['IN_REVIEW'], to: 'REJECTED' },
  /** The rep turned down a revision request: the quote the buyer already holds stays on offer, until its date. */
  keepQuote: { from: ['IN_REVIEW'], to: 'QUOTED' },
  accept: { from: ['QUOTED'], to: 'ACCEPTED' },
  decline: { from: ['QUOTED'], to: 'DECLINED' },
  revise: { from: ['QUOTED'], to: 'IN_REVIEW' },
  startApproval: { from: ['ACCEPTED'], to: 'PENDING_APPROVAL' },
  approve: { from: ['ACCEPTED', 'PENDING_APPROVAL'], to: 'APPROVED' },
  rejectApproval: { from: ['PENDING_APPROVAL'], to: 'APPROVAL_REJECTED' },
  convert: { from: ['APPROVED'], to: 'ORDERED' },
  /** The budget ran out between approval and conversion: the company's admins are asked after all. */
  exceedBudget: { from: ['APPROVED'], to: 'PENDING_APPROVAL' },
  expire: { from: ['IN_REVIEW', 'DISCOUNT_APPROVAL', 'QUOTED', 'PENDING_APPROVAL'], to: 'EXPIRED' },
  cancel: {
    from: ['SUBMITTED', 'IN_REVIEW', 'DISCOUNT_APPROVAL', 'QUOTED', 'ACCEPTED', 'PENDING_APPROVAL', 'APPROVED'],
    to: 'CANCELLED',
  },
  fail: { from: open, to: 'FAILED' },
} as const satisfies Record<string, { from: readonly RfqStatus[]; to: RfqStatus }>;

export type RfqAction = keyof typeof transitions;
export const rfqActions = Object.keys(transitions) as RfqAction[];

export class IllegalTransition extends Error {
  constructor(
    readonly action: RfqAction,
    readonly status: RfqStatus,
  ) {
    super(`cannot ${action} an RFQ that is ${status}`);
    this.name = 'IllegalTransition';
  }
}

export const canApply = (action: RfqAction, status: RfqStatus): boolean =>
  (transitions[action].from as readonly RfqStatus[]).includes(status);

/** The status `action` leads to from `status`; throws IllegalTransition when the table forbids it. */
export const nextStatus = (action: RfqAction, status: RfqStatus): RfqStatus => {
  if (!canApply(action, status)) throw new IllegalTransition(action, status);
  return transitions[action].to;
};

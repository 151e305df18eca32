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

/**
 * An order's life after ORDERED, as the seller's ERP reports it: confirmed (as ordered or with changes), shipped in
 * part and then in full, invoiced, and closed once invoiced in full — or cancelled (the ERP rejected it, or the seller
 * cancelled it before anything shipped). Orders placed before this existed read as `placed`.
 */
export const orderStatuses = [
  'placed',
  'confirmed',
  'partly-shipped',
  'shipped',
  'invoiced',
  'closed',
  'cancelled',
] as const;
export const orderStatus = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatus>;

/**
 * The one table of legal order transitions, beside the RFQ's. An invoice for what has shipped so far is recorded
 * while the rest is still on its way (`invoicePart`); the order moves to `invoiced` once everything shipped, and to
 * `closed` once the invoices reach its confirmed total (order-updates.ts `settle`).
 */
export const orderTransitions = {
  confirm: { from: ['placed'], to: 'confirmed' },
  reject: { from: ['placed'], to: 'cancelled' },
  shipPart: { from: ['confirmed', 'partly-shipped'], to: 'partly-shipped' },
  shipRest: { from: ['confirmed', 'partly-shipped'], to: 'shipped' },
  invoicePart: { from: ['partly-shipped'], to: 'partly-shipped' },
  invoice: { from: ['shipped', 'invoiced'], to: 'invoiced' },
  close: { from: ['invoiced'], to: 'closed' },
  cancel: { from: ['placed', 'confirmed'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus }>;

export type OrderAction = keyof typeof orderTransitions;
export const orderActions = Object.keys(orderTransitions) as OrderAction[];

export const canApplyToOrder = (action: OrderAction, status: OrderStatus): boolean =>
  (orderTransitions[action].from as readonly OrderStatus[]).includes(status);

/** What a person reads when the table says no: "cannot ship an order that is cancelled". */
const orderVerbs: Record<OrderAction, string> = {
  confirm: 'confirm',
  reject: 'reject',
  shipPart: 'ship',
  shipRest: 'ship',
  invoicePart: 'invoice',
  invoice: 'invoice',
  close: 'close',
  cancel: 'cancel',
};

export class IllegalOrderTransition extends Error {
  override readonly name = 'IllegalOrderTransition';
  constructor(
    readonly action: OrderAction,
    readonly status: OrderStatus,
  ) {
    super(`cannot ${orderVerbs[action]} an order that is ${status}`);
  }
}

/** The status `action` leads an order to from `status`; throws IllegalOrderTransition when the table forbids it. */
export const nextOrderStatus = (action: OrderAction, status: OrderStatus): OrderStatus => {
  if (!canApplyToOrder(action, status)) throw new IllegalOrderTransition(action, status);
  return orderTransitions[action].to;
};

import * as z from 'zod';
import { announce } from '#application/announce.ts';
import { readBudgetStanding } from '#application/budget-standing.ts';
import { companyName } from '#application/reprice.ts';
import { approvedOverBudget, overBudgetLevel } from '#domain/approval-chain.ts';
import { chargesOf, OVER_BUDGET } from '#domain/budget.ts';
import type { Company } from '#domain/company.ts';
import { type Order, orderFrom } from '#domain/order.ts';
import { taxOfQuote } from '#domain/quote-totals.ts';
import type { Rfq } from '#domain/rfq.ts';
import { orderConfirmationEmail, orderPlacedForRepEmail } from '#email/outcomes.ts';
import { appLinks } from '#rendering/app-links.ts';
import { BudgetExceeded } from '#store/ports.ts';
import type { StepDeps } from './deps.ts';
import { emailOnce, hasMark, loadRfq, mark, systemActor } from './marks.ts';
import { type WorkflowState, workflowStateSchema } from './state.ts';
import { step } from './step.ts';
import { NotWaitable } from './waitable.ts';

/** The workflow's state; only the RFQ id is needed unless the order turns out to be over budget. */
const input = workflowStateSchema.partial().extend({ rfqId: z.string().min(1) });

/** The `order.created` event's detail: what an ERP needs to book the order, ids first. */
export const orderCreatedDetail = (order: Order) => ({
  orderId: order.orderId,
  rfqId: order.rfqId,
  companyId: order.companyId,
  buyerEmail: order.buyerEmail,
  poNumber: order.poNumber,
  currency: order.currency,
  subtotal: order.subtotal,
  total: order.total,
  ...taxOfQuote(order),
  paymentTerms: order.paymentTerms,
  createdAt: order.createdAt,
  lines: order.lines.map((l) => ({
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unitPrice,
    lineTotal: l.lineTotal,
  })),
});

/** Where the conversion leads; the ASL's OrderOutcome choice compares against exactly these. */
export const outcomes = ['ordered', 'over-budget'] as const;

/**
 * ConvertToOrder: one transaction puts the order (at most one per RFQ: its id derives from the RFQ's) and moves the
 * RFQ APPROVED → ORDERED; then `order.created` goes to EventBridge and the confirmation emails go out, each once.
 * Consumers dedupe the event by `orderId` should a crash between publishing and marking repeat it.
 */
export const convertToOrder = async (
  state: z.output<typeof input>,
  deps: StepDeps,
): Promise<{ rfqId: string; orderId: string; outcome: 'ordered' } | (WorkflowState & OverBudget)> => {
  const { rfqId } = state;
  let rfq = await loadRfq(deps, rfqId);
  let order: Order | undefined;
  if (rfq.status === 'APPROVED') {
    const at = deps.now();
    const [company, budgets] = await Promise.all([
      deps.store.catalog.getCompany(rfq.companyId),
      deps.store.budgets.getBudgets(rfq.companyId),
    ]);
    // The company's terms are the order's; a company gone since the quote is an error to see, not a NET30 to assume.
    if (!company)
      throw new Error(`RFQ ${rfq.rfqId}: company ${rfq.companyId} no longer exists; no order without its terms`);
    order = orderFrom(rfq, { paymentTerms: company.paymentTerms, at: at.toISOString(), customer: company });
    const charges = chargesOf(budgets, rfq.buyerEmail, at, { limited: !approvedOverBudget(rfq.approvals) });
    try {
      rfq = await deps.store.rfqs.convertToOrder(
        rfq,
        order,
        { actor: systemActor(deps), action: 'ordered', detail: { orderId: order.orderId, total: order.total } },
        charges,
      );
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      return askAdminsOverBudget(rfq, workflowStateSchema.parse(state), company, deps);
    }
  } else if (rfq.status === 'PENDING_APPROVAL' && rfq.approvals.at(-1)?.reason === OVER_BUDGET) {
    // A retry after the RFQ went back for the over-budget level: the Map asks that level.
    return { ...workflowStateSchema.parse(state), outcome: 'over-budget', chain: { levels: [rfq.approvals.length] } };
  } else if (rfq.status === 'ORDERED' && rfq.orderId) {
    order = await deps.store.orders.get(rfq.orderId);
  }
  if (!order) throw new NotWaitable(`RFQ ${rfq.rfqId} is ${rfq.status}; it cannot become an order`);

  const eventKey = `event:order.created:${order.orderId}`;
  if (!(await hasMark(deps, rfqId, eventKey))) {
    await announce(deps, {
      id: `${order.orderId}/order.created`,
      type: 'order.created',
      subject: order.orderId,
      data: orderCreatedDetail(order),
    });
    await mark(deps, rfqId, 'event-published', { key: eventKey, detailType: 'order.created', orderId: order.orderId });
  }
  await emailOnce(deps, rfqId, 'order-confirmation', [
    orderConfirmationEmail(rfq, order, appLinks(deps.config.PUBLIC_BASE_URL).order(order.orderId)),
    orderPlacedForRepEmail(rfq, order, await companyName(deps, rfq)),
  ]);
  return { rfqId, orderId: order.orderId, outcome: 'ordered' };
};

interface OverBudget {
  outcome: 'over-budget';
  chain: { levels: number[] };
}

/**
 * The budget ran out between the chain's start and the conversion (another order of the buyer's took it): the RFQ
 * goes back to PENDING_APPROVAL with the over-budget level, which the Map then asks; once the admins approve it, the
 * order counts beyond the budget.
 */
const askAdminsOverBudget = async (
  rfq: Rfq,
  state: WorkflowState,
  company: Company | undefined,
  deps: StepDeps,
): Promise<WorkflowState & OverBudget> => {
  const level = overBudgetLevel(rfq.approvals, { users: company?.users ?? [] }, rfq.buyerEmail);
  const budget = await readBudgetStanding(deps.store, rfq, deps.now());
  await deps.store.rfqs.transition(
    rfq,
    'exceedBudget',
    { approvals: [...rfq.approvals, level] },
    {
      actor: systemActor(deps),
      action: 'approval-started',
      detail: {
        reason: OVER_BUDGET,
        levels: [{ level: level.level, mode: level.mode, approvers: level.approvers, reason: OVER_BUDGET }],
        budget,
      },
    },
  );
  return { ...state, outcome: 'over-budget', chain: { levels: [level.level] } };
};

export const handler = step('ConvertToOrder', input, convertToOrder);

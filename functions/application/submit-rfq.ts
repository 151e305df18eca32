import { createHash } from 'node:crypto';
import { type ShipTo, shipToOf } from '#domain/address.ts';
import type { Caller } from '#domain/caller.ts';
import type { Company } from '#domain/company.ts';
import { Forbidden, InvalidInput, Unavailable, UnfitInput } from '#domain/errors.ts';
import { maySubmit, maySubmitOnBehalf } from '#domain/policy.ts';
import { checkedLines } from '#domain/request-lines.ts';
import type { Actor, Rfq, RfqRequest } from '#domain/rfq.ts';
import type { WorkflowClient } from '#functions/workflow/ports.ts';
import { ConflictError, type Store } from '#store/ports.ts';

export interface Submission {
  caller: Caller;
  idempotencyKey: string;
  request: RfqRequest;
}

export interface Submitted {
  rfqId: string;
  /** Null only for an RFQ stored before RFQs were numbered (a retry of a very old submission). */
  quoteNumber: string | null;
  status: Rfq['status'];
}

/**
 * The same caller with the same Idempotency-Key always names the same RFQ, so a retry after a failed start finds the
 * RFQ already stored and only completes the start (the execution is named after the rfqId: never a second workflow).
 */
export const rfqIdFor = (caller: Caller, idempotencyKey: string): string =>
  `rfq_${createHash('sha256').update(`${caller.sub}\n${idempotencyKey}`).digest('hex').slice(0, 26)}`;

/** Who the RFQ is for: the calling buyer, or — for the account's rep — the buyer named in the request. */
const buyerOf = async (caller: Caller, request: RfqRequest, store: Store) => {
  if (caller.companyId && maySubmit(caller, { companyId: caller.companyId })) {
    if (
      (request.companyId && request.companyId !== caller.companyId) ||
      (request.buyerEmail && request.buyerEmail !== caller.email)
    )
      throw new Forbidden('a buyer submits for themselves only');
    const company = await store.catalog.getCompany(caller.companyId);
    if (!company) throw new Forbidden(`your company ${caller.companyId} is not set up yet`);
    const actor: Actor = { email: caller.email, role: 'buyer' };
    return { company, buyerEmail: caller.email, actor };
  }
  if (!request.companyId || !request.buyerEmail)
    throw new InvalidInput('a rep submits on a buyer’s behalf: name companyId and buyerEmail', [
      ...(request.companyId ? [] : [{ path: 'companyId', message: 'required when a rep submits' }]),
      ...(request.buyerEmail ? [] : [{ path: 'buyerEmail', message: 'required when a rep submits' }]),
    ]);
  const company = await store.catalog.getCompany(request.companyId);
  if (!company || !maySubmitOnBehalf(caller, company)) throw new Forbidden('you are not the rep of this account');
  const buyer = company.users.find((u) => u.email === request.buyerEmail && u.roles.includes('buyer'));
  if (!buyer)
    throw new UnfitInput('that person is not a buyer of this company', [
      { path: 'buyerEmail', message: `not a buyer of ${company.companyId}` },
    ]);
  const actor: Actor = { email: caller.email, role: 'rep', onBehalfOf: buyer.email };
  return { company, buyerEmail: buyer.email, actor };
};

/** The company's place the RFQ ships to: the one it names, else the company's first; 400 naming `shipToId` if unknown. */
const shipToNamed = (company: Company, id: string | undefined): ShipTo | undefined => {
  const place = company.addresses && shipToOf(company.addresses, id);
  if (id !== undefined && !place)
    throw new InvalidInput('the company has no such ship-to address', [
      { path: 'shipToId', message: `not one of ${company.companyId}'s ship-to addresses` },
    ]);
  return place;
};

/**
 * Stores the RFQ (once) and starts its workflow (once). Lines are checked against the catalog first: an unknown or
 * inactive sku is a 400 naming the line (unless the line describes a custom item), skus are matched without regard to
 * case, and lines of one sku are merged. Pricing is the workflow's first step.
 */
export const submitRfq = async (
  { caller, idempotencyKey, request }: Submission,
  deps: { store: Store; workflow: WorkflowClient; now?: () => Date },
): Promise<Submitted> => {
  const { store, workflow } = deps;
  const { company, buyerEmail, actor } = await buyerOf(caller, request, store);
  const rfqId = rfqIdFor(caller, idempotencyKey);
  let rfq = await store.rfqs.get(rfqId);
  if (!rfq) {
    const shipTo = shipToNamed(company, request.shipToId);
    const products = await store.catalog.getProducts(request.lines.map((l) => l.sku));
    const checked = checkedLines(request.lines, products);
    if (!checked.ok) throw new InvalidInput('some lines name no product the seller sells', checked.errors);
    const at = (deps.now?.() ?? new Date()).toISOString();
    const fresh: Rfq = {
      rfqId,
      companyId: company.companyId,
      buyerEmail,
      accountRepEmail: company.accountRepEmail,
      submittedBy: actor,
      status: 'SUBMITTED',
      version: 1,
      createdAt: at,
      updatedAt: at,
      currency: company.currency,
      lines: checked.lines,
      ...(request.note !== undefined && { note: request.note }),
      ...(request.requestedDeliveryDate !== undefined && { requestedDeliveryDate: request.requestedDeliveryDate }),
      ...(request.shipTo !== undefined && { shipTo: request.shipTo }),
      ...(shipTo && { shipToId: shipTo.shipToId }),
      approvals: [],
    };
    try {
      rfq = await store.rfqs.create(fresh, { actor, action: 'submitted', detail: { lines: checked.lines.length } });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      rfq = await store.rfqs.get(rfqId);
      if (!rfq) throw error;
    }
  }
  try {
    await workflow.start(rfqId, { rfqId });
  } catch (error) {
    // The RFQ is stored; a retry with the same key finds it and only completes the start.
    throw new Unavailable('the RFQ is stored but its workflow did not start; retry with the same Idempotency-Key', 1, {
      cause: error,
    });
  }
  return { rfqId, quoteNumber: rfq.quoteNumber ?? null, status: rfq.status };
};

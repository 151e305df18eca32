import type { Caller } from '#domain/caller.ts';
import { AlreadyDecided, Forbidden, InvalidInput, NotNow, VersionMismatch } from '#domain/errors.ts';
import { canApply } from '#domain/lifecycle.ts';
import { mayDecideQuote } from '#domain/policy.ts';
import { type AddedLine, editQuote, type LineEdit } from '#domain/quote-edits.ts';
import type { Rfq } from '#domain/rfq.ts';
import { WaitGoneError } from '#functions/workflow/ports.ts';
import { type DecisionDeps, nowOf } from './deps.ts';
import { noOpenWait } from './no-open-wait.ts';
import { linePricer } from './reprice.ts';

export interface BuyerChoice {
  decision: 'accept' | 'decline' | 'revise';
  poNumber?: string;
  reason?: string;
  comment?: string;
  /** A revision request's line changes, checked here against the quote and the catalog before the wait is answered. */
  lines?: LineEdit[];
  add?: AddedLine[];
  /** The quote version the buyer saw and answers; another current version is refused (VersionMismatch). */
  quoteVersion: number;
}

const alreadyDecided = 'this quote was already decided or has expired';

/**
 * POST /rfqs/{rfqId}/accept | decline | revise: answers the workflow's buyer-decision wait. The buyer's own company
 * only, the quote they were sent only (its version), before it expires. The workflow's next step records it.
 */
export const buyerDecision = async (
  rfq: Rfq,
  caller: Caller,
  choice: BuyerChoice,
  deps: DecisionDeps,
): Promise<Rfq> => {
  if (!mayDecideQuote(caller, rfq)) throw new Forbidden('only a buyer of this company decides on its quote');
  if (choice.decision === 'accept' && !choice.poNumber?.trim()) {
    throw new InvalidInput('accepting needs a PO number', [{ path: 'poNumber', message: 'required' }]);
  }
  if (!canApply(choice.decision, rfq.status) || !rfq.quote)
    throw new NotNow(`the RFQ is ${rfq.status}; there is no quote to decide on`);
  if (choice.quoteVersion !== rfq.quote.version) throw new VersionMismatch(choice.quoteVersion, rfq.quote.version);
  if (choice.decision === 'revise' && (choice.lines?.length || choice.add?.length)) {
    const priceLine = await linePricer(
      deps.store,
      rfq,
      (choice.add ?? []).flatMap((a) => a.sku ?? []),
      nowOf(deps),
    );
    const edited = editQuote(rfq.quote, choice.lines ?? [], choice.add ?? [], {
      by: { email: caller.email, role: 'buyer' },
      priceLine,
    });
    if (!edited.ok) throw new InvalidInput('the revision asks for changes this quote cannot take', edited.errors);
  }
  const now = nowOf(deps).toISOString();
  const wait = await deps.store.waits.get(rfq.rfqId, 'buyer-decision');
  // No wait for this version yet (a quote put back on offer reads QUOTED a moment before SendQuote opens it), or a
  // task token gone (SendQuote failed after opening it and is retrying with a new one): retry, unless it moved on.
  const notOpen = () =>
    noOpenWait(deps.store, rfq, { decided: alreadyDecided, opening: 'the quote is still being sent' });
  if (!wait || wait.quoteVersion !== rfq.quote.version) throw await notOpen();
  if (wait.expiresAt <= now) throw new AlreadyDecided(alreadyDecided);
  try {
    await deps.workflow.succeed(wait.taskToken, {
      decision: choice.decision,
      ...(choice.poNumber && { poNumber: choice.poNumber.trim() }),
      ...(choice.reason && { reason: choice.reason }),
      ...(choice.comment && { comment: choice.comment }),
      ...(choice.lines?.length && { lines: choice.lines }),
      ...(choice.add?.length && { add: choice.add }),
      by: caller.email,
      at: now,
      quoteVersion: wait.quoteVersion,
    });
  } catch (error) {
    if (error instanceof WaitGoneError) throw await notOpen();
    throw error;
  }
  return rfq;
};

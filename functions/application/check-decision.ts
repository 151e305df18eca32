import type { Visibility } from '#domain/comment.ts';
import { minorUnitDigits } from '#domain/money-format.ts';
import type { AddedLine, LineEdit } from '#domain/quote-edits.ts';
import { type Adjustment, applyAdjustments, quoteIsComplete } from '#domain/rep-authority.ts';
import type { Actor, Quote } from '#domain/rfq.ts';
import type { LinkPurpose } from '#store/ports.ts';
import type { FieldProblem } from './link-answer.ts';

export interface DecisionInput {
  /** `reassign` only on a review escalated to the sales manager (decide-link checks who may). */
  decision: 'approve' | 'reject' | 'reassign';
  /** With `reassign`: the rep the review goes to. */
  reassignTo?: string;
  comment?: string;
  /** Who the comment is for: both companies or the seller's staff (unsaid: shared for a rejection, else seller). */
  commentVisibility?: Visibility;
  /** From API clients: minor units. */
  adjustments?: Adjustment[];
  /** From the approval page's form: one price per sku as typed, in major units ("12.50"); blank keeps the price. */
  prices?: Record<string, string>;
  /** A rep review's line edits, added lines and re-pricing choice (API clients). */
  lines?: LineEdit[];
  add?: AddedLine[];
  reprice?: boolean;
  /** The quote version decided on: required through the API; a link is bound to its version already. */
  quoteVersion?: number;
}

/** "12.5" → 1250 for USD, exactly (no float): at most the currency's number of decimals. */
export const parseMajorUnits = (text: string, currency: string): number | undefined => {
  const digits = minorUnitDigits(currency);
  const match = /^(\d{1,13})(?:[.,](\d*))?$/.exec(text.trim());
  if (!match || (match[2] ?? '').length > digits) return undefined;
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  return Number(`${match[1]}${fraction}`);
};

/**
 * Checks a seller's decision before the link is spent on it, with the same domain rules the workflow applies next:
 * only a rep review adjusts prices; no price below cost; approving needs every line priced. A price beyond the rep's
 * authority is not an error — it goes to the sales manager.
 */
export const checkDecision = (
  purpose: LinkPurpose,
  quote: Quote,
  input: DecisionInput,
  limits: { maxRepDiscountPercent: number; actor: Actor },
): { ok: true; adjustments: Adjustment[]; needsManager: number } | { ok: false; errors: FieldProblem[] } => {
  const errors: FieldProblem[] = [];
  const typed: Adjustment[] = [];
  for (const [sku, text] of Object.entries(input.prices ?? {})) {
    if (text.trim() === '') continue;
    const unitPrice = parseMajorUnits(text, quote.currency);
    if (unitPrice === undefined)
      errors.push({ path: `price:${sku}`, message: `"${text}" is not a price in ${quote.currency}` });
    else typed.push({ sku, unitPrice });
  }
  const current = new Map(quote.lines.map((line) => [line.sku, line.unitPrice]));
  // A form sends every line's price; only the ones that differ are adjustments.
  const adjustments = [...(input.adjustments ?? []), ...typed].filter((a) => current.get(a.sku) !== a.unitPrice);
  if (errors.length > 0) return { ok: false, errors };
  if (adjustments.length > 0 && purpose !== 'rep-review') {
    return { ok: false, errors: [{ path: 'adjustments', message: 'only the rep review adjusts prices' }] };
  }
  if (input.decision !== 'approve') return { ok: true, adjustments: [], needsManager: 0 };
  if (purpose !== 'rep-review') return { ok: true, adjustments, needsManager: 0 };
  const adjusted = applyAdjustments(quote, adjustments, limits);
  if (!adjusted.ok)
    return { ok: false, errors: adjusted.errors.map((e) => ({ path: `price:${e.sku}`, message: e.message })) };
  if (!quoteIsComplete(adjusted.quote)) {
    const missing = adjusted.quote.lines.filter((l) => l.unitPrice === null).map((l) => l.sku);
    return {
      ok: false,
      errors: missing.map((sku) => ({
        path: `price:${sku}`,
        message: `${sku} needs a price before the quote can go out`,
      })),
    };
  }
  return { ok: true, adjustments, needsManager: adjusted.needsManager.length };
};

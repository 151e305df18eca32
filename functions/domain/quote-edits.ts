import * as z from 'zod';
import { lineTotal, nonNegativeMinorUnits } from './money.ts';
import { sku } from './product.ts';
import { quoteTotals } from './quote-totals.ts';
import { type Actor, lineId, type Quote, type QuoteLine } from './rfq.ts';
import { singleLine } from './text.ts';

/**
 * Line edits to a quote — by the buyer in a revision request, by the seller in a review. A new version starts from the
 * lines as they are (the agreed prices); edits change quantities, remove lines, substitute a sku, and add lines.
 */
export const lineEditSchema = z.object({
  lineId,
  quantity: z.number().int().min(1).max(10_000_000).optional(),
  targetUnitPrice: nonNegativeMinorUnits.optional(),
  remove: z.literal(true).optional(),
  /** The seller offers another product on this line (priced from the contract unless a price is set). */
  substituteSku: sku.optional(),
});
export type LineEdit = z.infer<typeof lineEditSchema>;

/** A line to add: a catalog product, or (seller only) a custom item with its description, price and cost. */
export const addedLineSchema = z.object({
  sku: sku.optional(),
  quantity: z.number().int().min(1).max(10_000_000),
  targetUnitPrice: nonNegativeMinorUnits.optional(),
  description: singleLine(200).optional(),
  unitPrice: nonNegativeMinorUnits.optional(),
  cost: nonNegativeMinorUnits.optional(),
});
export type AddedLine = z.infer<typeof addedLineSchema>;

export interface EditProblem {
  path: string;
  message: string;
}

/** Prices a catalog line (as pricing does) for `lineId`; undefined when the sku cannot be sold. */
export type PriceLine = (line: {
  lineId: string;
  sku: string;
  quantity: number;
  targetUnitPrice?: number;
}) => QuoteLine | undefined;

const withQuantity = (line: QuoteLine, quantity: number): QuoteLine => ({
  ...line,
  quantity,
  lineTotal: line.unitPrice === null ? null : lineTotal(line.unitPrice, quantity),
});

const fits = (line: QuoteLine): boolean =>
  line.unitPrice === null || BigInt(line.unitPrice) * BigInt(line.quantity) <= BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The next version of `quote` with `edits` and `added` applied, or the problems naming each bad edit. A quantity
 * change keeps the line's agreed unit price (the seller may re-price); a substitute is priced afresh and keeps the
 * line's id; a custom line takes the seller's description, price and cost. `by` is who edits: custom lines and
 * substitutes are the seller's to make.
 */
export const editQuote = (
  quote: Quote,
  edits: readonly LineEdit[],
  added: readonly AddedLine[],
  context: { by: Actor; priceLine: PriceLine },
): { ok: true; quote: Quote } | { ok: false; errors: EditProblem[] } => {
  const errors: EditProblem[] = [];
  const seller = context.by.role === 'rep' || context.by.role === 'sales-manager' || context.by.role === 'admin';
  const byId = new Map(edits.map((edit, index) => [edit.lineId, { edit, index }]));
  edits.forEach((edit, index) => {
    if (!quote.lines.some((line) => line.lineId === edit.lineId))
      errors.push({ path: `lines.${index}.lineId`, message: `${edit.lineId} is not a line of this quote` });
    else if (byId.get(edit.lineId)?.index !== index)
      errors.push({ path: `lines.${index}.lineId`, message: `${edit.lineId} is edited more than once` });
    if (edit.substituteSku !== undefined && !seller)
      errors.push({ path: `lines.${index}.substituteSku`, message: 'only the seller substitutes a product' });
  });

  let last = quote.lastLine ?? quote.lines.reduce((max, line) => Math.max(max, Number(line.lineId.slice(1))), 0);
  const lines: QuoteLine[] = [];
  for (const line of quote.lines) {
    const found = byId.get(line.lineId);
    if (!found) {
      lines.push(line);
      continue;
    }
    const { edit, index } = found;
    if (edit.remove) continue;
    let next = line;
    if (edit.substituteSku !== undefined && edit.substituteSku !== line.sku) {
      const priced = context.priceLine({ lineId: line.lineId, sku: edit.substituteSku, quantity: line.quantity });
      if (!priced) {
        errors.push({
          path: `lines.${index}.substituteSku`,
          message: `${edit.substituteSku} is not a product on sale`,
        });
        continue;
      }
      next = { ...priced, ...(line.targetUnitPrice !== undefined && { targetUnitPrice: line.targetUnitPrice }) };
    }
    if (edit.quantity !== undefined) next = withQuantity(next, edit.quantity);
    if (edit.targetUnitPrice !== undefined) next = { ...next, targetUnitPrice: edit.targetUnitPrice };
    if (!fits(next)) errors.push({ path: `lines.${index}.quantity`, message: 'the line total would be too large' });
    lines.push(next);
  }

  added.forEach((add, index) => {
    const id = `L${++last}`;
    if (add.description !== undefined) {
      if (!seller) {
        errors.push({ path: `add.${index}.description`, message: 'only the seller adds a custom item' });
        return;
      }
      if (add.unitPrice === undefined || add.cost === undefined) {
        errors.push({ path: `add.${index}.unitPrice`, message: 'a custom item needs a unit price and a cost' });
        return;
      }
      if (add.unitPrice < add.cost) {
        errors.push({ path: `add.${index}.unitPrice`, message: 'a custom item is never priced below its cost' });
        return;
      }
      lines.push({
        lineId: id,
        sku: add.sku ?? `CUSTOM-${id}`,
        name: add.description,
        quantity: add.quantity,
        unit: 'each',
        listPrice: null,
        contractPrice: null,
        unitPrice: add.unitPrice,
        lineTotal: lineTotal(add.unitPrice, add.quantity),
        priceSource: 'custom item',
        cost: add.cost,
        ...(add.targetUnitPrice !== undefined && { targetUnitPrice: add.targetUnitPrice }),
        adjustedBy: context.by.email,
        custom: true,
      });
      return;
    }
    if (add.sku === undefined) {
      errors.push({ path: `add.${index}.sku`, message: 'name a product, or describe a custom item' });
      return;
    }
    const priced = context.priceLine({
      lineId: id,
      sku: add.sku,
      quantity: add.quantity,
      ...(add.targetUnitPrice !== undefined && { targetUnitPrice: add.targetUnitPrice }),
    });
    if (!priced) errors.push({ path: `add.${index}.sku`, message: `${add.sku} is not a product on sale` });
    else lines.push(priced);
  });

  if (lines.length === 0) errors.push({ path: 'lines', message: 'a quote keeps at least one line' });
  if (errors.length > 0) return { ok: false, errors };
  const { validUntil: _, ...rest } = quote;
  return {
    ok: true,
    quote: { ...rest, version: quote.version + 1, lines, ...quoteTotals(lines, quote.taxBasis), lastLine: last },
  };
};

import type { components, operations } from '../api/openapi.d.ts';
import { minorUnitsOf } from '../ui/money-input.ts';

type Desk = components['schemas']['ReviewDesk'];
type Problem = components['schemas']['Problem'];
type ReviewBody = NonNullable<operations['reviewRfq']['requestBody']>['content']['application/json'];
type LineEdit = NonNullable<ReviewBody['lines']>[number];

/** What the rep typed on the review screen: prices by SKU, quantities by line, lines removed, a product to add. */
export interface Typed {
  prices: Record<string, string>;
  quantities: Record<string, string>;
  removed: ReadonlySet<string>;
  added: { sku: string; quantity: string };
}

/** The changes an approval sends, or why some of what was typed cannot be read (by SKU, and for the added product). */
export interface ReviewEdits {
  adjustments: { sku: string; unitPrice: number }[];
  lines: LineEdit[];
  add: { sku: string; quantity: number }[];
  unreadable: Record<string, string>;
  addProblem?: string;
}

/**
 * Reads what the rep typed into the changes the API takes: a price that differs from the line's, a quantity that
 * differs, a removed line, an added product. Only a rep's approval edits; a rejection or a discount decision sends none.
 */
export const reviewEdits = (desk: Desk, typed: Typed, editing: boolean): ReviewEdits => {
  if (!editing) return { adjustments: [], lines: [], add: [], unreadable: {} };
  const unreadable: Record<string, string> = {};
  const adjustments = desk.lines.flatMap((line) => {
    const text = typed.prices[line.sku] ?? '';
    if (text.trim() === '') return [];
    const unitPrice = minorUnitsOf(text, desk.currency);
    if (unitPrice === undefined) unreadable[line.sku] = `“${text}” is not a price in ${desk.currency}`;
    return unitPrice === undefined || unitPrice === line.unitPrice ? [] : [{ sku: line.sku, unitPrice }];
  });
  const lines = desk.lines.flatMap((line): LineEdit[] => {
    if (typed.removed.has(line.lineId)) return [{ lineId: line.lineId, remove: true }];
    const text = (typed.quantities[line.lineId] ?? '').trim();
    const quantity = Number(text);
    if (!/^\d+$/.test(text) || quantity < 1)
      unreadable[line.sku] = `“${text}” is not a quantity (a whole number, 1 or more)`;
    return quantity === line.quantity || unreadable[line.sku] ? [] : [{ lineId: line.lineId, quantity }];
  });
  const sku = typed.added.sku.trim();
  const quantity = Number(typed.added.quantity.trim());
  const addable = Number.isInteger(quantity) && quantity >= 1;
  return {
    adjustments,
    lines,
    add: sku ? [{ sku, quantity }] : [],
    unreadable,
    ...(sku &&
      !addable && {
        addProblem: `“${typed.added.quantity}” is not a quantity for the product to add (a whole number, 1 or more).`,
      }),
  };
};

/** The API's field problems that name a line (`price:SKU`), by SKU; the rest stay in the sentence. */
export const lineProblemsOf = (problem: Partial<Problem> | undefined): Record<string, string> =>
  Object.fromEntries(
    (problem?.errors ?? []).flatMap((e) => (e.path.startsWith('price:') ? [[e.path.slice(6), e.message]] : [])),
  );

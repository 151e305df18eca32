import * as z from 'zod';
import type { Audience } from './policy.ts';
import { taxOfQuote } from './quote-totals.ts';
import { lineView, lineViewSchema } from './quote-view.ts';
import { type Actor, actorSchema, type Quote, type QuoteLine, quoteSchema } from './rfq.ts';
import { quoteTaxSchema } from './tax.ts';

/**
 * Every quote version is kept with what changed from the one before, by whom and why, line by line (by `lineId`, so
 * a substituted sku is a change of one line, not a removal and an addition).
 */
export const changeFields = [
  'added',
  'removed',
  'sku',
  'name',
  'quantity',
  'unitPrice',
  'cost',
  'targetUnitPrice',
] as const;
export type ChangeField = (typeof changeFields)[number];

const changeValue = z.union([z.string(), z.number(), z.null()]);
export const quoteChangeSchema = z.object({
  lineId: z.string(),
  sku: z.string(),
  field: z.enum(changeFields),
  from: changeValue,
  to: changeValue,
  by: z.string(),
  reason: z.string().optional(),
});
export type QuoteChange = z.infer<typeof quoteChangeSchema>;

export const quoteVersionSchema = z.object({
  rfqId: z.string(),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  createdBy: actorSchema,
  quote: quoteSchema,
  changes: z.array(quoteChangeSchema),
});
export type QuoteVersion = z.infer<typeof quoteVersionSchema>;

/** The fields compared on a line present in both versions, in the order a reader expects them. */
const compared = ['sku', 'name', 'quantity', 'unitPrice', 'cost', 'targetUnitPrice'] as const;

/**
 * What changed from `before` to `after` (undefined before the first version: nothing changed, it is the first). Lines
 * are matched by `lineId`; an added line names its sku, a removed one too; on a kept line every compared field that
 * differs is one change.
 */
export const quoteChanges = (
  before: Quote | undefined,
  after: Quote,
  by: Pick<Actor, 'email'>,
  reason?: string,
): QuoteChange[] => {
  if (!before) return [];
  const said = { by: by.email, ...(reason !== undefined && { reason }) };
  const previous = new Map(before.lines.map((line) => [line.lineId, line]));
  const kept = new Set(after.lines.map((line) => line.lineId));
  const changes: QuoteChange[] = [];
  for (const line of after.lines) {
    const old = previous.get(line.lineId);
    if (!old) {
      changes.push({ lineId: line.lineId, sku: line.sku, field: 'added', from: null, to: line.sku, ...said });
      continue;
    }
    for (const field of compared) {
      const [from, to] = [old[field] ?? null, line[field] ?? null];
      if (from !== to) changes.push({ lineId: line.lineId, sku: line.sku, field, from, to, ...said });
    }
  }
  for (const line of before.lines) {
    if (!kept.has(line.lineId))
      changes.push({ lineId: line.lineId, sku: line.sku, field: 'removed', from: line.sku, to: null, ...said });
  }
  return changes;
};

/** The next free line id of a quote: ids are never reused, so a removed line's id never names another line. */
export const nextLineId = (lines: readonly Pick<QuoteLine, 'lineId'>[], reserved = 0): string => {
  const highest = lines.reduce((max, line) => Math.max(max, Number(line.lineId.slice(1))), reserved);
  return `L${highest + 1}`;
};

const isBuyerSide = (actor: Actor): boolean => actor.role === 'buyer' || actor.role === 'approver';

/** Seller-side changes the buyer side never reads (a custom line's cost). */
const sellerOnlyChanges: ReadonlySet<ChangeField> = new Set(['cost']);

/**
 * A version as one audience reads it. The buyer side sees prices and quantities but neither cost nor who on the
 * seller's side made a change (the seller, as one party); seller staff see everything.
 */
export const versionViewSchema = z.object({
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  createdBy: z.string().describe('Who made the version; on the buyer side a seller-side author reads "seller"'),
  currency: quoteSchema.shape.currency,
  lines: z.array(lineViewSchema),
  subtotal: quoteSchema.shape.subtotal,
  discountTotal: quoteSchema.shape.discountTotal,
  total: quoteSchema.shape.total,
  unpricedLines: quoteSchema.shape.unpricedLines,
  ...quoteTaxSchema.shape,
  validUntil: quoteSchema.shape.validUntil,
  changes: z.array(quoteChangeSchema),
});
export type VersionView = z.infer<typeof versionViewSchema>;

export const versionView = (record: QuoteVersion, audience: Audience): VersionView => {
  const named = audience === 'seller' || isBuyerSide(record.createdBy);
  return {
    version: record.version,
    createdAt: record.createdAt,
    createdBy: named ? record.createdBy.email : 'seller',
    currency: record.quote.currency,
    lines: record.quote.lines.map((line) => lineView(line, audience)),
    subtotal: record.quote.subtotal,
    discountTotal: record.quote.discountTotal,
    total: record.quote.total,
    unpricedLines: record.quote.unpricedLines,
    ...taxOfQuote(record.quote),
    ...(record.quote.validUntil !== undefined && { validUntil: record.quote.validUntil }),
    changes: record.changes
      .filter((change) => audience === 'seller' || !sellerOnlyChanges.has(change.field))
      .map((change) => ({
        lineId: change.lineId,
        sku: change.sku,
        field: change.field,
        from: change.from,
        to: change.to,
        by: named ? change.by : 'seller',
        ...(change.reason !== undefined && { reason: change.reason }),
      })),
  };
};

import * as z from 'zod';
import { listedOnce } from './listed-once.ts';
import { divideHalfUp, percent, percentToBasisPoints, sum } from './money.ts';
import { singleLine } from './text.ts';

/*
 * Tax on a quote, from the seller's settings and where the goods go. Rounding rule: each line's tax is its line total
 * × the rate, rounded half-up to the minor unit once, on that line; the quote's tax is the exact sum of its lines' taxes,
 * so every tax row and total the buyer reads adds up to the cent. The sum of rounded line taxes differs from the tax
 * on the summed lines by at most half a minor unit per line (property-tested).
 */

export const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as SE or DE');

/** What kind of goods a rate applies to: `standard` unless the product names another (`reduced`, `books`). */
export const taxClass = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lowercase letters, digits and - (1–40)');
export const standardTaxClass = 'standard';

export const taxRateSchema = z.strictObject({
  country,
  taxClass,
  /** A percentage with up to two decimals: 25, 7.5. */
  rate: percent,
  /** How the tax is called where it is charged: "Moms", "IVA", "MwSt". */
  label: singleLine(40),
});
export type TaxRate = z.infer<typeof taxRateSchema>;

/** GET/PUT /tax/settings: where the seller is established, and the rates it charges by ship-to country and class. */
export const taxSettingsSchema = z.strictObject({
  homeCountry: country,
  rates: z
    .array(taxRateSchema)
    .max(500)
    .superRefine(listedOnce((rate) => `${rate.country} ${rate.taxClass}`)),
});
export type TaxSettings = z.infer<typeof taxSettingsSchema>;

/** One row of a quote's tax: all lines taxed at one rate under one label. */
export const taxRowSchema = z.strictObject({
  label: z.string(),
  rate: percent,
  base: z.number().int(),
  amount: z.number().int(),
});
export type TaxRow = z.infer<typeof taxRowSchema>;

/** The buyer as tax sees it: where the goods go, its tax id, and whether it is exempt (and under which reference). */
export interface TaxBuyer {
  shipToCountry: string;
  taxId?: string | undefined;
  taxExempt?: { reference: string } | undefined;
}

export const euMemberStates: ReadonlySet<string> = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

/** The member state an EU VAT id was issued by, from its prefix (Greece writes EL); undefined for any other id. */
export const taxIdCountry = (taxId: string): string | undefined => {
  const prefix = taxId
    .replace(/[\s.-]/g, '')
    .slice(0, 2)
    .toUpperCase();
  const member = prefix === 'EL' ? 'GR' : prefix;
  return euMemberStates.has(member) ? member : undefined;
};

export const reverseChargeNote =
  'Reverse charge: VAT to be accounted for by the recipient (Article 196, Directive 2006/112/EC).';

export type TaxTreatment =
  | { kind: 'taxed' }
  | { kind: 'exempt'; note: string }
  | { kind: 'reverse-charge'; note: string };

/**
 * Whether the buyer pays tax: not when exempt; not when the goods go from an EU seller to another member state for a
 * buyer with a VAT id of a member state other than the seller's (an intra-EU supply, reverse-charged); else taxed.
 */
export const taxTreatment = (settings: Pick<TaxSettings, 'homeCountry'>, buyer: TaxBuyer): TaxTreatment => {
  if (buyer.taxExempt) return { kind: 'exempt', note: `Exempt from tax: ${buyer.taxExempt.reference}` };
  const idCountry = buyer.taxId === undefined ? undefined : taxIdCountry(buyer.taxId);
  const intraEu =
    euMemberStates.has(settings.homeCountry) &&
    euMemberStates.has(buyer.shipToCountry) &&
    buyer.shipToCountry !== settings.homeCountry;
  if (intraEu && idCountry !== undefined && idCountry !== settings.homeCountry)
    return { kind: 'reverse-charge', note: reverseChargeNote };
  return { kind: 'taxed' };
};

/** One line's tax: its total × the rate, rounded half-up once. */
export const lineTax = (lineTotal: number, rate: number): number => {
  if (!Number.isSafeInteger(lineTotal) || lineTotal < 0) throw new RangeError(`a line total is ≥ 0, got ${lineTotal}`);
  return Number(divideHalfUp(BigInt(lineTotal) * BigInt(percentToBasisPoints(rate)), 10_000n));
};

/**
 * What a quote's tax is computed from, kept on the quote: the seller's home country and its rates for where the goods
 * go, and the buyer's tax id and exemption, as they were when the RFQ was first priced. Every later version of the
 * quote (a revision, the rep's review) is taxed from it, so the tax the buyer was shown changes only with the lines.
 */
export const taxBasisSchema = z.object({
  homeCountry: country,
  shipToCountry: country,
  rates: z.array(taxRateSchema),
  taxId: z.string().optional(),
  taxExempt: z.object({ reference: z.string() }).optional(),
});
export type TaxBasis = z.infer<typeof taxBasisSchema>;

export const taxBasisOf = (settings: TaxSettings, buyer: TaxBuyer): TaxBasis => ({
  homeCountry: settings.homeCountry,
  shipToCountry: buyer.shipToCountry,
  rates: settings.rates.filter((rate) => rate.country === buyer.shipToCountry),
  ...(buyer.taxId !== undefined && { taxId: buyer.taxId }),
  ...(buyer.taxExempt !== undefined && { taxExempt: { reference: buyer.taxExempt.reference } }),
});

/** A quote's tax as its views, order and documents carry it. */
export const quoteTaxSchema = z.object({
  taxes: z
    .array(taxRowSchema)
    .describe('The tax per label and rate: each line taxed at the rate of its tax class where the goods go'),
  taxTotal: z.number().int().min(0).describe('The sum of the rows: each line’s tax rounded half-up once'),
  grandTotal: z
    .number()
    .int()
    .min(0)
    .describe('`total` + `taxTotal`: what the buyer pays. Rules and budgets compare the net `total`'),
  /** The legal wording a reverse-charged or exempt quote must carry, on the quote and its PDF. */
  taxNote: z.string().optional().describe('Why no tax is charged: the reverse-charge wording, or the exemption'),
});
export type QuoteTax = z.infer<typeof quoteTaxSchema>;

export interface TaxableLine {
  /** Null for a line not priced yet: it carries no tax until it is. */
  lineTotal: number | null;
  taxClass?: string | undefined;
}

/**
 * A quote's tax: each priced line at the rate for its class in the ship-to country (a country the seller has no rate
 * for — an export — is not taxed), the lines of one label and rate in one row, `grandTotal = total + taxTotal`.
 */
export const quoteTax = (lines: readonly TaxableLine[], settings: TaxSettings, buyer: TaxBuyer): QuoteTax => {
  const priced = lines.filter((line): line is TaxableLine & { lineTotal: number } => line.lineTotal !== null);
  const total = sum(priced.map((line) => line.lineTotal));
  const treatment = taxTreatment(settings, buyer);
  if (treatment.kind !== 'taxed') return { taxes: [], taxTotal: 0, grandTotal: total, taxNote: treatment.note };
  const rows = new Map<string, TaxRow>();
  for (const line of priced) {
    const rate = settings.rates.find(
      (r) => r.country === buyer.shipToCountry && r.taxClass === (line.taxClass ?? standardTaxClass),
    );
    if (!rate) continue;
    const key = `${rate.label}\n${rate.rate}`;
    const row = rows.get(key) ?? { label: rate.label, rate: rate.rate, base: 0, amount: 0 };
    rows.set(key, { ...row, base: row.base + line.lineTotal, amount: row.amount + lineTax(line.lineTotal, rate.rate) });
  }
  const taxes = [...rows.values()].sort((a, b) => b.rate - a.rate || a.label.localeCompare(b.label));
  const taxTotal = sum(taxes.map((row) => row.amount));
  return { taxes, taxTotal, grandTotal: total + taxTotal };
};

/** The tax on `lines` under a quote's basis; none (and `grandTotal = total`) where the seller had no tax settings. */
export const taxOnBasis = (lines: readonly TaxableLine[], basis: TaxBasis | undefined): QuoteTax =>
  basis
    ? quoteTax(lines, { homeCountry: basis.homeCountry, rates: basis.rates }, basis)
    : { taxes: [], taxTotal: 0, grandTotal: sum(lines.flatMap((line) => line.lineTotal ?? [])) };

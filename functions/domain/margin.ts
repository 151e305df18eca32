/**
 * The seller's margin on a line, the one rule behind every screen, page and email that shows it (seller staff only:
 * the views' whitelists decide who sees it).
 */

/** Margin a unit (price − cost) in minor units; undefined while the price or the cost is unknown. */
export const marginOf = (unitPrice: number | null | undefined, cost: number | undefined): number | undefined =>
  unitPrice === null || unitPrice === undefined || cost === undefined ? undefined : unitPrice - cost;

/** The margin as a share of the price, to a tenth of a percent ("12.5%"); "—" at a price of zero. */
export const marginShare = (margin: number, unitPrice: number): string =>
  unitPrice === 0 ? '—' : `${((margin / unitPrice) * 100).toFixed(1)}%`;

/** "$3.20 (12.5%)": a margin a unit and its share of the price, the money in the reader's format. */
export const marginText = (margin: number, unitPrice: number, money: (amount: number) => string): string =>
  `${money(margin)} (${marginShare(margin, unitPrice)})`;

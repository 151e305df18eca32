import { basisPointsToPercentText, percentToBasisPoints } from '#domain/money.ts';
import { formatMoney } from '#domain/money-format.ts';
import { referenceOf, repFloor } from '#domain/rep-authority.ts';
import type { Quote, QuoteLine } from '#domain/rfq.ts';
import { type Html, html } from '#rendering/html.ts';

/**
 * What the rep may do alone on each line, shown beside the price inputs of the review page: the lowest unit price
 * within their authority (`maxRepDiscountPercent` off the contract price, off the list price without one), below which
 * the sales manager must approve before the quote goes out, and the cost, below which nobody may sell. The rule itself
 * is the domain's (`applyAdjustments` in rep-authority.ts); this only states its floors in advance, with the same
 * rounding (the smallest whole minor unit within authority), so the rep knows before pressing Approve.
 */
export interface LineAuthority {
  sku: string;
  name: string;
  reference?: { price: number; basis: 'contract' | 'list' };
  /** Lowest unit price the rep may give alone; absent for a line with nothing to measure against. */
  repFloor?: number;
  cost?: number;
}

export const lineAuthority = (line: QuoteLine, maxRepDiscountPercent: number): LineAuthority => {
  const reference = referenceOf(line);
  const floor = repFloor(line, maxRepDiscountPercent);
  return {
    sku: line.sku,
    name: line.name,
    ...(reference && floor !== undefined && { reference, repFloor: floor }),
    ...(line.cost !== undefined && { cost: line.cost }),
  };
};

/**
 * The sentence the review page and the app's review screen both show beside a line's price: to the rep, what they may
 * do on their own; to a sales manager, what the rep may do alone and what needs them.
 */
export const authorityAdvice = (
  a: LineAuthority,
  currency: string,
  percentText: string,
  reader: 'rep' | 'sales-manager' = 'rep',
): string => {
  const money = (amount: number) => formatMoney(amount, currency);
  if (a.repFloor === undefined) {
    const yours = reader === 'rep' ? 'any price you enter is yours' : 'any price is the rep’s to set';
    return a.cost === undefined ? `No catalog price: ${yours}.` : `No catalog price: not below cost, ${money(a.cost)}.`;
  }
  if (a.cost !== undefined && a.cost >= a.repFloor) {
    return reader === 'rep'
      ? `Down to ${money(a.cost)} (cost) on your own; nobody may go lower.`
      : `Rep may go down to ${money(a.cost)} (cost) alone; nobody may go lower.`;
  }
  const basis = `(${percentText}% off ${a.reference?.basis} ${money(a.reference?.price ?? 0)})`;
  const cost = a.cost === undefined ? '' : `; never below cost, ${money(a.cost)}`;
  return reader === 'rep'
    ? `Down to ${money(a.repFloor)} on your own ${basis}; below that the sales manager must approve${cost}.`
    : `Rep may go down to ${money(a.repFloor)} alone ${basis}; below that needs your approval${cost}.`;
};

/** The review page's "your pricing authority" section; each line's advice has an id the price input can point at. */
export const repAuthorityHtml = (quote: Pick<Quote, 'currency' | 'lines'>, maxRepDiscountPercent: number): Html => {
  const percentText = basisPointsToPercentText(percentToBasisPoints(maxRepDiscountPercent));
  return html`<section aria-labelledby="authority-title">
<h3 id="authority-title">Your pricing authority</h3>
<p>You may price a line up to ${percentText}% below its contract price (its list price without a contract price). A deeper discount goes to the sales manager for approval before the quote is sent. No one may sell below cost.</p>
<ul>
${quote.lines.map(
  (line) =>
    html`<li id="authority-${line.sku}"><strong>${line.name}</strong> (${line.sku}): ${authorityAdvice(lineAuthority(line, maxRepDiscountPercent), quote.currency, percentText)}</li>
`,
)}</ul>
</section>`;
};

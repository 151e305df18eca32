import { quoteFooting } from '#domain/quote-footing.ts';
import type { Schemas } from '../api/client.ts';
import { money } from '../ui/money.ts';

type Line = Schemas['Rfq']['lines'][number];

/**
 * A quote's or an order's lines and the total they sum to, with the saving against list prices as a note (the rule
 * every surface follows: domain/quote-footing.ts); money right-aligned in tabular figures, each price with its basis.
 */
export const QuoteLines = (props: {
  lines: Line[];
  currency: string;
  discountTotal: number | null;
  total: number | null;
}) => {
  const footing =
    props.total === null
      ? undefined
      : quoteFooting({ total: props.total, discountTotal: props.discountTotal ?? 0 }, (minor) =>
          money(minor, props.currency),
        );
  return (
    <div class="table-scroll">
      <table class="list">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" class="number">
              Quantity
            </th>
            <th scope="col" class="number">
              Unit price
            </th>
            <th scope="col" class="number">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line) => (
            <tr key={line.sku}>
              <td>
                {line.name}
                <div class="secondary">{line.sku}</div>
              </td>
              <td class="number" data-label="Quantity">
                {line.quantity.toLocaleString()} {line.unit}
              </td>
              <td class="number" data-label="Unit price">
                {money(line.unitPrice, props.currency)}
                <div class="secondary">{line.priceSource}</div>
              </td>
              <td class="number" data-label="Line total">
                {money(line.lineTotal, props.currency)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {footing?.label ?? 'Total'}
            </th>
            <td class="number">{footing?.total ?? money(null, props.currency)}</td>
          </tr>
        </tfoot>
      </table>
      {footing?.saving && <p class="saving">{footing.saving}</p>}
    </div>
  );
};

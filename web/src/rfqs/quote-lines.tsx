import type { Schemas } from '../api/client.ts';
import { money } from '../ui/money.ts';

type Line = Schemas['Rfq']['lines'][number];

/** A quote's or an order's lines and totals: money right-aligned in tabular figures, each price with its basis. */
export const QuoteLines = (props: {
  lines: Line[];
  currency: string;
  subtotal: number | null;
  discountTotal: number | null;
  total: number | null;
}) => (
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
        {props.discountTotal !== null && props.discountTotal !== 0 && (
          <>
            <tr>
              <th scope="row" colSpan={3}>
                Subtotal at list prices
              </th>
              <td class="number">{money(props.subtotal, props.currency)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                Discount
              </th>
              <td class="number">{money(props.discountTotal ? -Math.abs(props.discountTotal) : 0, props.currency)}</td>
            </tr>
          </>
        )}
        <tr>
          <th scope="row" colSpan={3}>
            Total
          </th>
          <td class="number">{money(props.total, props.currency)}</td>
        </tr>
      </tfoot>
    </table>
  </div>
);

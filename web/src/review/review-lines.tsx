import { marginText } from '#domain/margin.ts';
import type { Schemas } from '../api/client.ts';
import { money } from '../ui/money.ts';

export type Desk = Schemas['ReviewDesk'];
type Line = Desk['lines'][number];

/** Margin a unit and as a share of the price, as the line carries it. */
export const marginCell = (line: Line, currency: string): string =>
  line.margin === undefined || line.unitPrice === null
    ? '—'
    : marginText(line.margin, line.unitPrice, (amount) => money(amount, currency));

/** The quote's lines for seller eyes: list and contract price, cost, the price (editable in a rep review), margin. */
export const LinesTable = (props: {
  desk: Desk;
  editable: boolean;
  prices: Record<string, string>;
  quantities: Record<string, string>;
  removed: ReadonlySet<string>;
  problems: Record<string, string>;
  onPrice: (sku: string, typed: string) => void;
  onQuantity: (lineId: string, typed: string) => void;
  onRemove: (lineId: string, removed: boolean) => void;
}) => {
  const { desk } = props;
  return (
    <div class="table-scroll">
      <table class="list review-lines">
        <caption class="visually-hidden">The quote’s lines with cost, margin and your pricing authority</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" class="number">
              Quantity
            </th>
            <th scope="col" class="number">
              List / contract
            </th>
            <th scope="col" class="number">
              Cost
            </th>
            <th scope="col" class="number">
              Unit price
            </th>
            <th scope="col" class="number">
              Margin
            </th>
            <th scope="col" class="number">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {desk.lines.map((line) => {
            const problem = props.problems[line.sku];
            const removed = props.removed.has(line.lineId);
            return (
              <tr key={line.lineId} class={problem ? 'troubled' : removed ? 'removed' : undefined}>
                <td>
                  {line.name}
                  <div class="secondary">
                    {line.sku}
                    {line.targetUnitPrice !== undefined &&
                      ` · buyer’s target ${money(line.targetUnitPrice, desk.currency)}`}
                  </div>
                  <div class="secondary authority" id={`authority-${line.sku}`}>
                    {line.authority}
                  </div>
                  {props.editable && (
                    <label class="inline remove-line">
                      <input
                        type="checkbox"
                        checked={removed}
                        onChange={(event) => props.onRemove(line.lineId, event.currentTarget.checked)}
                      />{' '}
                      Remove this line
                    </label>
                  )}
                </td>
                <td class="number" data-label="Quantity">
                  {props.editable ? (
                    <label class="inline quantity">
                      <span class="visually-hidden">Quantity of {line.name}</span>
                      <input
                        type="number"
                        min={1}
                        step={1}
                        inputMode="numeric"
                        disabled={removed}
                        value={props.quantities[line.lineId] ?? ''}
                        onInput={(event) => props.onQuantity(line.lineId, event.currentTarget.value)}
                      />{' '}
                      {line.unit}
                    </label>
                  ) : (
                    `${line.quantity.toLocaleString()} ${line.unit}`
                  )}
                </td>
                <td class="number" data-label="List / contract">
                  {money(line.listPrice, desk.currency)}
                  {line.contractPrice !== null && (
                    <div class="secondary">contract {money(line.contractPrice, desk.currency)}</div>
                  )}
                </td>
                <td class="number" data-label="Cost">
                  {money(line.cost, desk.currency)}
                </td>
                <td class="number" data-label="Unit price">
                  {props.editable ? (
                    <label class="price">
                      <span class="visually-hidden">Unit price of {line.name}</span>
                      <input
                        inputMode="decimal"
                        value={props.prices[line.sku] ?? ''}
                        aria-invalid={problem ? 'true' : undefined}
                        aria-describedby={`authority-${line.sku}${problem ? ` problem-${line.sku}` : ''}`}
                        onInput={(event) => props.onPrice(line.sku, event.currentTarget.value)}
                      />
                    </label>
                  ) : (
                    money(line.unitPrice, desk.currency)
                  )}
                  <div class="secondary">{line.priceSource}</div>
                  {problem && (
                    <div class="error" id={`problem-${line.sku}`}>
                      {problem}
                    </div>
                  )}
                </td>
                <td class="number" data-label="Margin">
                  {marginCell(line, desk.currency)}
                </td>
                <td class="number" data-label="Line total">
                  {money(line.lineTotal, desk.currency)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              Total
            </th>
            <td class="number">{money(desk.total, desk.currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
};

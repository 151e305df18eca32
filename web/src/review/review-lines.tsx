import { marginText } from '#domain/margin.ts';
import type { Schemas } from '../api/client.ts';
import { LineTable } from '../ui/line-table.tsx';
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
  const inMoney = (minor: number | null | undefined) => money(minor, desk.currency);
  return (
    <LineTable
      class="review-lines"
      caption="The quote’s lines with cost, margin and your pricing authority"
      rows={desk.lines}
      rowKey={(line) => line.lineId}
      rowClass={(line) =>
        props.problems[line.sku] ? 'troubled' : props.removed.has(line.lineId) ? 'removed' : undefined
      }
      columns={[
        {
          heading: 'Product',
          cell: (line) => (
            <>
              {line.name}
              <div class="secondary">
                {line.sku}
                {line.targetUnitPrice !== undefined && ` · buyer’s target ${inMoney(line.targetUnitPrice)}`}
              </div>
              <div class="secondary authority" id={`authority-${line.sku}`}>
                {line.authority}
              </div>
              {props.editable && (
                <label class="inline remove-line">
                  <input
                    type="checkbox"
                    checked={props.removed.has(line.lineId)}
                    onChange={(event) => props.onRemove(line.lineId, event.currentTarget.checked)}
                  />{' '}
                  Remove this line
                </label>
              )}
            </>
          ),
        },
        {
          heading: 'Quantity',
          number: true,
          cell: (line) =>
            props.editable ? (
              <label class="inline quantity">
                <span class="visually-hidden">Quantity of {line.name}</span>
                <input
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  disabled={props.removed.has(line.lineId)}
                  value={props.quantities[line.lineId] ?? ''}
                  onInput={(event) => props.onQuantity(line.lineId, event.currentTarget.value)}
                />{' '}
                {line.unit}
              </label>
            ) : (
              `${line.quantity.toLocaleString()} ${line.unit}`
            ),
        },
        {
          heading: 'List / contract',
          number: true,
          cell: (line) => (
            <>
              {inMoney(line.listPrice)}
              {line.contractPrice !== null && <div class="secondary">contract {inMoney(line.contractPrice)}</div>}
            </>
          ),
        },
        { heading: 'Cost', number: true, cell: (line) => inMoney(line.cost) },
        {
          heading: 'Unit price',
          number: true,
          cell: (line) => {
            const problem = props.problems[line.sku];
            return (
              <>
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
                  inMoney(line.unitPrice)
                )}
                <div class="secondary">{line.priceSource}</div>
                {problem && (
                  <div class="error" id={`problem-${line.sku}`}>
                    {problem}
                  </div>
                )}
              </>
            );
          },
        },
        { heading: 'Margin', number: true, cell: (line) => marginCell(line, desk.currency) },
        { heading: 'Line total', number: true, cell: (line) => inMoney(line.lineTotal) },
      ]}
      total={{ label: 'Total', value: inMoney(desk.total) }}
    />
  );
};

import { LineTable } from '../ui/line-table.tsx';
import { money } from '../ui/money.ts';
import { type Desk, marginCell } from './review-lines.tsx';

/** The lines a sales manager is asked about: the price asked, the rep's floor, how far below it, and the margin left. */
export const DiscountLines = (props: { desk: Desk; discount: NonNullable<Desk['discount']> }) => {
  const { desk, discount } = props;
  const lineOf = new Map(desk.lines.map((l) => [l.sku, l]));
  const inMoney = (minor: number) => money(minor, desk.currency);
  return (
    <section class="panel" aria-labelledby="discount-heading">
      <h2 id="discount-heading">Beyond the rep’s authority</h2>
      <dl class="facts">
        <dt>Proposed by</dt>
        <dd>{discount.proposedBy}</dd>
        <dt>Rep’s reason</dt>
        <dd>{discount.comment ?? 'No reason given'}</dd>
      </dl>
      <LineTable
        caption="Lines priced below the rep’s floor"
        rows={discount.lines}
        rowKey={(d) => d.sku}
        columns={[
          {
            heading: 'Product',
            cell: (d) => (
              <>
                {lineOf.get(d.sku)?.name ?? d.sku}
                <div class="secondary">
                  {d.sku} · {d.reason}
                </div>
              </>
            ),
          },
          { heading: 'Asked', number: true, cell: (d) => inMoney(d.requested) },
          { heading: 'Rep floor', number: true, cell: (d) => inMoney(d.floor) },
          {
            heading: 'Below the floor by',
            number: true,
            cell: (d) => {
              const line = lineOf.get(d.sku);
              return (
                <>
                  {inMoney(d.belowFloorBy)} a unit
                  {line && (
                    <div class="secondary">
                      {inMoney(d.belowFloorBy * line.quantity)} on {line.quantity.toLocaleString()} {line.unit}
                    </div>
                  )}
                </>
              );
            },
          },
          {
            heading: 'Margin at the asked price',
            number: true,
            cell: (d) => {
              const line = lineOf.get(d.sku);
              return line ? marginCell(line, desk.currency) : '—';
            },
          },
        ]}
      />
    </section>
  );
};

import { money } from '../ui/money.ts';
import { type Desk, marginCell } from './review-lines.tsx';

/** The lines a sales manager is asked about: the price asked, the rep's floor, how far below it, and the margin left. */
export const DiscountLines = (props: { desk: Desk; discount: NonNullable<Desk['discount']> }) => {
  const { desk, discount } = props;
  const lineOf = new Map(desk.lines.map((l) => [l.sku, l]));
  return (
    <section class="panel" aria-labelledby="discount-heading">
      <h2 id="discount-heading">Beyond the rep’s authority</h2>
      <dl class="facts">
        <dt>Proposed by</dt>
        <dd>{discount.proposedBy}</dd>
        <dt>Rep’s reason</dt>
        <dd>{discount.comment ?? 'No reason given'}</dd>
      </dl>
      <div class="table-scroll">
        <table class="list">
          <caption class="visually-hidden">Lines priced below the rep’s floor</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" class="number">
                Asked
              </th>
              <th scope="col" class="number">
                Rep floor
              </th>
              <th scope="col" class="number">
                Below the floor by
              </th>
              <th scope="col" class="number">
                Margin at the asked price
              </th>
            </tr>
          </thead>
          <tbody>
            {discount.lines.map((d) => {
              const line = lineOf.get(d.sku);
              return (
                <tr key={d.sku}>
                  <td>
                    {line?.name ?? d.sku}
                    <div class="secondary">
                      {d.sku} · {d.reason}
                    </div>
                  </td>
                  <td class="number" data-label="Asked">
                    {money(d.requested, desk.currency)}
                  </td>
                  <td class="number" data-label="Rep floor">
                    {money(d.floor, desk.currency)}
                  </td>
                  <td class="number" data-label="Below the floor by">
                    {money(d.belowFloorBy, desk.currency)} a unit
                    {line && (
                      <div class="secondary">
                        {money(d.belowFloorBy * line.quantity, desk.currency)} on {line.quantity.toLocaleString()}{' '}
                        {line.unit}
                      </div>
                    )}
                  </td>
                  <td class="number" data-label="Margin at the asked price">
                    {line ? marginCell(line, desk.currency) : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
};

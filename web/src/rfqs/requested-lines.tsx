import { useMemo } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { money } from '../ui/money.ts';
import { useCatalogCheck } from './catalog-check.ts';
import { draftEstimate } from './draft-estimate.ts';

type RequestLine = Schemas['Rfq']['request']['lines'][number];

/**
 * What the buyer asked for while the quote is being priced: each line with its product and quantity, and the estimate
 * the draft showed (the catalog's prices for the company, the same rules as the draft), until the rep's quote replaces
 * it. A custom item the catalog lacks shows the buyer's description and no estimate.
 */
export const RequestedLines = (props: { lines: readonly RequestLine[] }) => {
  const { api } = useSignedIn();
  const catalog = useCatalogCheck(
    api,
    props.lines.map((l) => l.sku),
  );
  const { currency, known } = catalog;
  const estimate = useMemo(
    () =>
      draftEstimate(
        props.lines.map((l, i) => ({ id: String(i), sku: l.sku, quantity: String(l.quantity) })),
        known,
      ),
    [props.lines, known],
  );
  return (
    <div class="table-scroll">
      <table class="list">
        <caption class="visually-hidden">The lines you asked for, with an estimate at catalog prices</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" class="number">
              Quantity
            </th>
            <th scope="col" class="number">
              Estimate
            </th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line, i) => {
            const item = known.get(line.sku);
            const unitPrice = estimate.priceOf(line.sku)?.unitPrice;
            return (
              // A custom item may repeat a reference: the position keeps each line its own row.
              <tr key={i}>
                <td>
                  {item?.name ?? line.description ?? line.sku}
                  <div class="secondary">{line.sku}</div>
                </td>
                <td class="number" data-label="Quantity">
                  {line.quantity.toLocaleString()} {item?.unit ?? ''}
                </td>
                <td class="number" data-label="Estimate">
                  {unitPrice != null && currency ? money(unitPrice * line.quantity, currency) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
        {currency && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Estimate at catalog prices (the rep's quote may differ)
              </th>
              <td class="number" aria-busy={catalog.pending}>
                {catalog.pending ? '…' : money(estimate.total, currency)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
};

import { t } from '../i18n/language.ts';
import { money } from '../ui/money.ts';
import type { CatalogCheck } from './catalog-check.ts';
import type { DraftEstimate } from './draft-estimate.ts';
import { lineProblemText } from './draft-line-words.ts';
import { type DraftLine, type LineProblem, quantityOf } from './draft-lines.ts';

/**
 * The draft's lines as typed, each editable in place, with the catalog's name and price for it and its problems
 * beside the field they concern (an anchor the problem list links to), and the estimate at catalog prices.
 */
export const DraftLinesTable = (props: {
  lines: readonly DraftLine[];
  numberOf: ReadonlyMap<string, number>;
  problems: readonly LineProblem[];
  troubled: ReadonlySet<string>;
  catalog: CatalogCheck;
  estimate: DraftEstimate;
  forBuyer: boolean;
  lineRefs: Map<string, HTMLInputElement>;
  onChange: (id: string, field: 'sku' | 'quantity', value: string) => void;
  onRemove: (id: string) => void;
}) => {
  const { currency } = props.catalog;
  const priceHeading = props.forBuyer ? t('draft.theirPrice') : t('draft.yourPrice');
  return (
    <div class="table-scroll">
      <table class="list lines">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('draft.sku')}</th>
            <th scope="col">{t('draft.product')}</th>
            <th scope="col">{t('draft.quantity')}</th>
            <th scope="col" class="number">
              {priceHeading}
            </th>
            <th scope="col" class="number">
              {t('draft.estimate')}
            </th>
            <th scope="col">
              <span class="visually-hidden">{t('draft.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line) => {
            const n = props.numberOf.get(line.id);
            const item = props.catalog.known.get(line.sku);
            const skuProblem = props.problems.find((p) => p.lineId === line.id && p.field === 'sku');
            const quantityProblem = props.problems.find((p) => p.lineId === line.id && p.field === 'quantity');
            const quantity = quantityOf(line.quantity);
            const price = quantity ? props.estimate.priceOf(line.sku) : undefined;
            return (
              <tr key={line.id} class={props.troubled.has(line.id) ? 'troubled' : undefined}>
                <td class="line-number">{n}</td>
                <td class="line-sku" data-label={t('draft.sku')}>
                  <input
                    id={`sku-${line.id}`}
                    ref={(el) => {
                      if (el) props.lineRefs.set(`sku-${line.id}`, el);
                    }}
                    aria-label={t('draft.skuOfLine', { n: n ?? 0 })}
                    value={line.sku}
                    size={14}
                    aria-invalid={skuProblem ? 'true' : undefined}
                    aria-describedby={skuProblem ? `sku-problem-${line.id}` : undefined}
                    onChange={(e) => props.onChange(line.id, 'sku', e.currentTarget.value)}
                  />
                  {skuProblem && (
                    <div class="error" id={`sku-problem-${line.id}`}>
                      {lineProblemText(skuProblem)}
                    </div>
                  )}
                </td>
                <td class="line-product">{item?.name ?? <span class="secondary">—</span>}</td>
                <td class="line-quantity" data-label={t('draft.quantity')}>
                  <input
                    id={`quantity-${line.id}`}
                    ref={(el) => {
                      if (el) props.lineRefs.set(`quantity-${line.id}`, el);
                    }}
                    aria-label={t('draft.quantityOfLine', { n: n ?? 0 })}
                    inputMode="numeric"
                    value={line.quantity}
                    size={7}
                    aria-invalid={quantityProblem ? 'true' : undefined}
                    aria-describedby={quantityProblem ? `quantity-problem-${line.id}` : undefined}
                    onChange={(e) => props.onChange(line.id, 'quantity', e.currentTarget.value)}
                  />
                  {quantityProblem && (
                    <div class="error" id={`quantity-problem-${line.id}`}>
                      {lineProblemText(quantityProblem)}
                    </div>
                  )}
                </td>
                <td class="number line-price" data-label={priceHeading}>
                  {item && currency ? money(price?.unitPrice ?? item.yourPrice, currency) : '—'}
                  {item && (
                    <div class="secondary">
                      {price?.tierFrom ? t('draft.tierFrom', { minQty: price.tierFrom }) : item.priceSource}
                    </div>
                  )}
                </td>
                <td class="number line-estimate" data-label={t('draft.estimate')}>
                  {price?.unitPrice != null && quantity && currency ? money(price.unitPrice * quantity, currency) : '—'}
                </td>
                <td class="line-remove">
                  <button
                    type="button"
                    class="link"
                    onClick={() => props.onRemove(line.id)}
                    aria-label={t('draft.removeLine', { n: n ?? 0 })}
                  >
                    {t('draft.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
        {currency && (
          <tfoot class="wide-only">
            <tr>
              <th scope="row" colSpan={5}>
                {props.forBuyer ? t('draft.estimateForRep') : t('draft.estimateForBuyer')}
              </th>
              <td class="number">{money(props.estimate.total, currency)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
};

import { useMemo } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { useSignedIn } from '../signed-in.ts';
import { LineTable } from '../ui/line-table.tsx';
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
    <LineTable
      caption={t('requested.caption')}
      rows={props.lines}
      // A custom item may repeat a reference: the position keeps each line its own row.
      rowKey={(_, i) => i}
      columns={[
        {
          heading: t('quote.product'),
          cell: (line) => (
            <>
              {known.get(line.sku)?.name ?? line.description ?? line.sku}
              <div class="secondary">{line.sku}</div>
            </>
          ),
        },
        {
          heading: t('quote.quantity'),
          number: true,
          cell: (line) => t('quote.quantityOf', { quantity: line.quantity, unit: known.get(line.sku)?.unit ?? '' }),
        },
        {
          heading: t('draft.estimate'),
          number: true,
          cell: (line) => {
            const unitPrice = estimate.priceOf(line.sku)?.unitPrice;
            return unitPrice != null && currency ? money(unitPrice * line.quantity, currency) : '—';
          },
        },
      ]}
      {...(currency && {
        total: {
          label: t('draft.estimateForBuyer'),
          value: catalog.pending ? '…' : money(estimate.total, currency),
          busy: catalog.pending,
        },
      })}
    />
  );
};

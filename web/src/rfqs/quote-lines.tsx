import { quoteFooting } from '#domain/quote-footing.ts';
import type { Schemas } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { LineTable } from '../ui/line-table.tsx';
import { money } from '../ui/money.ts';

type Line = Schemas['Rfq']['lines'][number];

/**
 * A quote's or an order's lines and the total they sum to (with its tax, or why it carries none), with the saving against list prices as a note (the rule
 * every surface follows: domain/quote-footing.ts); money right-aligned in tabular figures, each price with its basis.
 */
export const QuoteLines = (props: {
  lines: Line[];
  currency: string;
  discountTotal: number | null;
  total: number | null;
  /** The quote's tax: shown under the net total, before the buyer accepts and on the order. */
  tax: Pick<Schemas['Rfq'], 'taxes' | 'grandTotal' | 'taxNote'>;
}) => {
  const inMoney = (minor: number | null | undefined) => money(minor, props.currency);
  const footing =
    props.total === null
      ? undefined
      : quoteFooting(
          {
            total: props.total,
            discountTotal: props.discountTotal ?? 0,
            taxes: props.tax.taxes,
            grandTotal: props.tax.grandTotal ?? undefined,
            taxNote: props.tax.taxNote,
          },
          inMoney,
          'buyer',
          {
            total: t('quote.total'),
            totalBeforeTax: t('quote.totalBeforeTax'),
            totalWithTax: t('quote.totalWithTax'),
            saving: (amount) => t('quote.youSave', { amount }),
          },
        );
  return (
    <>
      <LineTable
        rows={props.lines}
        rowKey={(line) => line.sku}
        columns={[
          {
            heading: t('quote.product'),
            cell: (line) => (
              <>
                {line.name}
                <div class="secondary">{line.sku}</div>
              </>
            ),
          },
          {
            heading: t('quote.quantity'),
            number: true,
            cell: (line) => t('quote.quantityOf', { quantity: line.quantity, unit: line.unit }),
          },
          {
            heading: t('quote.unitPrice'),
            number: true,
            cell: (line) => (
              <>
                {inMoney(line.unitPrice)}
                <div class="secondary">{line.priceSource}</div>
              </>
            ),
          },
          { heading: t('quote.lineTotal'), number: true, cell: (line) => inMoney(line.lineTotal) },
        ]}
        above={footing?.above.map((row) => ({ label: row.label, value: row.amount }))}
        total={{ label: footing?.label ?? t('quote.total'), value: footing?.total ?? inMoney(null) }}
      />
      {footing?.saving && <p class="saving">{footing.saving}</p>}
      {footing?.taxNote && <p class="tax-note">{footing.taxNote}</p>}
    </>
  );
};

import { problemText, type Schemas } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';

type Version = Schemas['QuoteVersionList']['items'][number];
type Change = Version['changes'][number];

/** Who reads the changes: the buyer's own target price is "your" to the buyer side, the buyer's to the seller's staff. */
type Reader = 'buyer' | 'seller';

/** One change in the words of the quote: "Unit price $14.20 → $13.50". Money fields are minor units. */
const changeText = (change: Change, currency: string, reader: Reader): string => {
  const value = (v: Change['from']) =>
    v === null
      ? '—'
      : typeof v === 'number' && (change.field === 'unitPrice' || change.field === 'targetUnitPrice')
        ? money(v, currency)
        : typeof v === 'number'
          ? v.toLocaleString()
          : v;
  const fromTo = { from: value(change.from), to: value(change.to) };
  switch (change.field) {
    case 'added':
      return t('changes.added');
    case 'removed':
      return t('changes.removed');
    case 'sku':
      return t('changes.sku', fromTo);
    case 'name':
      return t('changes.name', fromTo);
    case 'quantity':
      return t('changes.quantity', fromTo);
    case 'unitPrice':
      return t('changes.unitPrice', fromTo);
    case 'targetUnitPrice':
      return t(reader === 'buyer' ? 'changes.yourTarget' : 'changes.buyersTarget', fromTo);
    case 'cost':
      return t('changes.cost');
  }
};

/**
 * What changed between the quote versions the reader may see (the buyer side: those the seller sent): for the latest version, each changed line with the old and
 * new value, who changed it and why; earlier versions' totals for reference.
 */
export const VersionChanges = (props: { rfqId: string; refreshKey: unknown; reader: Reader }) => {
  const { api } = useSignedIn();
  const [loaded] = useLoad(async () => {
    const { data, error } = await api.GET('/rfqs/{rfqId}/versions', {
      params: { path: { rfqId: props.rfqId } },
    });
    if (!data) throw new Error(problemText(error, t('changes.failed')));
    return data.items;
  }, [props.rfqId, props.refreshKey]);
  if (loaded.state !== 'ready' || loaded.value.length < 2) return null;
  const versions = loaded.value;
  const latest = versions.at(-1)!;
  const before = versions.at(-2)!;
  const name = (lineId: string, sku: string) =>
    latest.lines.find((l) => l.lineId === lineId)?.name ?? before.lines.find((l) => l.lineId === lineId)?.name ?? sku;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('changes.heading', { version: latest.version, before: before.version })}</h2>
      <p class="secondary">
        {t('changes.byWhom', {
          when: when(latest.createdAt),
          who: latest.createdBy,
          total: money(before.total, before.currency),
        })}{' '}
        <strong>{money(latest.total, latest.currency)}</strong>
      </p>
      {latest.changes.length === 0 ? (
        <p>{t('changes.none')}</p>
      ) : (
        <ul class="changes">
          {latest.changes.map((change) => (
            <li key={`${change.lineId}-${change.field}`}>
              <strong>{name(change.lineId, change.sku)}</strong> <span class="secondary">{change.sku}</span>:{' '}
              {changeText(change, latest.currency, props.reader)}
              {change.reason && <div class="secondary">{t('changes.why', { reason: change.reason })}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

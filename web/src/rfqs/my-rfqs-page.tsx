import { problemText } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { Link, navigate } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { ShowMore, usePaged } from '../ui/paged.tsx';
import { type RfqStatus, StatusBadge, statusLabel, statusLabels } from './status.tsx';

/** My company's RFQs, newest first: a status filter (the API's), a search over what is loaded, more by cursor. */
export const MyRfqsPage = (props: { status: string; q: string }) => {
  const { api } = useSignedIn();
  const status = (props.status in statusLabels ? props.status : '') as RfqStatus | '';
  const rfqs = usePaged(
    async (cursor) => {
      const { data, error } = await api.GET('/rfqs', {
        params: { query: { limit: 20, ...(status && { status }), ...(cursor && { cursor }) } },
      });
      if (!data) throw new Error(problemText(error, t('myRfqs.failed')));
      return data;
    },
    [status],
  );

  const filter = (next: { status?: string; q?: string }) => {
    const query = new URLSearchParams({ status: next.status ?? status, q: next.q ?? props.q });
    for (const [k, v] of [...query]) if (!v) query.delete(k);
    navigate(`rfqs${query.size ? `?${query}` : ''}`, { replace: true });
  };

  return (
    <>
      <PageTitle>{t('myRfqs.title')}</PageTitle>
      <search class="filters">
        <label>
          {t('myRfqs.status')}
          <select value={status} onChange={(e) => filter({ status: e.currentTarget.value })}>
            <option value="">{t('myRfqs.anyStatus')}</option>
            {(Object.keys(statusLabels) as RfqStatus[]).map((value) => (
              <option key={value} value={value}>
                {statusLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {/* What it searches is in the label: a placeholder this long was cut off by the field's width. */}
          {t('myRfqs.search')}
          <input type="search" value={props.q} onInput={(e) => filter({ q: e.currentTarget.value })} />
        </label>
      </search>
      <Show loaded={rfqs.loaded}>
        {(loaded) => {
          const needle = props.q.trim().toLowerCase();
          const items = loaded.items.filter(
            (r) =>
              !needle || [r.rfqId, r.buyerEmail, r.orderId ?? ''].some((text) => text.toLowerCase().includes(needle)),
          );
          return (
            <>
              {items.length === 0 ? (
                <p>
                  {status ? t('myRfqs.noneWithStatus', { status: statusLabel(status) }) : t('myRfqs.none')}{' '}
                  <Link to="rfqs/new">{t('myRfqs.request')}</Link>
                </p>
              ) : (
                <table class="list">
                  <caption class="visually-hidden">{t('myRfqs.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('myRfqs.rfq')}</th>
                      <th scope="col">{t('myRfqs.status')}</th>
                      <th scope="col">{t('myRfqs.submitted')}</th>
                      <th scope="col" class="number">
                        {t('myRfqs.lines')}
                      </th>
                      <th scope="col" class="number">
                        {t('myRfqs.total')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((rfq) => (
                      <tr key={rfq.rfqId}>
                        <td>
                          <Link to={`rfqs/${rfq.rfqId}`}>{rfq.rfqId}</Link>
                          <div class="secondary">{rfq.buyerEmail}</div>
                        </td>
                        <td>
                          <StatusBadge status={rfq.status} />
                        </td>
                        <td data-label={t('myRfqs.submitted')}>{when(rfq.createdAt)}</td>
                        <td class="number" data-label={t('myRfqs.lines')}>
                          {rfq.lineCount.toLocaleString()}
                        </td>
                        <td class="number" data-label={t('myRfqs.total')}>
                          {money(rfq.total, rfq.currency)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <ShowMore paged={rfqs} label={t('myRfqs.more')} />
            </>
          );
        }}
      </Show>
    </>
  );
};

import { problemText } from '../api/client.ts';
import { Link, navigate } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { ShowMore, usePaged } from '../ui/paged.tsx';
import { type RfqStatus, StatusBadge, statusLabels } from './status.tsx';

/** My company's RFQs, newest first: a status filter (the API's), a search over what is loaded, more by cursor. */
export const MyRfqsPage = (props: { status: string; q: string }) => {
  const { api } = useSignedIn();
  const status = (props.status in statusLabels ? props.status : '') as RfqStatus | '';
  const rfqs = usePaged(
    async (cursor) => {
      const { data, error } = await api.GET('/rfqs', {
        params: { query: { limit: 20, ...(status && { status }), ...(cursor && { cursor }) } },
      });
      if (!data) throw new Error(problemText(error, 'Your RFQs could not be loaded.'));
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
      <PageTitle>My RFQs</PageTitle>
      <search class="filters">
        <label>
          Status
          <select value={status} onChange={(e) => filter({ status: e.currentTarget.value })}>
            <option value="">Any status</option>
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {/* What it searches is in the label: a placeholder this long was cut off by the field's width. */}
          Search by RFQ number, buyer or PO
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
                  No RFQs {status ? `with the status “${statusLabels[status]}”` : 'yet'}.{' '}
                  <Link to="rfqs/new">Request a quote</Link>
                </p>
              ) : (
                <table class="list">
                  <caption class="visually-hidden">Your company's RFQs, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">RFQ</th>
                      <th scope="col">Status</th>
                      <th scope="col">Submitted</th>
                      <th scope="col" class="number">
                        Lines
                      </th>
                      <th scope="col" class="number">
                        Total
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
                        <td data-label="Submitted">{when(rfq.createdAt)}</td>
                        <td class="number" data-label="Lines">
                          {rfq.lineCount.toLocaleString()}
                        </td>
                        <td class="number" data-label="Total">
                          {money(rfq.total, rfq.currency)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <ShowMore paged={rfqs} label="Show older RFQs" />
            </>
          );
        }}
      </Show>
    </>
  );
};

import { useMemo, useState } from 'preact/hooks';
import { problemText } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { calendarDay } from '../ui/dates.ts';
import { LineTable } from '../ui/line-table.tsx';
import { useLoad } from '../ui/load.ts';
import { minorDigits, money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { BarChart, BarList } from './bar-chart.tsx';
import { bandLabels, type KpiReport, kpiTotals } from './kpi-totals.ts';
import './dashboard.css';
import { ActionProblem } from '../ui/action-problem.tsx';

const periods = {
  year: { label: 'Last 12 months', monthsBack: 11 },
  quarter: { label: 'Last 3 months', monthsBack: 2 },
  month: { label: 'This month', monthsBack: 0 },
} as const;
type Period = keyof typeof periods;

/** Whole months up to today (UTC days, as the rollups are): the first of a month some months back, to today. */
const rangeOf = (period: Period): { from: string; to: string } => {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - periods[period].monthsBack, 1));
  return { from: first.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
};

const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const share = (part: number, whole: number) => (whole === 0 ? undefined : `(${percent.format(part / whole)})`);

const count = (n: number) => n.toLocaleString();

const compactMoney = (currency: string) => {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact' });
  return (minorUnits: number) => format.format(minorUnits / 10 ** minorDigits(currency));
};

const outcomeNames = {
  ordered: 'Ordered',
  declined: 'Declined by the buyer',
  expired: 'Expired unanswered',
  rejected: 'Rejected by the seller',
  approvalRejected: 'Rejected by the buyer’s approvers',
  cancelled: 'Cancelled by the buyer',
  failed: 'Failed',
} as const;

/** The numbers the business runs on, for whoever GET /kpis lets read them: everyone's, a rep's or a company's own. */
export const DashboardPage = () => {
  const { api, me } = useSignedIn();
  const [period, setPeriod] = useState<Period>('year');
  const range = useMemo(() => rangeOf(period), [period]);
  const scope = me.companyId ? { companyId: me.companyId } : {};
  const read = async (groupBy: 'month' | 'product'): Promise<KpiReport> => {
    const { data, error } = await api.GET('/kpis', { params: { query: { ...range, ...scope, groupBy } } });
    // The route answers CSV too; asked for JSON, a string would be a broken answer.
    if (!data || typeof data === 'string') throw new Error(problemText(error, 'The numbers could not be loaded.'));
    return data;
  };
  const [loaded] = useLoad(async () => {
    const [byMonth, byProduct] = await Promise.all([read('month'), read('product')]);
    return { byMonth, byProduct };
  }, [range.from, range.to]);
  const csv = useAction(
    () =>
      api.GET('/kpis', {
        params: { query: { ...range, ...scope, groupBy: 'month', format: 'csv' } },
        parseAs: 'text',
      }),
    'The CSV could not be made.',
  );
  const downloadCsv = async () => {
    const made = await csv.run();
    if (typeof made?.data !== 'string') return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([made.data], { type: 'text/csv' }));
    link.download = `kpis-${range.from}-to-${range.to}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <>
      <PageTitle secondary={me.companyId ? 'your company' : undefined}>Dashboard</PageTitle>
      <div class="filters">
        <label>
          Period
          <select value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
            {Object.entries(periods).map(([value, p]) => (
              <option key={value} value={value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary-action" onClick={downloadCsv}>
          Download the months as CSV
        </button>
      </div>
      <ActionProblem action={csv} />
      <Show loaded={loaded}>
        {({ byMonth, byProduct }) => {
          const totals = kpiTotals(byMonth);
          const currency = byMonth.currency ?? byProduct.currency;
          const inMoney = (minor: number) => (currency ? money(minor, currency) : '—');
          const bands = bandLabels(byMonth.durationBands);
          const dates = `${calendarDay(byMonth.from)} – ${calendarDay(byMonth.to)}`;
          if (totals.rfqs === 0 && totals.ordered === 0)
            return <p>No RFQs between {dates} yet. Numbers appear here as requests for quotes come in.</p>;
          return (
            <>
              <p class="secondary">
                {dates}. Money in {currency ?? 'no currency yet'}.
              </p>
              <dl class="key-figures">
                <div>
                  <dt>RFQs received</dt>
                  <dd>{totals.rfqs.toLocaleString()}</dd>
                </div>
                <div>
                  <dt>Orders</dt>
                  <dd>{totals.ordered.toLocaleString()}</dd>
                </div>
                <div>
                  <dt>Order value</dt>
                  <dd>{inMoney(totals.orderValue)}</dd>
                </div>
                <div>
                  <dt>Quotes that became orders</dt>
                  <dd>{totals.quoted === 0 ? '—' : percent.format(totals.ordered / totals.quoted)}</dd>
                </div>
              </dl>

              <section class="panel" aria-labelledby="funnel">
                <h2 id="funnel">From request to order</h2>
                <BarList
                  label="RFQs at each step, with their share of those received"
                  items={[
                    { name: 'Received', count: totals.rfqs },
                    { name: 'Quoted', count: totals.quoted, note: share(totals.quoted, totals.rfqs) },
                    { name: 'Accepted', count: totals.accepted, note: share(totals.accepted, totals.rfqs) },
                    { name: 'Approved', count: totals.approved, note: share(totals.approved, totals.rfqs) },
                    { name: 'Ordered', count: totals.ordered, note: share(totals.ordered, totals.rfqs) },
                  ]}
                />
              </section>

              {currency && (
                <section class="panel" aria-labelledby="by-month">
                  <h2 id="by-month">Order value by month</h2>
                  <BarChart
                    caption={`Orders placed each month, in ${currency}`}
                    labelHeading="Month"
                    valueHeading="Order value"
                    format={compactMoney(currency)}
                    exact={inMoney}
                    bars={byMonth.groups.map((g) => ({
                      label: monthLabel.format(new Date(`${g.key}-01T00:00:00Z`)),
                      value: g.orderValue,
                    }))}
                  />
                </section>
              )}

              <div class="two-up">
                <section class="panel" aria-labelledby="time-to-quote">
                  <h2 id="time-to-quote">Time to quote</h2>
                  <BarChart
                    caption="RFQs by how long the first quote took"
                    labelHeading="Quoted"
                    valueHeading="RFQs"
                    format={count}
                    exact={count}
                    bars={bands.map((band, i) => ({ ...band, value: totals.timeToQuote[i] ?? 0 }))}
                  />
                </section>
                <section class="panel" aria-labelledby="approval-cycle">
                  <h2 id="approval-cycle">Approval cycle</h2>
                  <BarChart
                    caption="Accepted quotes by how long the buyer’s approvals took"
                    labelHeading="Approved"
                    valueHeading="Quotes"
                    format={count}
                    exact={count}
                    bars={bands.map((band, i) => ({ ...band, value: totals.approvalCycle[i] ?? 0 }))}
                  />
                </section>
              </div>

              <section class="panel" aria-labelledby="outcomes">
                <h2 id="outcomes">How RFQs ended</h2>
                <BarList
                  label="Closed RFQs by outcome"
                  items={Object.entries(outcomeNames).map(([outcome, name]) => {
                    const count = totals.outcomes[outcome as keyof typeof outcomeNames];
                    const closed = Object.values(totals.outcomes).reduce((a, b) => a + b, 0);
                    return { name, count, note: share(count, closed) };
                  })}
                />
              </section>

              <section class="panel" aria-labelledby="top-products">
                <h2 id="top-products">Top products by order value</h2>
                <LineTable
                  rows={byProduct.groups.slice(0, 10)}
                  rowKey={(g) => g.key}
                  columns={[
                    { heading: 'Product', cell: (g) => g.key },
                    { heading: 'RFQs', number: true, cell: (g) => count(g.rfqs) },
                    { heading: 'Orders', number: true, cell: (g) => count(g.ordered) },
                    { heading: 'Order value', number: true, cell: (g) => inMoney(g.orderValue) },
                    {
                      heading: 'Quotes ordered',
                      number: true,
                      cell: (g) => (g.conversion === null ? '—' : percent.format(g.conversion)),
                    },
                  ]}
                />
              </section>
            </>
          );
        }}
      </Show>
    </>
  );
};

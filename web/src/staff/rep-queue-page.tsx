import { problemText, type Schemas } from '../api/client.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { calendarDay, when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';

type Task = Schemas['TaskList']['items'][number];
type RfqRow = Schemas['RfqList']['items'][number];

const day = 86_400_000;
/** What the queue calls soon and stalled: quotes valid for at most a week more, approvals untouched for a day. */
const expiringWithin = 7 * day;
const stalledAfter = day;

const ReviewsTable = (props: { tasks: Task[] }) => (
  <div class="table-scroll">
    <table class="list">
      <caption class="visually-hidden">RFQs waiting for your review, soonest due first</caption>
      <thead>
        <tr>
          <th scope="col">RFQ</th>
          <th scope="col">Company</th>
          <th scope="col" class="number">
            Total
          </th>
          <th scope="col">Review by</th>
        </tr>
      </thead>
      <tbody>
        {props.tasks.map((task) => (
          <tr key={task.rfqId}>
            <td>
              <Link to={`review/${encodeURIComponent(task.rfqId)}`}>Review {task.rfqId}</Link>
              <div class="secondary">
                {task.rfq.lineCount.toLocaleString()} {task.rfq.lineCount === 1 ? 'line' : 'lines'}
              </div>
            </td>
            <td data-label="Company">
              {task.rfq.companyName}
              <div class="secondary">{task.rfq.buyerEmail}</div>
            </td>
            <td class="number" data-label="Total">
              {money(task.rfq.total, task.rfq.currency)}
            </td>
            <td data-label="Review by">{when(task.dueAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const RfqsTable = (props: { rows: RfqRow[]; caption: string; dateLabel: string; dateOf: (r: RfqRow) => string }) => (
  <div class="table-scroll">
    <table class="list">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">RFQ</th>
          <th scope="col">Company</th>
          <th scope="col" class="number">
            Total
          </th>
          <th scope="col">{props.dateLabel}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.rfqId}>
            <td>
              <Link to={`review/${encodeURIComponent(row.rfqId)}`}>{row.rfqId}</Link>
            </td>
            <td data-label="Company">
              {row.companyId}
              <div class="secondary">{row.buyerEmail}</div>
            </td>
            <td class="number" data-label="Total">
              {money(row.total, row.currency)}
            </td>
            <td data-label={props.dateLabel}>{props.dateOf(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/**
 * The rep's queue across their accounts: RFQs waiting for their review (their open tasks), quotes that expire within
 * a week, and purchases stuck in the buyer's approval chain for over a day — the three places a deal goes quiet.
 */
export const RepQueuePage = () => {
  const { api } = useSignedIn();
  const [loaded] = useLoad(async () => {
    const [tasks, quoted, approving] = await Promise.all([
      api.GET('/me/tasks'),
      api.GET('/rfqs', { params: { query: { status: 'QUOTED', limit: 100 } } }),
      api.GET('/rfqs', { params: { query: { status: 'PENDING_APPROVAL', limit: 100 } } }),
    ]);
    if (!tasks.data) throw new Error(problemText(tasks.error, 'Your reviews could not be loaded.'));
    if (!quoted.data || !approving.data) throw new Error('Your accounts’ quotes could not be loaded.');
    const now = Date.now();
    return {
      reviews: tasks.data.items.filter((t) => t.kind === 'review'),
      expiring: quoted.data.items
        .filter((r) => r.validUntil && Date.parse(`${r.validUntil}T23:59:59Z`) - now <= expiringWithin)
        .sort((a, b) => (a.validUntil ?? '').localeCompare(b.validUntil ?? '')),
      stalled: approving.data.items
        .filter((r) => now - Date.parse(r.updatedAt) > stalledAfter)
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
    };
  }, []);

  return (
    <>
      <PageTitle>My queue</PageTitle>
      <Show loaded={loaded}>
        {({ reviews, expiring, stalled }) => (
          <>
            <section aria-labelledby="to-review">
              <h2 id="to-review">To review ({reviews.length.toLocaleString()})</h2>
              {reviews.length === 0 ? <p>Nothing waits for your review.</p> : <ReviewsTable tasks={reviews} />}
            </section>
            <section aria-labelledby="expiring">
              <h2 id="expiring">Quotes expiring within 7 days ({expiring.length.toLocaleString()})</h2>
              {expiring.length === 0 ? (
                <p>No quote of yours expires this week.</p>
              ) : (
                <RfqsTable
                  rows={expiring}
                  caption="Quotes expiring within 7 days, soonest first"
                  dateLabel="Valid until"
                  dateOf={(r) => (r.validUntil ? calendarDay(r.validUntil) : '—')}
                />
              )}
            </section>
            <section aria-labelledby="stalled">
              <h2 id="stalled">Approvals stalled for over a day ({stalled.length.toLocaleString()})</h2>
              {stalled.length === 0 ? (
                <p>No buyer approval has waited over a day.</p>
              ) : (
                <RfqsTable
                  rows={stalled}
                  caption="Purchases waiting in the buyer's approval chain for over a day, longest first"
                  dateLabel="Waiting since"
                  dateOf={(r) => when(r.updatedAt)}
                />
              )}
            </section>
          </>
        )}
      </Show>
    </>
  );
};

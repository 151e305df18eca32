import { problemText, type Schemas } from '../api/client.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { calendarDay, when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';

type Queue = Schemas['RepQueue'];
type Task = Queue['reviews'][number];
type RfqRow = Queue['expiring'][number];

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
 * a week, and purchases stuck in the buyer's approval chain for over a day — the three places a deal goes quiet. The
 * API answers only what is due (GET /me/queue), in one request.
 */
export const RepQueuePage = () => {
  const { api } = useSignedIn();
  const [loaded] = useLoad(async () => {
    const { data, error } = await api.GET('/me/queue');
    if (!data) throw new Error(problemText(error, 'Your queue could not be loaded.'));
    return data;
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

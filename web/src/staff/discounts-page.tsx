import { problemText } from '../api/client.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';

/** The sales manager's list: quotes a rep priced beyond their authority, waiting for the manager before they go out. */
export const DiscountsPage = () => {
  const { api } = useSignedIn();
  const [loaded] = useLoad(async () => {
    const { data, error } = await api.GET('/me/tasks');
    if (!data) throw new Error(problemText(error, 'Your discount approvals could not be loaded.'));
    return data.items.filter((t) => t.kind === 'discount-approval');
  }, []);
  return (
    <>
      <PageTitle>Discount approvals</PageTitle>
      <Show loaded={loaded}>
        {(tasks) =>
          tasks.length === 0 ? (
            <p>No discount waits for your approval.</p>
          ) : (
            <div class="table-scroll">
              <table class="list">
                <caption class="visually-hidden">Discounts waiting for your approval, soonest due first</caption>
                <thead>
                  <tr>
                    <th scope="col">RFQ</th>
                    <th scope="col">Company and rep</th>
                    <th scope="col" class="number">
                      Total
                    </th>
                    <th scope="col">Decide by</th>
                  </tr>
                </thead>
                <tbody>
                  {tasks.map((task) => (
                    <tr key={task.rfqId}>
                      <td>
                        <Link to={`review/${encodeURIComponent(task.rfqId)}`}>Decide on {task.rfqId}</Link>
                      </td>
                      <td data-label="Company and rep">
                        {task.rfq.companyName}
                        <div class="secondary">priced by {task.rfq.accountRepEmail}</div>
                      </td>
                      <td class="number" data-label="Total">
                        {money(task.rfq.total, task.rfq.currency)}
                      </td>
                      <td data-label="Decide by">{when(task.dueAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Show>
    </>
  );
};

import { problemText, type Schemas } from '../api/client.ts';
import { navigate } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { useLoad } from '../ui/load.ts';
import { Show } from '../ui/page.tsx';

export type CompanyListItem = Schemas['CompanyList']['items'][number];

/** The companies the caller may pick from (GET /companies: every one for the seller's admin, a rep's own accounts). */
export const useCompanies = () => {
  const { api } = useSignedIn();
  return useLoad(async () => {
    const { data, error } = await api.GET('/companies');
    if (!data) throw new Error(problemText(error, 'The companies could not be loaded.'));
    return data.items;
  }, []);
};

/**
 * Which company a page works on, chosen by name and kept in the address (`?company=acme`) so the page can be
 * bookmarked and reloaded; the page below it shows that company.
 */
export const CompanyPicker = (props: {
  path: string;
  companyId: string;
  children: (company: CompanyListItem) => preact.ComponentChildren;
}) => {
  const [companies] = useCompanies();
  return (
    <Show loaded={companies}>
      {(items) => {
        const chosen = items.find((c) => c.companyId === props.companyId);
        return (
          <>
            <form class="filters" aria-label="Choose a company" onSubmit={(event) => event.preventDefault()}>
              <label>
                Company
                <select
                  value={chosen?.companyId ?? ''}
                  onChange={(e) => navigate(`${props.path}?company=${encodeURIComponent(e.currentTarget.value)}`)}
                >
                  {!chosen && <option value="">Choose a company…</option>}
                  {items.map((c) => (
                    <option key={c.companyId} value={c.companyId}>
                      {c.name} ({c.companyId})
                    </option>
                  ))}
                </select>
              </label>
            </form>
            {chosen ? props.children(chosen) : <p>Choose the company to work on.</p>}
          </>
        );
      }}
    </Show>
  );
};

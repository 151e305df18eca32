import { useRef } from 'preact/hooks';
import { problemText } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { useLoad } from '../ui/load.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { Rules } from './approval-rules.tsx';
import { Budgets } from './budgets.tsx';
import { ChainPreview } from './chain-preview.tsx';
import { Users } from './people.tsx';
import './company.css';
import { t } from '../i18n/language.ts';

/**
 * One company's settings — its people and their roles, its approval rules, a preview of the chain they make, and its
 * budgets — for the company's own admin or the seller's admin; the API's policy answers each call.
 */
export const CompanySettings = (props: { companyId: string }) => {
  const { api } = useSignedIn();
  const { companyId } = props;
  // The company's revision as last read or saved: its people and rules are saved over it (If-Match, 412 when somebody
  // else saved since), so two admins never overwrite each other. Each save moves it on, before the page reloads.
  const revision = useRef<string | undefined>(undefined);
  const [loaded, reload] = useLoad(async () => {
    const path = { params: { path: { companyId } } };
    const [company, rules, budgets] = await Promise.all([
      api.GET('/companies/{companyId}', path),
      api.GET('/companies/{companyId}/approval-rules', path),
      api.GET('/companies/{companyId}/budgets', path),
    ]);
    if (!company.data) throw new Error(problemText(company.error, t('company.failed')));
    if (!rules.data) throw new Error(problemText(rules.error, t('company.rulesFailed')));
    if (!budgets.data) throw new Error(problemText(budgets.error, t('company.budgetsFailed')));
    revision.current = company.response.headers.get('etag') ?? undefined;
    return { company: company.data, rules: rules.data.rules, budgets: budgets.data };
  }, [companyId]);
  return (
    <Show loaded={loaded}>
      {({ company, rules, budgets }) => (
        <>
          <Users company={company} revision={revision} onSaved={reload} onReload={reload} />
          <Rules company={company} rules={rules} revision={revision} onSaved={reload} onReload={reload} />
          <ChainPreview company={company} />
          <Budgets company={company} budgets={budgets} onSaved={reload} />
        </>
      )}
    </Show>
  );
};

/** The company's own admin: their company's settings. */
export const CompanySettingsPage = () => {
  const { me } = useSignedIn();
  return (
    <>
      <PageTitle>{t('section.companySettings')}</PageTitle>
      <CompanySettings companyId={me.companyId ?? ''} />
    </>
  );
};

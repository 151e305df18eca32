import type { ComponentChildren } from 'preact';
import { CatalogPage } from './catalog/catalog-page.tsx';
import { OrderPage } from './orders/order-page.tsx';
import { OrdersPage } from './orders/orders-page.tsx';
import { MyRfqsPage } from './rfqs/my-rfqs-page.tsx';
import { NewRfqPage } from './rfqs/new-rfq-page.tsx';
import { RfqPage } from './rfqs/rfq-page.tsx';
import { Link, useLocation } from './router.tsx';
import { approvalsSection, companySettingsSection, dashboardSection } from './sections.ts';
import { useSignedIn } from './signed-in.ts';
import { lazyPage } from './ui/lazy-page.tsx';
import { useLoad } from './ui/load.ts';
import { PageTitle } from './ui/page.tsx';

const ApprovalsPage = lazyPage(() => import('./approvals/approvals-page.tsx').then((m) => m.ApprovalsPage));
const CompanySettingsPage = lazyPage(() =>
  import('./company/company-settings-page.tsx').then((m) => m.CompanySettingsPage),
);
const DashboardPage = lazyPage(() => import('./kpis/dashboard-page.tsx').then((m) => m.DashboardPage));
const QuotePdfPage = lazyPage(() => import('./rfqs/quote-pdf.tsx').then((m) => m.QuotePdfPage));

const sections = [
  { to: '', label: 'Catalog' },
  { to: 'rfqs/new', label: 'New RFQ' },
  { to: 'rfqs', label: 'My RFQs' },
  { to: 'orders', label: 'My orders' },
] as const;

const sectionOf = (path: string): string =>
  path === 'rfqs/new' ? 'rfqs/new' : path.startsWith('rfqs') ? 'rfqs' : path.startsWith('orders') ? 'orders' : '';

/** The buyer's pages, by path under /app/. */
const Page = (props: { path: string; query: URLSearchParams }) => {
  const { path, query } = props;
  if (path === approvalsSection.to) return <ApprovalsPage />;
  if (path === dashboardSection.to) return <DashboardPage />;
  if (path === companySettingsSection.to) return <CompanySettingsPage />;
  if (path === '') return <CatalogPage q={query.get('q') ?? ''} category={query.get('category') ?? ''} />;
  if (path === 'rfqs') return <MyRfqsPage status={query.get('status') ?? ''} q={query.get('q') ?? ''} />;
  if (path === 'rfqs/new') return <NewRfqPage />;
  if (path === 'orders') return <OrdersPage />;
  const [section, id, more] = path.split('/');
  if (section === 'rfqs' && id && !more) return <RfqPage rfqId={decodeURIComponent(id)} />;
  if (section === 'rfqs' && id && more === 'pdf') return <QuotePdfPage rfqId={decodeURIComponent(id)} />;
  if (section === 'orders' && id && !more) return <OrderPage orderId={decodeURIComponent(id)} />;
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <p>
        There is no such page. <Link to="">Go to the catalog</Link>
      </p>
    </>
  );
};

/** The person's company by name (the catalog answers it for the caller's company); its id until that arrives. */
const useCompanyName = (): string | undefined => {
  const { api, person } = useSignedIn();
  const [loaded] = useLoad(async () => {
    if (!person.companyId) return undefined;
    const { data } = await api.GET('/catalog', { params: { query: { limit: 1 } } });
    return data?.companyName;
  }, [person.companyId]);
  return loaded.state === 'ready' ? (loaded.value ?? person.companyId) : person.companyId;
};

/** A section of the app in the main navigation. */
export interface Section {
  to: string;
  label: string;
}

export const Layout = (props: { children: ComponentChildren; sections: readonly Section[]; current?: string }) => {
  const { person, session } = useSignedIn();
  const companyName = useCompanyName();
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <span class="brand">Quote to order</span>
        <nav aria-label="Main">
          <ul>
            {props.sections.map((s) => (
              <li key={s.to}>
                <Link to={s.to} {...(props.current === s.to && { 'aria-current': 'page' as const })}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            {person.name}
            {companyName && <span class="secondary"> · {companyName}</span>}
          </span>
          <button type="button" class="link" onClick={() => session.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">{props.children}</main>
    </>
  );
};

export const App = () => {
  const { path, query } = useLocation();
  const { person } = useSignedIn();
  return (
    <Layout
      sections={[
        ...sections,
        ...approvalsSection.for(person),
        ...dashboardSection.for(person),
        ...companySettingsSection.for(person),
      ]}
      current={
        [approvalsSection.to, dashboardSection.to, companySettingsSection.to].includes(path) ? path : sectionOf(path)
      }
    >
      <Page path={path} query={query} />
    </Layout>
  );
};

/** Signed in, but neither at a buyer company nor on the seller's staff: nothing here is theirs, and they are told so. */
export const NoAccess = (props: { email: string; onSignOut: () => void }) => (
  <main id="main" class="centered">
    <PageTitle>No access</PageTitle>
    <p>
      You are signed in as <strong>{props.email}</strong>, but this account is neither a buyer or approver at a customer
      company nor a rep, sales manager or administrator of the seller, so there is nothing to show.
    </p>
    <p>Ask your company's administrator or your account rep to add you, then sign in again.</p>
    <button type="button" onClick={props.onSignOut}>
      Sign out
    </button>
  </main>
);

export const SignedOut = (props: { onSignIn: () => void; message?: string }) => (
  <main id="main" class="centered">
    <PageTitle>Quote to order</PageTitle>
    <p>
      {props.message ?? 'Request quotes at your contract prices, follow them, and accept them with your PO number.'}
    </p>
    <button type="button" onClick={props.onSignIn}>
      Sign in
    </button>
  </main>
);

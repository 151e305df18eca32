import { useEffect } from 'preact/hooks';
import { CompaniesPage } from '../admin/companies-page.tsx';
import { ContractsPage } from '../admin/contracts-page.tsx';
import { ProductsPage } from '../admin/products-page.tsx';
import { Layout, type Section } from '../app.tsx';
import type { Person } from '../auth/session.ts';
import { ReviewPage } from '../review/review-page.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { dashboardSection } from '../sections.ts';
import { useSignedIn } from '../signed-in.ts';
import { lazyPage } from '../ui/lazy-page.tsx';
import { PageTitle } from '../ui/page.tsx';
import { DiscountsPage } from './discounts-page.tsx';
import { RepQueuePage } from './rep-queue-page.tsx';
import { SubmitForBuyerPage } from './submit-for-buyer-page.tsx';

const DashboardPage = lazyPage(() => import('../kpis/dashboard-page.tsx').then((m) => m.DashboardPage));

/** The seller's staff sections, by role: a rep works from the queue, a sales manager from discounts, an admin from data. */
const sectionsOf = (person: Person): Section[] => [
  ...(person.groups.includes('rep')
    ? [
        { to: 'queue', label: 'My queue' },
        { to: 'rfqs/new', label: 'New RFQ for a customer' },
      ]
    : []),
  ...(person.groups.includes('sales-manager') ? [{ to: 'discounts', label: 'Discount approvals' }] : []),
  ...(person.groups.includes('admin')
    ? [
        { to: 'admin/products', label: 'Products' },
        { to: 'admin/contracts', label: 'Contracts' },
        { to: 'admin/companies', label: 'Companies' },
      ]
    : []),
  ...dashboardSection.for(person),
];

const Page = (props: { path: string; home: string }) => {
  const { path } = props;
  if (path === 'queue') return <RepQueuePage />;
  if (path === 'rfqs/new') return <SubmitForBuyerPage />;
  if (path === 'discounts') return <DiscountsPage />;
  if (path === 'admin/products') return <ProductsPage />;
  if (path === 'admin/contracts') return <ContractsPage />;
  if (path === 'admin/companies') return <CompaniesPage />;
  if (path === dashboardSection.to) return <DashboardPage />;
  const [section, id, more] = path.split('/');
  if (section === 'review' && id && !more) return <ReviewPage rfqId={decodeURIComponent(id)} />;
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <p>
        There is no such page. <Link to={props.home}>Go to your start page</Link>
      </p>
    </>
  );
};

/** Reps, sales managers and seller admins: each lands on their own start page. */
export const StaffApp = () => {
  const { path } = useLocation();
  const { person } = useSignedIn();
  const sections = sectionsOf(person);
  const home = sections[0]?.to ?? '';
  useEffect(() => {
    if (path === '' && home) navigate(home, { replace: true });
  }, [path, home]);
  const current = path.startsWith('review/') ? undefined : sections.find((s) => path === s.to)?.to;
  return (
    <Layout sections={sections} {...(current && { current })}>
      {path === '' ? null : <Page path={path} home={home} />}
    </Layout>
  );
};

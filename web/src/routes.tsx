import type { ComponentChildren } from 'preact';
import type { Schemas } from './api/client.ts';
import { CatalogPage } from './catalog/catalog-page.tsx';
import type { AppMessage } from './i18n/en.ts';
import { OrderPage } from './orders/order-page.tsx';
import { OrdersPage } from './orders/orders-page.tsx';
import { matchPath, type ParamsOf } from './path-pattern.ts';
import { MyRfqsPage } from './rfqs/my-rfqs-page.tsx';
import { NewRfqPage } from './rfqs/new-rfq-page.tsx';
import { RfqPage } from './rfqs/rfq-page.tsx';
import { lazyPage } from './ui/lazy-page.tsx';

/** A part of the app a person may open, as GET /me names it from the access policy. */
export type AppSection = Schemas['Me']['sections'][number];

/**
 * Pages that come as their own download the first time they are opened: a buyer's phone fetches only the pages buyers
 * use first; staff screens, the dashboard's charts and the settings pages come when someone opens them.
 */
const ApprovalsPage = lazyPage(() => import('./approvals/approvals-page.tsx').then((m) => m.ApprovalsPage));
const CompanySettingsPage = lazyPage(() =>
  import('./company/company-settings-page.tsx').then((m) => m.CompanySettingsPage),
);
const CompaniesPage = lazyPage(() => import('./admin/companies-page.tsx').then((m) => m.CompaniesPage));
const IntegrationsPage = lazyPage(() => import('./admin/integrations-page.tsx').then((m) => m.IntegrationsPage));
const WebhooksPage = lazyPage(() => import('./admin/webhooks-page.tsx').then((m) => m.WebhooksPage));
const ContractsPage = lazyPage(() => import('./admin/contracts-page.tsx').then((m) => m.ContractsPage));
const DashboardPage = lazyPage(() => import('./kpis/dashboard-page.tsx').then((m) => m.DashboardPage));
const DiscountsPage = lazyPage(() => import('./staff/discounts-page.tsx').then((m) => m.DiscountsPage));
const ProductsPage = lazyPage(() => import('./admin/products-page.tsx').then((m) => m.ProductsPage));
const QuotePdfPage = lazyPage(() => import('./rfqs/quote-pdf-page.tsx').then((m) => m.QuotePdfPage));
const RepQueuePage = lazyPage(() => import('./staff/rep-queue-page.tsx').then((m) => m.RepQueuePage));
const ReviewPage = lazyPage(() => import('./review/review-page.tsx').then((m) => m.ReviewPage));
const SubmitForBuyerPage = lazyPage(() =>
  import('./staff/submit-for-buyer-page.tsx').then((m) => m.SubmitForBuyerPage),
);

/** Each section's place in the menu: where it starts and what it is called (a key of the app's catalogs). */
export const sectionLinks: Record<AppSection, { to: string; label: AppMessage }> = {
  catalog: { to: '', label: 'section.catalog' },
  'new-rfq': { to: 'rfqs/new', label: 'section.newRfq' },
  'my-rfqs': { to: 'rfqs', label: 'section.myRfqs' },
  'my-orders': { to: 'orders', label: 'section.myOrders' },
  approvals: { to: 'approvals', label: 'section.approvals' },
  queue: { to: 'queue', label: 'section.queue' },
  'submit-for-buyer': { to: 'rfqs/new', label: 'section.submitForBuyer' },
  discounts: { to: 'discounts', label: 'section.discounts' },
  products: { to: 'admin/products', label: 'section.products' },
  contracts: { to: 'admin/contracts', label: 'section.contracts' },
  companies: { to: 'admin/companies', label: 'section.companies' },
  integrations: { to: 'admin/integrations', label: 'section.integrations' },
  'customer-orders': { to: 'orders', label: 'section.customerOrders' },
  dashboard: { to: 'dashboard', label: 'section.dashboard' },
  'company-settings': { to: 'company', label: 'section.companySettings' },
};

export interface AppRoute {
  pattern: string;
  /** Whose page it is: a person with one of these sections may open it, and the menu marks the first they have. */
  sections: readonly AppSection[];
  /** The page for a path that fits the pattern; undefined for one that does not. */
  pageFor: (path: string, query: URLSearchParams) => ComponentChildren | undefined;
}

const route = <P extends string>(
  pattern: P,
  sections: readonly AppSection[],
  page: (params: ParamsOf<P>, query: URLSearchParams) => ComponentChildren,
): AppRoute => ({
  pattern,
  sections,
  pageFor: (path, query) => {
    const params = matchPath(pattern, path);
    return params && page(params, query);
  },
});

/** Every page of the app, by path under /app/; the first that fits the path and is the person's is shown. */
export const routes: readonly AppRoute[] = [
  route('', ['catalog'], (_, query) => <CatalogPage q={query.get('q') ?? ''} category={query.get('category') ?? ''} />),
  route('rfqs/new', ['new-rfq'], () => <NewRfqPage />),
  route('rfqs/new', ['submit-for-buyer'], () => <SubmitForBuyerPage />),
  route('rfqs', ['my-rfqs'], (_, query) => <MyRfqsPage status={query.get('status') ?? ''} q={query.get('q') ?? ''} />),
  route('rfqs/:rfqId', ['my-rfqs'], ({ rfqId }) => <RfqPage rfqId={rfqId} />),
  route('rfqs/:rfqId/pdf', ['my-rfqs'], ({ rfqId }) => <QuotePdfPage rfqId={rfqId} />),
  route('orders', ['my-orders'], () => <OrdersPage />),
  route('orders', ['customer-orders'], () => <OrdersPage customers />),
  route('orders/:orderId', ['my-orders', 'customer-orders'], ({ orderId }) => <OrderPage orderId={orderId} />),
  route('approvals', ['approvals'], () => <ApprovalsPage />),
  route('queue', ['queue'], () => <RepQueuePage />),
  route('discounts', ['discounts'], () => <DiscountsPage />),
  route('review/:rfqId', ['queue', 'discounts'], ({ rfqId }) => <ReviewPage rfqId={rfqId} />),
  route('admin/products', ['products'], () => <ProductsPage />),
  route('admin/contracts', ['contracts'], (_, query) => <ContractsPage companyId={query.get('company') ?? ''} />),
  route('admin/companies', ['companies'], (_, query) => <CompaniesPage companyId={query.get('company') ?? ''} />),
  route('admin/integrations', ['integrations'], () => <IntegrationsPage />),
  route('admin/integrations/:integrationId', ['integrations'], ({ integrationId }) => (
    <WebhooksPage integrationId={integrationId} />
  )),
  route('dashboard', ['dashboard'], () => <DashboardPage />),
  route('company', ['company-settings'], () => <CompanySettingsPage />),
];

/** The page a person sees at a path, and the section the menu marks; undefined when no page there is theirs. */
export const pageAt = (
  path: string,
  query: URLSearchParams,
  sections: readonly AppSection[],
): { page: ComponentChildren; section: AppSection | undefined } | undefined => {
  for (const r of routes) {
    const section = r.sections.find((s) => sections.includes(s));
    if (!section) continue;
    const page = r.pageFor(path, query);
    if (page !== undefined) return { page, section };
  }
  return undefined;
};

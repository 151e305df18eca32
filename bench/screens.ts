import { randomUUID } from 'node:crypto';
import { chromium, type Page } from 'playwright-core';
import { demoPassword, demoUser } from '#local/seed/seed.ts';
import type { LocalStack } from '#local/stack.ts';
import type { Benchmark, Sized } from './benchmark.ts';
import { median, ms } from './samples.ts';

/**
 * How long each screen of each role takes to appear in Chromium on the local stack: from the navigation (the app's
 * own, as a menu link does it) until the screen's heading is there and nothing on it is still loading
 * (`aria-busy`) — what a person waits for after a click. The first visit of a screen (its code chunk, a cold API)
 * is reported apart; a whole page load (opening a link from an email, the app booting) is reported, not judged.
 */
const sizes: Sized<{ rounds: number; roles: number }> = {
  full: { rounds: 7, roles: Number.POSITIVE_INFINITY },
  quick: { rounds: 1, roles: 1 },
};
const TARGET_MS = 200;

/**
 * A screen: where it is under /app/ and the heading that says it is there. Each person has two screens at least, and
 * no two in a row share a heading, so every timed navigation changes what is shown.
 */
type Screen = { name: string; path: string; title: RegExp };
type Rfqs = { inReview: string; ordered: string; orderId: string };

const roles = (r: Rfqs): { email: string; screens: Screen[] }[] => [
  {
    email: 'dana@acme.example',
    screens: [
      { name: 'catalog', path: '', title: /^Catalog/ },
      { name: 'new RFQ', path: 'rfqs/new', title: /^New RFQ$/ },
      { name: 'my RFQs', path: 'rfqs', title: /^My RFQs$/ },
      { name: 'an RFQ in review', path: `rfqs/${r.inReview}`, title: /^Request for quote/ },
      { name: 'an ordered RFQ', path: `rfqs/${r.ordered}`, title: /^Order/ },
      { name: 'my orders', path: 'orders', title: /^My orders$/ },
      { name: 'an order', path: `orders/${r.orderId}`, title: /^Order/ },
    ],
  },
  {
    email: 'riley@northwind.example',
    screens: [
      { name: 'my queue', path: 'queue', title: /^My queue$/ },
      { name: 'a review', path: `review/${r.inReview}`, title: /^Review/ },
      { name: 'dashboard', path: 'dashboard', title: /^Dashboard/ },
    ],
  },
  {
    email: 'sam@acme.example',
    screens: [
      { name: 'approvals', path: 'approvals', title: /^Approvals waiting for you$/ },
      // Not the catalog: opened as a whole page, /app/ takes an approver who does not buy to their approvals.
      { name: 'my RFQs', path: 'rfqs', title: /^My RFQs$/ },
    ],
  },
  {
    email: 'chris@acme.example',
    screens: [
      { name: 'company settings', path: 'company', title: /^Company settings$/ },
      { name: 'dashboard', path: 'dashboard', title: /^Dashboard/ },
    ],
  },
  {
    email: 'taylor@northwind.example',
    screens: [
      { name: 'discount approvals', path: 'discounts', title: /^Discount approvals$/ },
      { name: 'dashboard', path: 'dashboard', title: /^Dashboard/ },
    ],
  },
  {
    email: 'ops@northwind.example',
    screens: [
      { name: 'products', path: 'admin/products', title: /^Products$/ },
      { name: 'contracts', path: 'admin/contracts?company=acme', title: /^Contracts$/ },
      { name: 'companies', path: 'admin/companies?company=acme', title: /^Companies$/ },
    ],
  },
];

/** The API as a signed-in person calls it, retried while the workflow is still getting there (409 "still being sent"). */
const caller = (stack: LocalStack, email: string) => {
  const user = demoUser(email);
  const token = stack.tokenFor({
    email: user.email,
    groups: user.groups,
    ...(user.companyId && { companyId: user.companyId }),
  });
  return async (method: string, path: string, body?: object) => {
    const response = await fetch(`${stack.urls.api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token}`,
        'content-type': 'application/json',
        ...(method === 'POST' && path === '/rfqs' && { 'idempotency-key': randomUUID() }),
      },
      ...(body && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  };
};

/** Polls until `found` answers something: the workflow moves an RFQ in its own time. */
const until = async <T>(what: string, found: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Two of Acme's RFQs through the API: one waiting for the rep's review, one reviewed, accepted and ordered. */
const stageRfqs = async (stack: LocalStack): Promise<Rfqs> => {
  const buyer = caller(stack, 'dana@acme.example');
  const rep = caller(stack, 'riley@northwind.example');
  // Under Acme's approval thresholds: accepted, it is ordered at once.
  const lines = [
    { sku: 'ELE-CBL-C6-10', quantity: 12 },
    { sku: 'SAF-HAT-WHT', quantity: 20 },
    { sku: 'FAS-HCS-M8-50', quantity: 200 },
  ];
  const submit = async () => (await buyer('POST', '/rfqs', { lines })).body.rfqId as string;
  const [inReview, ordered] = await Promise.all([submit(), submit()]);
  const reached = (rfqId: string, status: string) =>
    until(`${rfqId} ${status}`, async () => {
      const { body } = await buyer('GET', `/rfqs/${rfqId}`);
      return body.status === status ? body : undefined;
    });
  await reached(inReview, 'IN_REVIEW');
  await until(`the rep's review of ${ordered}`, async () => {
    const { version } = (await rep('GET', `/rfqs/${ordered}`)).body;
    const answer = await rep('POST', `/rfqs/${ordered}/review`, { decision: 'approve', quoteVersion: version });
    return answer.status === 202 ? true : undefined;
  });
  const { version } = await reached(ordered, 'QUOTED');
  const accepted = await buyer('POST', `/rfqs/${ordered}/accept`, { poNumber: 'PO-BENCH-1', quoteVersion: version });
  if (accepted.status !== 202) throw new Error(`accepting ${ordered}: HTTP ${accepted.status}`);
  const { orderId } = await reached(ordered, 'ORDERED');
  return { inReview, ordered, orderId: orderId as string };
};

/**
 * Navigates inside the app as its router does (pushState and popstate: what a Link's click runs) and times, in the
 * page's own clock, until the heading matches and nothing is busy — polled each frame, so within a frame of it.
 */
const appears = (page: Page, screen: Screen): Promise<number> =>
  // No named function inside: tsx would wrap it in a helper (__name) the page does not have.
  page.evaluate(
    async ({ to, title }) => {
      const w = globalThis as unknown as {
        history: { pushState(state: null, unused: string, url: string): void };
        dispatchEvent(event: unknown): void;
        PopStateEvent: new (type: string) => unknown;
        requestAnimationFrame(callback: () => void): void;
        document: { querySelector(selector: string): { textContent: string | null } | null };
      };
      const heading = new RegExp(title);
      const started = performance.now();
      w.history.pushState(null, '', to);
      w.dispatchEvent(new w.PopStateEvent('popstate'));
      for (;;) {
        const h1 = w.document.querySelector('h1')?.textContent?.trim() ?? '';
        if (heading.test(h1) && !w.document.querySelector('[aria-busy="true"]')) return performance.now() - started;
        if (performance.now() - started > 30_000) throw new Error(`${to}: the heading still reads "${h1}"`);
        await new Promise<void>((resolve) => w.requestAnimationFrame(resolve));
      }
    },
    { to: `/app/${screen.path}`, title: screen.title.source },
  );

/** A whole page load (the app boots, restores the session, asks GET /me, loads the screen), timed the same way. */
const loads = async (page: Page, app: string, screen: Screen): Promise<number> => {
  const started = performance.now();
  await page.goto(`${app}${screen.path}`, { waitUntil: 'commit' });
  await page.waitForFunction(
    (title) => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } })
        .document;
      return (
        new RegExp(title).test(d.querySelector('h1')?.textContent?.trim() ?? '') &&
        !d.querySelector('[aria-busy="true"]')
      );
    },
    screen.title.source,
    { timeout: 30_000, polling: 'raf' },
  );
  return performance.now() - started;
};

export const screens: Benchmark = {
  name: 'screens',
  title: 'Each screen of each role appears in the browser (Chromium, local stack)',
  async run({ mode, stack: startStack, progress }) {
    const { rounds, roles: roleCount } = sizes[mode];
    const stack = await startStack();
    progress('staging an RFQ in review and an ordered one');
    const rfqs = await stageRfqs(stack);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
    });
    const rows: (string | number)[][] = [];
    const worst: { screen: string; median: number }[] = [];
    try {
      for (const role of roles(rfqs).slice(0, roleCount)) {
        progress(`${role.email}: signing in`);
        const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
        await page.goto(stack.urls.app);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByLabel('Email').fill(role.email);
        await page.getByLabel('Password').fill(demoPassword);
        await page.keyboard.press('Enter');
        await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });
        // The first visit of each screen: its code and the API's first answers are still cold. The screen the person
        // landed on after signing in was shown already: it has no first visit to time.
        const at = new URL(page.url());
        const landed = `${at.pathname.replace(/^\/app\/?/, '')}${at.search}`;
        const first = new Map<string, number>();
        for (const screen of role.screens.filter((s) => s.path !== landed))
          first.set(screen.name, await appears(page, screen));
        const samples = new Map<string, number[]>(role.screens.map((s) => [s.name, []]));
        for (let round = 0; round < rounds; round++)
          for (const screen of role.screens) samples.get(screen.name)!.push(await appears(page, screen));
        progress(`${role.email}: ${role.screens.length} screens × ${rounds}`);
        for (const screen of role.screens) {
          const taken = samples.get(screen.name)!;
          const loaded = await loads(page, stack.urls.app, screen);
          const shown = median(taken);
          worst.push({ screen: `${screen.name} (${role.email})`, median: shown });
          rows.push([
            role.email,
            screen.name,
            first.has(screen.name) ? ms(first.get(screen.name)!) : 'shown on sign-in',
            ms(shown),
            ms(Math.max(...taken)),
            ms(loaded),
          ]);
        }
        await page.context().close();
      }
    } finally {
      await browser.close();
    }
    const slowest = worst.reduce((a, b) => (b.median > a.median ? b : a));
    return {
      name: 'screens',
      tables: [
        {
          title: 'Time until a screen appears: its heading shown and nothing on it loading (Chromium, 1366 × 900)',
          columns: ['person', 'screen', 'first visit', `median of ${rounds}`, 'max', 'whole page load'],
          rows,
          notes: [
            'navigated inside the app as a menu link does; timed in the page from the navigation to the settled screen',
            'first visit: the screen’s code and the API’s first answers cold; whole page load: opening it from a link (the app boots, restores the session, GET /me), once',
          ],
        },
      ],
      targets: [
        {
          target: `each screen appears within ${TARGET_MS} ms (median, inside the app)`,
          measured: `slowest ${slowest.screen}: ${ms(slowest.median)}`,
          pass: slowest.median <= TARGET_MS,
        },
      ],
      data: { rows, targetMs: TARGET_MS },
    };
  },
};

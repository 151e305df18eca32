import type { Role } from '#domain/company.ts';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { formatMoney } from '#domain/money-format.ts';
import { openInbox } from './inbox.ts';
import { demoUser } from './seed/seed.ts';

/**
 * The demo, as people would live it: Dana (Acme's buyer) asks for a quote over the API; Riley (the rep) approves it
 * from the link in the review email, pricing the scanners a little lower; Dana asks for a revision — ten more
 * scanners, at a better price — and Riley answers in the thread, then prices the revision from the new review email;
 * Dana reads what changed and accepts with a PO number; the order is over $5,000, so a team lead and then finance
 * approve from their email links; the RFQ becomes an order. Each link is opened first (GET, which decides nothing)
 * and then decided with the page's form, exactly as a browser would post it.
 */
export interface DemoTarget {
  /** The API base URL (also the base of every email link). */
  api: string;
  /** The local SES endpoint; `GET {ses}/store` lists the mail sent. */
  ses: string;
  tokenFor(user: { email: string; groups: Role[]; companyId?: string }): Promise<string>;
}

export interface TimelineEntry {
  at: Date;
  status: RfqStatus | '—';
  who: string;
  what: string;
}

export interface DemoResult {
  rfqId: string;
  orderId: string;
  status: RfqStatus;
  total: string;
  timeline: TimelineEntry[];
}

interface RfqView {
  rfqId: string;
  /** The quote's lines, with the ids revisions and edits name. */
  lines: { lineId: string; sku: string; quantity: number; unitPrice: number | null }[];
  status: RfqStatus;
  currency: string;
  /** The current quote's version and amounts, flattened onto the RFQ view. */
  version: number | null;
  total: number | null;
  validUntil: string | null;
  approvals: { level: number; mode: 'any' | 'all'; approvers: string[] }[];
  orderId: string | null;
}

interface VersionChange {
  sku: string;
  field: string;
  from: unknown;
  to: unknown;
  by: string;
}

/** A change's value as a person reads it: prices in dollars, the rest as they are. */
const shown = (change: VersionChange, value: unknown, currency: string): string => {
  if (value === null || value === undefined) return 'none';
  return /price/i.test(change.field) && typeof value === 'number' ? formatMoney(value, currency) : String(value);
};

const pollMs = 100;

export const until = async <T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
};

export const json = async <T>(response: Response, what: string): Promise<T> => {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
};

/** Drives one RFQ to ORDERED against `target`, calling `print` with each step as it happens. */
export const runDemo = async (
  target: DemoTarget,
  print: (entry: TimelineEntry) => void = () => undefined,
  options: { timeoutMs?: number } = {},
): Promise<DemoResult> => {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const timeline: TimelineEntry[] = [];
  const note = (status: TimelineEntry['status'], who: string, what: string) => {
    const entry = { at: new Date(), status, who, what };
    timeline.push(entry);
    print(entry);
  };

  const buyer = demoUser('dana@acme.example');
  const rep = demoUser('riley@northwind.example');
  const token = async (email: string) => {
    const user = demoUser(email);
    return target.tokenFor({
      email: user.email,
      groups: user.groups,
      ...(user.companyId && { companyId: user.companyId }),
    });
  };
  const buyerToken = await token(buyer.email);
  const repToken = await token(rep.email);

  const api = (path: string, init: RequestInit & { as: string }) =>
    fetch(`${target.api}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${init.as}`, 'content-type': 'application/json', ...init.headers },
    });
  const getRfq = async (rfqId: string) =>
    json<RfqView>(await api(`/rfqs/${rfqId}`, { as: repToken }), 'GET /rfqs/{rfqId}');
  const money = (rfq: RfqView) => (rfq.total === null ? '' : formatMoney(rfq.total, rfq.currency));
  const describe = (rfq: RfqView): string => {
    if (rfq.status === 'QUOTED') return `quote v${rfq.version}: ${money(rfq)}, valid until ${rfq.validUntil}`;
    if (rfq.status === 'PENDING_APPROVAL') {
      const levels = rfq.approvals.map((a) => `L${a.level} ${a.mode} of ${a.approvers.join(', ')}`);
      return `${money(rfq)} needs ${levels.join(' → ')}`;
    }
    if (rfq.status === 'ORDERED') return `${money(rfq)} → order ${rfq.orderId}`;
    return money(rfq);
  };
  const reach = async (rfqId: string, status: RfqStatus): Promise<RfqView> => {
    const rfq = await until(`${rfqId} to be ${status}`, timeoutMs, async () => {
      const view = await getRfq(rfqId);
      if (view.status === status) return view;
      if (['REJECTED', 'DECLINED', 'APPROVAL_REJECTED', 'EXPIRED', 'CANCELLED', 'FAILED'].includes(view.status))
        throw new Error(`${rfqId} ended ${view.status} while waiting for ${status}`);
      return undefined;
    });
    note(status, 'workflow', describe(rfq));
    return rfq;
  };

  const inbox = openInbox(target.ses);
  const seen = new Set<string>();
  const linkFromInbox = async (to: string, rfqId: string): Promise<{ url: string; subject: string }> =>
    until(`an email to ${to} about ${rfqId}`, timeoutMs, async () => {
      const mail = (await inbox.emailsTo(to)).find(
        (m) => !seen.has(m.messageId) && `${m.subject}\n${m.text}`.includes(rfqId) && inbox.linksIn(m).length > 0,
      );
      if (!mail) return undefined;
      seen.add(mail.messageId);
      const [url] = inbox.linksIn(mail);
      return url ? { url, subject: mail.subject } : undefined;
    });

  /** What a person does with the email: open the link, read the page, press Approve (the page's form). */
  const approveFromEmail = async (to: string, rfqId: string, prices: Record<string, string> = {}): Promise<void> => {
    const { url, subject } = await linkFromInbox(to, rfqId);
    const page = await fetch(url);
    if (page.status !== 200) throw new Error(`${to} opened the link from "${subject}": HTTP ${page.status}`);
    const pageHtml = await page.text();
    if (!pageHtml.includes(rfqId)) throw new Error(`the page behind "${subject}" does not show ${rfqId}`);
    const decided = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...Object.fromEntries(Object.entries(prices).map(([sku, price]) => [`price:${sku}`, price])),
        decision: 'approve',
      }).toString(),
    });
    if (!decided.ok)
      throw new Error(
        `${to} approving from "${subject}": HTTP ${decided.status} ${(await decided.text()).slice(0, 300)}`,
      );
    const adjusted = Object.entries(prices).map(([sku, price]) => `${sku} at ${price}`);
    note('—', to, `approved from the email "${subject}"${adjusted.length ? `, pricing ${adjusted.join(', ')}` : ''}`);
  };

  const submitted = await json<{ rfqId: string; status: RfqStatus }>(
    await api('/rfqs', {
      as: buyerToken,
      method: 'POST',
      headers: { 'idempotency-key': `demo-${Date.now()}-${Math.random().toString(36).slice(2)}` },
      body: JSON.stringify({
        lines: [
          { sku: 'FAS-HCS-M8-50', quantity: 250 },
          { sku: 'SAF-GLV-NIT-L', quantity: 120 },
          { sku: 'ELE-SCN-2D', quantity: 20 },
        ],
        note: 'Q3 restock for the Dayton plant',
      }),
    }),
    'POST /rfqs',
  );
  const { rfqId } = submitted;
  note(submitted.status, buyer.email, `submitted ${rfqId}: 3 lines`);

  await reach(rfqId, 'IN_REVIEW');
  // Within Riley's 10% authority (contract $172.00, floor $154.80), so no sales-manager approval is needed.
  await approveFromEmail(rep.email, rfqId, { 'ELE-SCN-2D': '165.00' });
  const quoted = await reach(rfqId, 'QUOTED');

  const scanners = quoted.lines.find((l) => l.sku === 'ELE-SCN-2D');
  if (!scanners) throw new Error(`quote v${quoted.version} of ${rfqId} has no ELE-SCN-2D line`);
  const asked = 'Could we make it 30 scanners, at $160.00 each? The Dayton line is adding a shift.';
  await json(
    await api(`/rfqs/${rfqId}/revise`, {
      as: buyerToken,
      method: 'POST',
      body: JSON.stringify({
        comment: asked,
        quoteVersion: quoted.version,
        lines: [{ lineId: scanners.lineId, quantity: 30, targetUnitPrice: 160_00 }],
      }),
    }),
    'POST /rfqs/{rfqId}/revise',
  );
  note('—', buyer.email, `asked for a revision of v${quoted.version}: “${asked}”`);
  await reach(rfqId, 'IN_REVIEW');

  const answer = '30 at $160.00 works for us; the gloves and bolts stay at your contract prices.';
  await json(
    await api(`/rfqs/${rfqId}/comments`, { as: repToken, method: 'POST', body: JSON.stringify({ text: answer }) }),
    'POST /rfqs/{rfqId}/comments',
  );
  note('—', rep.email, `answered in the thread: “${answer}”`);
  // $160.00 is still within Riley's authority (floor $154.80).
  await approveFromEmail(rep.email, rfqId, { 'ELE-SCN-2D': '160.00' });
  const revised = await reach(rfqId, 'QUOTED');

  const versions = await json<{ items: { version: number; changes: VersionChange[] }[] }>(
    await api(`/rfqs/${rfqId}/versions`, { as: buyerToken }),
    'GET /rfqs/{rfqId}/versions',
  );
  const changes = versions.items
    .filter((v) => v.version > (quoted.version ?? 0))
    .flatMap((v) => v.changes)
    .map(
      (c) =>
        `${c.sku} ${c.field} ${shown(c, c.from, revised.currency)} → ${shown(c, c.to, revised.currency)} (${c.by})`,
    );
  note('—', buyer.email, `reads what changed since v${quoted.version}: ${changes.join('; ')}`);

  const poNumber = `PO-${new Date().getUTCFullYear()}-${String(Date.now()).slice(-5)}`;
  await json(
    await api(`/rfqs/${rfqId}/accept`, {
      as: buyerToken,
      method: 'POST',
      body: JSON.stringify({ poNumber, quoteVersion: revised.version }),
    }),
    'POST /rfqs/{rfqId}/accept',
  );
  note('—', buyer.email, `accepted quote v${revised.version} with ${poNumber}`);

  await reach(rfqId, 'PENDING_APPROVAL');
  // Level 1 is "any of two team leads": the first click decides; level 2 is finance.
  await approveFromEmail('sam@acme.example', rfqId);
  await approveFromEmail('morgan@acme.example', rfqId);
  const ordered = await reach(rfqId, 'ORDERED');
  if (!ordered.orderId) throw new Error(`${rfqId} is ORDERED without an orderId`);

  const order = await json<{ orderId: string; total: number; currency: string; poNumber: string }>(
    await api(`/orders/${ordered.orderId}`, { as: buyerToken }),
    'GET /orders/{orderId}',
  );
  note(
    'ORDERED',
    buyer.email,
    `sees order ${order.orderId} (${order.poNumber}) ${formatMoney(order.total, order.currency)}`,
  );
  return { rfqId, orderId: order.orderId, status: ordered.status, total: money(ordered), timeline };
};

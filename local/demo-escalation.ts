import type { RfqStatus } from '#domain/lifecycle.ts';
import { type DemoTarget, json, type TimelineEntry, until } from './demo-scenario.ts';
import { openInbox } from './inbox.ts';

/**
 * `npm run demo -- --scenario escalation`: approvals that never stall. Lena (Globex's buyer) asks for label printers;
 * Riley (the rep) never answers — after the reminder the review escalates to Taylor (the sales manager), who approves
 * from her email. Lena accepts; Globex's rule wants both Omar and Mei, who never answer either — after their reminder
 * the level escalates to its named contact, Jonas, whose approval decides it. The RFQ becomes an order, and everyone
 * who was asked is told the outcome. It runs against a stack whose waits are seconds long (see `escalationStack`).
 */
export const escalationStack = {
  timeScale: 0.01,
  // 5 s for the rep, the approvers and each reminder; the escalations wait 15 minutes (scaled), time enough to answer.
  env: { REVIEW_TIMEOUT_SECONDS: '500', APPROVAL_TIMEOUT_SECONDS: '500', ESCALATION_TIMEOUT_SECONDS: '90000' },
};

export interface EscalationResult {
  rfqId: string;
  status: RfqStatus;
  orderId: string;
  timeline: TimelineEntry[];
}

const people = {
  buyer: { email: 'lena@globex.example', groups: ['buyer' as const], companyId: 'globex' },
  rep: 'riley@northwind.example',
  salesManager: 'taylor@northwind.example',
  approvers: ['omar@globex.example', 'mei@globex.example'],
  escalationContact: 'jonas@globex.example',
};

export const runEscalationDemo = async (
  target: DemoTarget,
  print: (entry: TimelineEntry) => void = () => undefined,
  options: { timeoutMs?: number } = {},
): Promise<EscalationResult> => {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const timeline: TimelineEntry[] = [];
  const note = (status: TimelineEntry['status'], who: string, what: string) => {
    const entry = { at: new Date(), status, who, what };
    timeline.push(entry);
    print(entry);
  };
  const buyerToken = await target.tokenFor(people.buyer);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${target.api}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${buyerToken}`, 'content-type': 'application/json', ...init.headers },
    });
  const status = async (rfqId: string) =>
    json<{ status: RfqStatus; version: number | null; orderId: string | null }>(await api(`/rfqs/${rfqId}`), 'GET');
  const reach = async (rfqId: string, wanted: RfqStatus) => {
    const rfq = await until(`${rfqId} to be ${wanted}`, timeoutMs, async () => {
      const view = await status(rfqId);
      if (view.status === 'EXPIRED' || view.status === 'FAILED') throw new Error(`${rfqId} ended ${view.status}`);
      return view.status === wanted ? view : undefined;
    });
    note(wanted, 'workflow', `${rfqId} is ${wanted}`);
    return rfq;
  };
  const inbox = openInbox(target.ses);
  /** The newest email to `to` about the RFQ whose subject starts with `subject`. */
  const mail = (to: string, rfqId: string, subject: string) =>
    until(`"${subject}…" to ${to}`, timeoutMs, async () =>
      (await inbox.emailsTo(to)).findLast((m) => m.subject.startsWith(subject) && m.subject.includes(rfqId)),
    );
  const waitedOut = async (to: string, rfqId: string, subject: string, what: string) => {
    await mail(to, rfqId, subject);
    note('—', to, what);
  };
  const approveFrom = async (to: string, rfqId: string, subject: string) => {
    const found = await mail(to, rfqId, subject);
    const [url] = inbox.linksIn(found);
    if (!url) throw new Error(`"${found.subject}" carries no link`);
    if ((await fetch(url)).status !== 200) throw new Error(`${to} could not open the link from "${found.subject}"`);
    const decided = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ decision: 'approve' }).toString(),
    });
    if (!decided.ok) throw new Error(`${to} approving from "${found.subject}": HTTP ${decided.status}`);
    note('—', to, `approved from the email "${found.subject}"`);
  };

  const { rfqId } = await json<{ rfqId: string; status: RfqStatus }>(
    await api('/rfqs', {
      method: 'POST',
      headers: { 'idempotency-key': `escalation-demo-${Date.now()}-${Math.random().toString(36).slice(2)}` },
      body: JSON.stringify({ lines: [{ sku: 'ELE-PRN-LBL4', quantity: 4 }], note: 'Label printers for the new dock' }),
    }),
    'POST /rfqs',
  );
  note('SUBMITTED', people.buyer.email, `submitted ${rfqId}: 4 label printers`);
  await reach(rfqId, 'IN_REVIEW');
  await waitedOut(people.rep, rfqId, 'Reminder: Review quote', 'did not answer the review; a reminder went out');
  await waitedOut(people.rep, rfqId, 'Escalated to the sales manager', 'did not answer the reminder either');
  await approveFrom(people.salesManager, rfqId, 'Escalated: review quote');
  const quoted = await reach(rfqId, 'QUOTED');
  await waitedOut(people.rep, rfqId, 'Outcome:', 'was told the sales manager decided');

  await json(
    await api(`/rfqs/${rfqId}/accept`, {
      method: 'POST',
      body: JSON.stringify({ poNumber: `PO-ESC-${String(Date.now()).slice(-5)}`, quoteVersion: quoted.version }),
    }),
    'POST /rfqs/{rfqId}/accept',
  );
  note('—', people.buyer.email, `accepted quote v${quoted.version}`);
  await reach(rfqId, 'PENDING_APPROVAL');
  for (const approver of people.approvers)
    await waitedOut(approver, rfqId, 'Reminder: Approve purchase', 'did not answer; a reminder went out');
  await approveFrom(people.escalationContact, rfqId, 'Escalated: approve purchase');
  const ordered = await reach(rfqId, 'ORDERED');
  for (const approver of people.approvers)
    await waitedOut(approver, rfqId, 'Outcome:', 'was told the escalation contact decided');
  if (!ordered.orderId) throw new Error(`${rfqId} is ORDERED without an orderId`);
  return { rfqId, status: ordered.status, orderId: ordered.orderId, timeline };
};

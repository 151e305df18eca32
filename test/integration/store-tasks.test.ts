import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApprovalLink } from '#store/ports.ts';
import { freshTable } from './store/fresh-table.ts';

const { store } = freshTable();

const now = () => new Date().toISOString();
const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
const tokenHash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

let waits = 0;
/** One wait's links, one per approver, as a request step opens them. */
const aWait = (approvers: string[], overrides: Partial<ApprovalLink> = {}): ApprovalLink[] => {
  const rfqId = `rfq_tasks${waits++}`;
  return approvers.map((approver) => ({
    tokenHash: tokenHash(),
    rfqId,
    quoteVersion: 1,
    purpose: 'approval-level',
    level: 1,
    waitId: `${rfqId}-w`,
    approver,
    taskToken: `task-token-${rfqId}`,
    status: 'PENDING',
    createdAt: now(),
    expiresAt: inHours(48),
    ...overrides,
  }));
};

const approve = { decision: 'approve' as const, at: now() };
const rfqIdsOf = (links: ApprovalLink[]) => links.map((l) => l.rfqId);

describe("an approver's open tasks", () => {
  it('are the links still waiting for them, soonest due first, whatever the case of their email', async () => {
    const me = `fin-${waits}@acme.example`;
    const later = aWait([me], { expiresAt: inHours(30) });
    const sooner = aWait([me, 'other@acme.example'], { expiresAt: inHours(5) });
    const notMine = aWait(['other@acme.example']);
    for (const wait of [later, sooner, notMine]) await store.links.createLinks(wait);

    const tasks = await store.links.pendingFor(me.toUpperCase(), now());
    expect(rfqIdsOf(tasks)).toEqual([sooner[0]!.rfqId, later[0]!.rfqId]);
    expect(tasks[0]).toEqual(sooner[0]);
  });

  it('leave the list in the same write that decides or revokes the link', async () => {
    const me = `lead-${waits}@acme.example`;
    const [decided] = aWait([me]);
    const [revoked] = aWait([me]);
    const [open] = aWait([me]);
    await store.links.createLinks([decided!]);
    await store.links.createLinks([revoked!]);
    await store.links.createLinks([open!]);

    expect((await store.links.decide(decided!, approve, now())).ok).toBe(true);
    expect(await store.links.revoke(revoked!.rfqId)).toBe(1);
    expect(rfqIdsOf(await store.links.pendingFor(me, now()))).toEqual([open!.rfqId]);
  });

  it('skip a link past its deadline, and never list a link that was never pending', async () => {
    const me = `cfo-${waits}@acme.example`;
    const [expired] = aWait([me], { expiresAt: inHours(1) });
    const [used] = aWait([me], { status: 'DECIDED', decision: approve });
    await store.links.createLinks([expired!]);
    await store.links.createLinks([used!]);

    expect(await store.links.pendingFor(me, inHours(2))).toEqual([]);
    expect(rfqIdsOf(await store.links.pendingFor(me, now()))).toEqual([expired!.rfqId]);
  });
});

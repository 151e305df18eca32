import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ApprovalLink, ConflictError } from '#store/ports.ts';
import { freshTable } from './store/fresh-table.ts';

const { store } = freshTable();

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
const newToken = () => randomBytes(32).toString('base64url');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

let rfqs = 0;
/** The links of one rep-review wait: one per approver, each with its own token. */
const linksFor = (approvers: string[], overrides: Partial<ApprovalLink> = {}) => {
  const rfqId = `rfq_links${rfqs++}`;
  const waitId = `${rfqId}:rep-review:1`;
  return approvers.map(
    (approver): ApprovalLink => ({
      tokenHash: hashOf(newToken()),
      rfqId,
      quoteVersion: 1,
      purpose: 'rep-review',
      waitId,
      approver,
      taskToken: `task-token-${waitId}`,
      status: 'PENDING',
      createdAt: new Date().toISOString(),
      expiresAt: inHours(48),
      ...overrides,
    }),
  );
};

const approve = { decision: 'approve' as const, at: new Date().toISOString() };

describe('approval links', () => {
  it('are found by the hash of their token, and only by it', async () => {
    const [link] = linksFor(['rep@seller.example']);
    await store.links.createLinks([link!]);
    expect(await store.links.findByHash(link!.tokenHash)).toEqual(link);
    expect(await store.links.findByHash(hashOf(newToken()))).toBeUndefined();
  });

  it('are created all or none: a repeated hash fails the whole wait', async () => {
    const [first, second] = linksFor(['a@acme.example', 'b@acme.example']);
    await store.links.createLinks([first!]);
    await expect(store.links.createLinks([second!, first!])).rejects.toThrow(ConflictError);
    expect(await store.links.findByHash(second!.tokenHash)).toBeUndefined();
  });

  it('decide exactly once however many clicks arrive at the same moment', async () => {
    const [link] = linksFor(['rep@seller.example']);
    await store.links.createLinks([link!]);
    const clicks = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.links.decide(link!, { ...approve, comment: `click ${i}` }, new Date().toISOString()),
      ),
    );
    const wins = clicks.filter((c) => c.ok);
    expect(wins).toHaveLength(1);
    expect(clicks.filter((c) => !c.ok && c.reason === 'decided')).toHaveLength(49);
    const stored = await store.links.findByHash(link!.tokenHash);
    expect(stored?.status).toBe('DECIDED');
    expect(stored?.decision).toEqual(wins[0]?.ok && wins[0].link.decision);
  });

  it('refuse a decision after they expired', async () => {
    const [link] = linksFor(['rep@seller.example'], { expiresAt: inHours(-1) });
    await store.links.createLinks([link!]);
    expect(await store.links.decide(link!, approve, new Date().toISOString())).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect((await store.links.findByHash(link!.tokenHash))?.status).toBe('PENDING');
  });

  it('expire at the instant given, not the machine’s clock', async () => {
    const [link] = linksFor(['rep@seller.example'], { expiresAt: '2026-11-23T12:00:00Z' });
    await store.links.createLinks([link!]);
    expect(await store.links.decide(link!, approve, '2026-11-23T12:00:00.000Z')).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect((await store.links.decide(link!, approve, '2026-11-23T11:59:59.999Z')).ok).toBe(true);
  });

  it('answer "missing" for a link that was never stored', async () => {
    const [link] = linksFor(['rep@seller.example']);
    expect(await store.links.decide(link!, approve, new Date().toISOString())).toEqual({
      ok: false,
      reason: 'missing',
    });
  });

  it('are revoked, except the one decided, and a revoked link decides nothing', async () => {
    const links = linksFor(['a@acme.example', 'b@acme.example', 'c@acme.example']);
    await store.links.createLinks(links);
    const [clicked, other] = links;
    expect((await store.links.decide(clicked!, approve, new Date().toISOString())).ok).toBe(true);
    expect(await store.links.revoke(clicked!.rfqId, { waitId: clicked!.waitId, exceptHash: clicked!.tokenHash })).toBe(
      2,
    );
    expect(await store.links.decide(other!, approve, new Date().toISOString())).toEqual({
      ok: false,
      reason: 'revoked',
    });
    const statuses = (await store.links.listForRfq(clicked!.rfqId)).map((l) => [l.approver, l.status]).sort();
    expect(statuses).toEqual([
      ['a@acme.example', 'DECIDED'],
      ['b@acme.example', 'REVOKED'],
      ['c@acme.example', 'REVOKED'],
    ]);
    expect(await store.links.revoke(clicked!.rfqId)).toBe(0);
  });

  it('of another wait survive a revocation scoped to one wait', async () => {
    const [oldWait] = linksFor(['a@acme.example']);
    const [newWait] = linksFor(['a@acme.example'], { rfqId: oldWait!.rfqId, waitId: `${oldWait!.rfqId}:rep-review:2` });
    await store.links.createLinks([oldWait!]);
    await store.links.createLinks([newWait!]);
    expect(await store.links.revoke(oldWait!.rfqId, { waitId: oldWait!.waitId })).toBe(1);
    expect((await store.links.findByHash(newWait!.tokenHash))?.status).toBe('PENDING');
  });

  it('decided when their wait was already gone are withdrawn: revoked, the decision kept, a pending one left alone', async () => {
    const [spent, waiting] = linksFor(['a@acme.example', 'b@acme.example']);
    await store.links.createLinks([spent!, waiting!]);
    const decided = await store.links.decide(spent!, approve, new Date().toISOString());
    if (!decided.ok) throw new Error(decided.reason);
    await store.links.withdraw(decided.link);
    await store.links.withdraw(decided.link);
    await store.links.withdraw(waiting!);
    expect(await store.links.findByHash(spent!.tokenHash)).toMatchObject({ status: 'REVOKED', decision: approve });
    expect((await store.links.findByHash(waiting!.tokenHash))?.status).toBe('PENDING');
  });

  it('are never more than 100 to a wait', async () => {
    const many = linksFor(Array.from({ length: 101 }, (_, i) => `approver${i}@acme.example`));
    await expect(store.links.createLinks(many)).rejects.toThrow(RangeError);
  });
});

describe('the buyer-decision wait', () => {
  it('is put, read and deleted', async () => {
    const wait = {
      rfqId: 'rfq_wait1',
      kind: 'buyer-decision' as const,
      quoteVersion: 2,
      taskToken: 'task-token-1',
      createdAt: new Date().toISOString(),
      expiresAt: inHours(24 * 30),
    };
    await store.waits.put(wait);
    expect(await store.waits.get('rfq_wait1', 'buyer-decision')).toEqual(wait);
    await store.waits.put({ ...wait, taskToken: 'task-token-2' });
    expect((await store.waits.get('rfq_wait1', 'buyer-decision'))?.taskToken).toBe('task-token-2');
    await store.waits.delete('rfq_wait1', 'buyer-decision');
    expect(await store.waits.get('rfq_wait1', 'buyer-decision')).toBeUndefined();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { decideLink } from '#application/decide-link.ts';
import { viewLink } from '#application/view-link.ts';
import { tokenOf } from '#local/inbox.ts';
import { contractFetch } from '../e2e/contract.ts';
import { aDeal, type Deal } from './support/deal.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

const world = useWorld();
let deal: Deal;
beforeAll(async () => {
  deal = await aDeal(world);
});

/** Submits an RFQ and answers the rep's review link once it arrives. */
const aReviewLink = async () => {
  const { rfqId } = await world.submit(deal.rfq());
  const [link] = await world.linksArrive(deal.people.rep, 1, rfqId);
  return { rfqId, link: link! };
};

const linkStates = async (rfqId: string) => (await world.store.links.listForRfq(rfqId)).map((l) => l.status);

describe('an email link', () => {
  it('decides nothing when opened, however often a mail scanner fetches it', async () => {
    const { rfqId, link } = await aReviewLink();
    const pages = await Promise.all(Array.from({ length: 5 }, () => openLink(link)));
    for (const page of pages) expect(page.status).toBe(200);
    expect((await world.rfqOf(rfqId)).status).toBe('IN_REVIEW');
    expect(await linkStates(rfqId)).toEqual(['PENDING']);
    expect((await world.store.rfqs.history(rfqId)).map((e) => e.action)).not.toContain('reviewed');
  });

  it('serves a page that is never cached, leaks no referrer, runs no script and escapes what it echoes', async () => {
    const { link } = await aReviewLink();
    const page = await openLink(link);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/style-src 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(page.html).toContain(`<style nonce="${nonce}">`);
    expect(page.html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);
    expect(page.html).toContain('Gasket &lt;PTFE&gt; &amp; &quot;seal&quot;');
    expect(page.html).toMatch(/<label for="comment">/);
    expect(page.html).toMatch(/<html lang="en">/);
  });

  it('lets exactly one of 50 simultaneous clicks decide; the other 49 get 409 and change nothing', async () => {
    const { rfqId, link } = await aReviewLink();
    const answers = await Promise.all(Array.from({ length: 50 }, () => clickLink(link, { decision: 'approve' })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);

    await world.statusReaches(rfqId, 'QUOTED');
    const reviewed = (await world.store.rfqs.history(rfqId)).filter((e) => e.action === 'reviewed');
    expect(reviewed).toHaveLength(1);
  });

  it('answers a replayed click 409, with no second decision', async () => {
    const { rfqId, link } = await aReviewLink();
    expect((await clickLink(link, { decision: 'reject' })).status).toBe(200);
    await world.statusReaches(rfqId, 'REJECTED');
    await world.executionEnds(rfqId);
    const before = await world.store.rfqs.history(rfqId);

    const replayed = await clickLink(link, { decision: 'approve' });
    expect(replayed.status).toBe(409);
    expect(replayed.html).toContain('already used');
    expect((await openLink(link)).status).toBe(409);
    expect((await world.rfqOf(rfqId)).status).toBe('REJECTED');
    expect((await world.store.rfqs.history(rfqId)).length).toBe(before.length);
  });

  it('answers unknown, tampered and malformed tokens 404, and an expired one 410, changing nothing', async () => {
    const { rfqId, link } = await aReviewLink();
    const token = tokenOf(link);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const base = link.slice(0, link.lastIndexOf('/') + 1);
    for (const bad of [`${base}${tampered}`, `${base}${'x'.repeat(43)}`, `${base}short`, `${base}${token}%00`]) {
      expect((await openLink(bad)).status, bad).toBe(404);
      expect((await clickLink(bad, { decision: 'approve' })).status, bad).toBe(404);
    }

    // A day after the wait's deadline, as the approver's clock would say.
    const later = () => new Date(Date.now() + 3 * 24 * 3600 * 1000);
    expect((await viewLink(token, { ...world.decisions, now: later })).status).toBe(410);
    expect((await decideLink(token, { decision: 'approve' }, { ...world.decisions, now: later })).status).toBe(410);

    expect(await linkStates(rfqId)).toEqual(['PENDING']);
    expect((await world.rfqOf(rfqId)).status).toBe('IN_REVIEW');
    expect((await clickLink(link, { decision: 'approve' })).status).toBe(200);
  });

  it('answers an API client in JSON when it asks for JSON', async () => {
    const { link } = await aReviewLink();
    const response = await contractFetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ decision: 'approve', comment: 'via API' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'decided', decision: 'approve' });
  });
});

import { describe, expect, it } from 'vitest';
import { aDeal } from './support/deal.ts';
import { buyerDecides } from './support/drive.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ captureLogs: true });

describe('task tokens', () => {
  it('never appear in a URL, an email, a page or a log line, from submission to order', async () => {
    const deal = await aDeal(world);
    const tokens = new Set<string>();
    const pages: string[] = [];
    const collect = async (rfqId: string) => {
      for (const link of await world.store.links.listForRfq(rfqId)) tokens.add(link.taskToken);
      const wait = await world.store.waits.get(rfqId, 'buyer-decision');
      if (wait) tokens.add(wait.taskToken);
    };
    const decide = async (email: string, count: number, rfqId: string) => {
      const links = await world.linksArrive(email, count, rfqId);
      await collect(rfqId);
      const link = links.at(-1)!;
      pages.push((await openLink(link)).html, (await clickLink(link, { decision: 'approve' })).html);
    };

    const { rfqId } = await world.submit(deal.rfq());
    await decide(deal.people.rep, 1, rfqId);
    const quoted = await world.statusReaches(rfqId, 'QUOTED');
    await collect(rfqId);
    await buyerDecides(world, quoted, deal.buyer, { decision: 'accept', poNumber: 'PO-T' });
    await decide(deal.people.lead1, 1, rfqId);
    await decide(deal.people.finance, 1, rfqId);
    await world.statusReaches(rfqId, 'ORDERED');
    await world.executionEnds(rfqId);

    expect(tokens.size).toBeGreaterThanOrEqual(4);
    const mail = (await world.inbox.all()).filter((m) => m.subject.includes(rfqId) || m.text.includes(rfqId));
    expect(mail.length).toBeGreaterThanOrEqual(5);
    const links = mail.flatMap((m) => m.text.match(/https?:\/\/\S+/g) ?? []);
    expect(links.length).toBeGreaterThan(0);
    expect(world.logs.some((line) => line.includes('step done'))).toBe(true);
    const everywhere = [...links, ...mail.flatMap((m) => [m.subject, m.html, m.text]), ...pages, ...world.logs];
    for (const token of tokens) {
      expect(token.length).toBeGreaterThan(20);
      const leaks = everywhere.filter((text) => text.includes(token));
      expect(leaks).toEqual([]);
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { decideLink } from '#application/decide-link.ts';
import { setDelegation } from '#application/out-of-office.ts';
import { delegationOf } from '#domain/delegation.ts';
import type { EmailMessage } from '#email/ports.ts';
import { tokenOf } from '#local/inbox.ts';
import type { StepDeps } from '#steps/deps.ts';
import { requestRepReview } from '#steps/request-rep-review.ts';
import type { Store } from '#store/ports.ts';
import { aQuote } from '../builders/quote.ts';
import type { User } from '../e2e/api.ts';
import { aDeal, type Deal } from './support/deal.ts';
import { submitQuoteAndAccept } from './support/drive.ts';
import { clickLink, openLink } from './support/person.ts';
import { useWorld } from './support/world.ts';

// Scaled time (0.01) as every workflow test; the waits (an hour here) outlast any test, so nothing times out on its own.
const world = useWorld({ env: { APPROVAL_TIMEOUT_SECONDS: '360000' } });

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const approver = (deal: Deal, email: string): User => ({
  email,
  groups: ['approver'],
  companyId: deal.company.companyId,
});

/** Level 1 (the two leads, any one) approved by lead1's own link: the purchase then waits for finance alone. */
const toFinance = async (deal: Deal): Promise<string> => {
  const { rfqId } = await submitQuoteAndAccept(world, deal);
  const [lead1] = await world.linksArrive(deal.people.lead1, 1, rfqId);
  expect((await clickLink(lead1!, { decision: 'approve' })).status).toBe(200);
  await world.linksArrive(deal.people.finance, 1, rfqId);
  return rfqId;
};

/** The link in the stand-in email to `delegate` for `person` about this RFQ (the latest such mail). */
const standInLink = async (delegate: string, person: string, rfqId: string): Promise<string> => {
  const mail = await world.mailArrives(delegate, `For ${person}:`);
  expect(mail.subject).toContain(rfqId);
  const [link] = world.inbox.linksIn(mail);
  expect(link, mail.text).toBeDefined();
  return link!;
};

describe('out-of-office delegation in the approval chain', () => {
  it('lets the delegate decide inside the window: recorded as "delegate for approver", the approver’s link then spent', async () => {
    const deal = await aDeal(world);
    const { finance, lead2 } = deal.people;
    const set = await world.call('PUT', '/me/delegation', {
      as: approver(deal, finance),
      body: { delegateEmail: lead2, from: minutesFromNow(-1), to: minutesFromNow(24 * 60) },
    });
    expect(set.status, set.text).toBe(200);

    const rfqId = await toFinance(deal);
    const link = await standInLink(lead2, finance, rfqId);
    const page = await openLink(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`standing in for <strong>${finance}</strong>`);
    const tasks = await world.call('GET', '/me/tasks', { as: approver(deal, lead2) });
    expect(tasks.body.items).toEqual([
      expect.objectContaining({ rfqId, kind: 'purchase-approval', onBehalfOf: finance }),
    ]);

    expect((await clickLink(link, { decision: 'approve', comment: 'Finance is away; within plan' })).status).toBe(200);
    const ordered = await world.statusReaches(rfqId, 'ORDERED');
    expect(ordered.approvals[1]?.decisions).toEqual([
      expect.objectContaining({ approver: finance, delegate: lead2, decision: 'approve' }),
    ]);
    const history = await world.store.rfqs.history(rfqId);
    expect(history.find((e) => e.action === 'approved')?.actor).toEqual({
      email: lead2,
      role: 'approver',
      onBehalfOf: finance,
    });
    const [own] = (await world.inbox.linksFor(finance, rfqId)).slice(-1);
    expect((await openLink(own!)).status).toBe(409);
  });

  it('refuses the delegate’s link before the window and after it; the approver’s own link decides', async () => {
    const deal = await aDeal(world);
    const { finance, lead2 } = deal.people;
    const window = { from: minutesFromNow(60), to: minutesFromNow(120) };
    const set = await world.call('PUT', '/me/delegation', {
      as: approver(deal, finance),
      body: { delegateEmail: lead2, ...window },
    });
    expect(set.status, set.text).toBe(200);

    const rfqId = await toFinance(deal);
    const link = await standInLink(lead2, finance, rfqId);
    const early = await clickLink(link, { decision: 'approve' });
    expect(early.status).toBe(403);
    expect(early.html).toContain(`You stand in for ${finance} from`);
    expect((await openLink(link)).status).toBe(403);
    const tasks = await world.call('GET', '/me/tasks', { as: approver(deal, lead2) });
    expect(tasks.body.items.map((t: { rfqId: string }) => t.rfqId)).not.toContain(rfqId);
    const inApp = await world.call('POST', `/rfqs/${rfqId}/approval`, {
      as: approver(deal, lead2),
      body: { decision: 'approve', quoteVersion: (await world.rfqOf(rfqId)).quote!.version },
    });
    expect(inApp.status, inApp.text).toBe(409);
    // The same link, asked a minute after the window ended: expired, and nothing decided.
    const afterWindow = new Date(Date.parse(window.to) + 60_000);
    const late = await decideLink(
      tokenOf(link),
      { decision: 'approve' },
      { ...world.decisions, now: () => afterWindow },
    );
    expect(late.kind).toBe('expired');
    expect((await world.rfqOf(rfqId)).status).toBe('PENDING_APPROVAL');

    const [own] = (await world.inbox.linksFor(finance, rfqId)).slice(-1);
    expect((await clickLink(own!, { decision: 'approve' })).status).toBe(200);
    const ordered = await world.statusReaches(rfqId, 'ORDERED');
    expect(ordered.approvals[1]?.decisions).toEqual([
      expect.objectContaining({ approver: finance, decision: 'approve' }),
    ]);
    expect(ordered.approvals[1]?.decisions[0]).not.toHaveProperty('delegate');
  });

  it('skips a delegate who is the buyer of the purchase: no link for them, the approver’s own still decides', async () => {
    const deal = await aDeal(world);
    const { finance, buyer } = deal.people;
    // The buyer also approves for the company (so the route accepts them as a delegate); the purchase is theirs.
    await world.store.catalog.putCompany({
      ...deal.company,
      users: deal.company.users.map((u) => (u.email === buyer ? { ...u, roles: ['buyer', 'approver'] } : u)),
    });
    const set = await world.call('PUT', '/me/delegation', {
      as: approver(deal, finance),
      body: { delegateEmail: buyer, from: minutesFromNow(-1), to: minutesFromNow(24 * 60) },
    });
    expect(set.status, set.text).toBe(200);

    const rfqId = await toFinance(deal);
    // The wait's mark is written once all its mail went out: from then on, nothing more is sent for it.
    const requested = await vi.waitFor(
      async () => {
        const found = (await world.store.rfqs.history(rfqId)).find(
          (e) => e.action === 'decision-requested' && e.detail?.level === 2,
        );
        if (!found) throw new Error('level 2 not requested yet');
        return found;
      },
      { timeout: 30_000, interval: 25 },
    );
    expect(requested.detail).not.toHaveProperty('delegated');
    expect((await world.inbox.emailsTo(buyer)).filter((m) => m.subject.startsWith(`For ${finance}`))).toEqual([]);
    expect(await world.inbox.linksFor(buyer, rfqId)).toEqual([]);

    const [own] = (await world.inbox.linksFor(finance, rfqId)).slice(-1);
    expect((await clickLink(own!, { decision: 'approve' })).status).toBe(200);
    await world.statusReaches(rfqId, 'ORDERED');
  });

  it('gives the delegate a link to a wait already open when the delegation is set, and takes it back when cleared', async () => {
    const deal = await aDeal(world);
    const { lead1, admin, finance } = deal.people;
    const { rfqId } = await submitQuoteAndAccept(world, deal);
    await world.linksArrive(lead1, 1, rfqId);
    const delegation = { delegateEmail: admin, from: minutesFromNow(-1), to: minutesFromNow(24 * 60) };

    expect((await world.call('PUT', '/me/delegation', { as: approver(deal, lead1), body: delegation })).status).toBe(
      200,
    );
    const first = await standInLink(admin, lead1, rfqId);
    expect((await world.call('DELETE', '/me/delegation', { as: approver(deal, lead1) })).status).toBe(204);
    const withdrawn = await openLink(first);
    expect(withdrawn.status).toBe(409);
    // Reopened, it says what happened, not that time ran out.
    expect(withdrawn.html).toContain(`Your stand-in for ${lead1} was withdrawn: ${lead1} ended the delegation.`);
    expect(withdrawn.html).not.toContain('ran out');

    expect((await world.call('PUT', '/me/delegation', { as: approver(deal, lead1), body: delegation })).status).toBe(
      200,
    );
    const second = await world.linksArrive(admin, 2, rfqId);
    expect(second[1]).not.toBe(first);
    expect((await clickLink(second[1]!, { decision: 'approve' })).status).toBe(200);
    const [toFinance] = await world.linksArrive(finance, 1, rfqId);
    expect((await clickLink(toFinance!, { decision: 'approve' })).status).toBe(200);
    const ordered = await world.statusReaches(rfqId, 'ORDERED');
    expect(ordered.approvals[0]?.decisions).toEqual([
      expect.objectContaining({ approver: lead1, delegate: admin, decision: 'approve' }),
    ]);
  });
});

describe('a delegate who leaves the company, or is demoted, decides nothing for anyone (issue 24 #2)', () => {
  const sellerAdmin: User = { email: 'root@seller.example', groups: ['admin'] };
  /** The deal's company with a deputy approver, whom no rule names: finance's delegate. */
  const withDeputy = async (deal: Deal) => {
    const deputy = `deputy@${deal.company.companyId}.example`;
    const users = [...deal.company.users, { email: deputy, name: 'Deputy', roles: ['approver' as const] }];
    const saved = await world.call('PUT', `/companies/${deal.company.companyId}/users`, {
      as: sellerAdmin,
      body: { users },
    });
    expect(saved.status, saved.text).toBe(200);
    const set = await world.call('PUT', '/me/delegation', {
      as: approver(deal, deal.people.finance),
      body: { delegateEmail: deputy, from: minutesFromNow(-1), to: minutesFromNow(24 * 60) },
    });
    expect(set.status, set.text).toBe(200);
    return { deputy, users };
  };
  const demote = (users: readonly { email: string; name: string; roles: string[] }[], email: string) =>
    users.map((u) => (u.email === email ? { ...u, roles: ['buyer'] } : u));

  it('removing the delegate ends the delegation and revokes their stand-in link: clicking it decides nothing', async () => {
    const deal = await aDeal(world);
    const { deputy, users } = await withDeputy(deal);
    const rfqId = await toFinance(deal);
    const link = await standInLink(deputy, deal.people.finance, rfqId);

    const removed = await world.call('PUT', `/companies/${deal.company.companyId}/users`, {
      as: sellerAdmin,
      body: { users: users.filter((u) => u.email !== deputy) },
    });
    expect(removed.status, removed.text).toBe(200);
    expect(await world.store.delegations.get(deal.people.finance)).toBeUndefined();
    expect((await clickLink(link, { decision: 'approve' })).status).toBe(409);
    expect((await openLink(link)).html).toContain(
      `Your stand-in for ${deal.people.finance} was withdrawn: you are not an approver of this company any more.`,
    );
    expect((await world.rfqOf(rfqId)).status).toBe('PENDING_APPROVAL');

    const [own] = (await world.inbox.linksFor(deal.people.finance, rfqId)).slice(-1);
    expect((await clickLink(own!, { decision: 'approve' })).status).toBe(200);
    const ordered = await world.statusReaches(rfqId, 'ORDERED');
    expect(ordered.approvals[1]?.decisions[0]).not.toHaveProperty('delegate');
  });

  it('a link used after its delegate was demoted behind the API’s back is refused, by email and in the app', async () => {
    const deal = await aDeal(world);
    const { deputy, users } = await withDeputy(deal);
    const rfqId = await toFinance(deal);
    const link = await standInLink(deputy, deal.people.finance, rfqId);
    await world.store.catalog.putCompany({ ...deal.company, users: demote(users, deputy) as typeof users });

    expect((await openLink(link)).status).toBe(403);
    const clicked = await clickLink(link, { decision: 'approve' });
    expect(clicked.status).toBe(403);
    expect(clicked.html).toContain('no longer stand in');
    const inApp = await world.call('POST', `/rfqs/${rfqId}/approval`, {
      as: approver(deal, deputy),
      body: { decision: 'approve', quoteVersion: (await world.rfqOf(rfqId)).quote!.version },
    });
    expect(inApp.status, inApp.text).toBe(403);
    expect((await world.rfqOf(rfqId)).status).toBe('PENDING_APPROVAL');
  });

  it('a wait opening for a person whose delegate no longer approves sends the delegate nothing', async () => {
    const deal = await aDeal(world);
    const { deputy, users } = await withDeputy(deal);
    await world.store.catalog.putCompany({ ...deal.company, users: demote(users, deputy) as typeof users });
    const rfqId = await toFinance(deal);
    await vi.waitFor(
      async () => {
        const found = (await world.store.rfqs.history(rfqId)).find(
          (e) => e.action === 'decision-requested' && e.detail?.level === 2,
        );
        if (!found) throw new Error('level 2 not requested yet');
      },
      { timeout: 30_000, interval: 25 },
    );
    expect(await world.inbox.linksFor(deputy, rfqId)).toEqual([]);
  });
});

describe('a rep’s delegate who no longer serves any account decides nothing for them (issue 24 #13)', () => {
  const rep = (email: string): User => ({ email, groups: ['rep'] });
  /** The deal's rep away, standing in for them the rep of another deal's company: seller staff while they serve it. */
  const repAway = async (deal: Deal) => {
    const other = await aDeal(world);
    const set = await world.call('PUT', '/me/delegation', {
      as: rep(deal.people.rep),
      body: { delegateEmail: other.people.rep, from: minutesFromNow(-1), to: minutesFromNow(24 * 60) },
    });
    expect(set.status, set.text).toBe(200);
    const leaves = () =>
      world.store.catalog.putCompany({
        ...other.company,
        accountRepEmail: `successor@${other.company.companyId}.example`,
      });
    return { delegate: other.people.rep, other, leaves };
  };
  const reviewRequested = (rfqId: string) =>
    vi.waitFor(
      async () => {
        const found = (await world.store.rfqs.history(rfqId)).find((e) => e.action === 'decision-requested');
        if (!found) throw new Error('the review is not requested yet');
        return found;
      },
      { timeout: 30_000, interval: 25 },
    );

  it('a stand-in link opened or used after its delegate stopped serving any account is refused; the rep’s own decides', async () => {
    const deal = await aDeal(world);
    const { delegate, leaves } = await repAway(deal);
    const { rfqId } = await world.submit(deal.rfq());
    const link = await standInLink(delegate, deal.people.rep, rfqId);
    expect((await openLink(link)).status).toBe(200);
    await leaves();

    const opened = await openLink(link);
    expect(opened.status).toBe(403);
    expect(opened.html).toContain('no longer stand in');
    expect((await clickLink(link, { decision: 'approve' })).status).toBe(403);
    expect((await world.rfqOf(rfqId)).status).toBe('IN_REVIEW');

    const [own] = await world.linksArrive(deal.people.rep, 1, rfqId);
    expect((await clickLink(own!, { decision: 'approve' })).status).toBe(200);
    await world.statusReaches(rfqId, 'QUOTED');
  });

  it('the seller’s admin giving the delegate’s one account to another rep ends the delegation and revokes their stand-in link', async () => {
    const deal = await aDeal(world);
    const { delegate, other } = await repAway(deal);
    const { rfqId } = await world.submit(deal.rfq());
    const link = await standInLink(delegate, deal.people.rep, rfqId);

    const successor = `successor@${other.company.companyId}.example`;
    const saved = await world.call('PUT', `/companies/${other.company.companyId}`, {
      as: { email: 'admin@seller.example', groups: ['admin'] },
      body: { ...other.company, accountRepEmail: successor },
    });
    expect(saved.status, saved.text).toBe(200);

    expect((await world.call('GET', '/me/delegation', { as: rep(deal.people.rep) })).status).toBe(404);
    const opened = await openLink(link);
    expect(opened.status).toBe(409);
    expect(opened.html).toContain('This link is no longer valid');
    expect(opened.html).toContain(`Your stand-in for ${deal.people.rep} was withdrawn: you are not one of the seller`);
    const [own] = await world.linksArrive(deal.people.rep, 1, rfqId);
    expect((await clickLink(own!, { decision: 'approve' })).status).toBe(200);
    await world.statusReaches(rfqId, 'QUOTED');
  });

  it('a review opening for a rep whose delegate no longer serves any account sends the delegate nothing', async () => {
    const deal = await aDeal(world);
    const { delegate, leaves } = await repAway(deal);
    await leaves();
    const { rfqId } = await world.submit(deal.rfq());
    const requested = await reviewRequested(rfqId);
    expect(requested.detail).not.toHaveProperty('delegated');
    expect(await world.inbox.linksFor(delegate, rfqId)).toEqual([]);
  });
});

describe('a delegation set while a wait opens', () => {
  it('still gives the delegate a link when PUT /me/delegation looked before the wait’s links existed', async () => {
    const deal = await aDeal(world);
    const { rep } = deal.people;
    // One of the seller's staff, whom the review does not ask itself.
    const delegate = deal.people.salesManager;
    const quote = aQuote().withLine('VALVE', 10, 90_00, { contractPrice: 90_00, cost: 60_00 }).build();
    const rfq = { ...deal.rfq(), status: 'IN_REVIEW' as const, quote };
    await world.store.rfqs.create(rfq, { actor: rfq.submittedBy, action: 'submitted' });
    const mail: EmailMessage[] = [];
    const mailer = { send: async (message: EmailMessage) => void mail.push(message) };
    const now = () => new Date();
    const delegation = delegationOf(
      { email: rep },
      { delegateEmail: delegate, from: minutesFromNow(-1), to: minutesFromNow(60) },
      rep,
      now(),
    );
    // The race, made to happen: the wait reads the rep's delegation (none yet); right then the rep's PUT stores one
    // and looks for the rep's pending links, before the wait has created them.
    let raced = false;
    const store: Store = {
      ...world.store,
      delegations: {
        ...world.store.delegations,
        get: async (email) => {
          const found = await world.store.delegations.get(email);
          if (email === rep && !raced) {
            raced = true;
            const set = await setDelegation({ store: world.store, mailer, config: world.config, now }, delegation);
            expect(set.openedLinks).toBe(0);
          }
          return found;
        },
      },
    };
    const deps: StepDeps = { store, mailer, events: { publish: async () => undefined }, config: world.config, now };

    await requestRepReview(
      { rfqId: rfq.rfqId, quoteVersion: 1, taskToken: `token-${rfq.rfqId}`, expiresInSeconds: 3600, reminder: false },
      deps,
    );

    expect(raced).toBe(true);
    const links = await world.store.links.listForRfq(rfq.rfqId);
    expect(links.filter((l) => l.status === 'PENDING').map((l) => [l.approver, l.onBehalfOf])).toEqual(
      expect.arrayContaining([
        [rep, undefined],
        [delegate, rep],
      ]),
    );
    expect(mail.filter((m) => m.to.includes(delegate))).toHaveLength(1);
  });
});

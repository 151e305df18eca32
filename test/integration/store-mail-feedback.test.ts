import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MailFeedback } from '#domain/mail-feedback.ts';
import type { EmailMessage } from '#email/ports.ts';
import { skipSuppressed } from '#email/suppressed-mailer.ts';
import { configSchema } from '#functions/config.ts';
import { type MailFeedbackDeps, recordMailFeedback } from '#functions/mail-feedback/record-mail-feedback.ts';
import { WaitGoneError } from '#functions/workflow/ports.ts';
import { mark } from '#steps/marks.ts';
import type { ApprovalLink } from '#store/ports.ts';
import { aCompany } from '../builders/company.ts';
import { anRfq } from '../builders/rfq.ts';
import { freshTable } from './store/fresh-table.ts';

const table = freshTable();

const aBounce = (recipient: string, changes: Partial<MailFeedback> = {}): MailFeedback => ({
  kind: 'bounce',
  feedbackId: `fb-${randomUUID()}`,
  at: new Date().toISOString(),
  recipients: [recipient.toLowerCase()],
  bounceType: 'Permanent',
  subType: 'General',
  diagnostic: 'smtp; 550 5.1.1 user unknown',
  subject: 'Approve purchase',
  messageId: `msg-${randomUUID()}`,
  sentAt: new Date().toISOString(),
  ...changes,
});

describe('recording bounces and complaints', () => {
  it('records one piece of feedback once, however often SES delivers it', async () => {
    const bounce = aBounce('Omar@Globex.example');
    expect(await table.store.mail.record('Omar@Globex.example', bounce)).toBe(true);
    expect(await table.store.mail.record('omar@globex.example', bounce)).toBe(false);
    expect(await table.store.mail.feedbackFor('OMAR@globex.example')).toEqual([
      { ...bounce, address: 'omar@globex.example' },
    ]);
  });

  it('suppresses an address whatever its case, until it is lifted', async () => {
    const address = `mei-${randomUUID().slice(0, 6)}@globex.example`;
    await table.store.mail.suppress({
      address,
      reason: 'COMPLAINT',
      at: new Date().toISOString(),
      subject: 's',
      feedbackId: 'f',
    });
    const found = await table.store.mail.suppressed([address.toUpperCase(), 'nobody@globex.example']);
    expect([...found.keys()]).toEqual([address]);
    expect(found.get(address)?.reason).toBe('COMPLAINT');

    const sent: EmailMessage[] = [];
    const mailer = skipSuppressed({ send: async (m) => void sent.push(m) }, table.store.mail);
    await mailer.send({ to: [address.toUpperCase(), 'jonas@globex.example'], subject: 's', html: 'h', text: 't' });
    await mailer.send({ to: [address], subject: 'only to the suppressed', html: 'h', text: 't' });
    expect(sent.map((m) => m.to)).toEqual([['jonas@globex.example']]);

    await table.store.mail.lift(address);
    expect((await table.store.mail.suppressed([address])).size).toBe(0);
  });
});

describe('what a bounce does to the waits of its address', () => {
  const world = () => {
    const id = randomUUID().slice(0, 8);
    const people = {
      lead1: `lead1@co-${id}.example`,
      lead2: `lead2@co-${id}.example`,
      admin: `admin@co-${id}.example`,
      rep: `rep@seller-${id}.example`,
    };
    const company = aCompany(`co-${id}`)
      .servedBy(people.rep)
      .withApprover(people.lead1)
      .withApprover(people.lead2)
      .withAdmin(people.admin)
      .build();
    const sent: EmailMessage[] = [];
    const failed: { taskToken: string; error: string }[] = [];
    const deps: MailFeedbackDeps = {
      store: table.store,
      mailer: skipSuppressed({ send: async (m) => void sent.push(m) }, table.store.mail),
      events: { publish: async () => undefined },
      config: configSchema.parse({ TABLE_NAME: table.tableName, SALES_MANAGER_EMAIL: 'taylor@seller.example' }),
      now: () => new Date(),
      workflow: {
        fail: async (taskToken, error) => {
          if (failed.some((f) => f.taskToken === taskToken)) throw new WaitGoneError('answered already');
          failed.push({ taskToken, error });
        },
      },
    };
    return { people, company, sent, failed, deps };
  };

  /** An RFQ whose approval level 1 waits on both leads (any one decides), as RequestApproval leaves it. */
  const waitingOnBothLeads = async (w: ReturnType<typeof world>) => {
    await w.deps.store.catalog.putCompany(w.company);
    const rfq = anRfq().for(w.company.companyId, w.people.rep).withStatus('PENDING_APPROVAL').build();
    await w.deps.store.rfqs.create(rfq, { actor: rfq.submittedBy, action: 'submitted' });
    const waitId = `${rfq.rfqId}:approval-level:1`;
    const now = new Date();
    const links = [w.people.lead1, w.people.lead2].map(
      (approver): ApprovalLink => ({
        tokenHash: randomUUID().replaceAll('-', ''),
        rfqId: rfq.rfqId,
        quoteVersion: 1,
        purpose: 'approval-level',
        level: 1,
        waitId,
        approver,
        taskToken: `token-${waitId}`,
        status: 'PENDING',
        createdAt: new Date(now.getTime() - 1000).toISOString(),
        expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
      }),
    );
    await w.deps.store.links.createLinks(links);
    await mark(w.deps, rfq.rfqId, 'decision-requested', {
      key: `links:${waitId}`,
      purpose: 'approval-level',
      level: 1,
    });
    return { rfqId: rfq.rfqId, taskToken: `token-${waitId}` };
  };

  it('tells the rep and the admin; escalates only once nobody the level waits on can be reached; twice is once', async () => {
    const w = world();
    const { rfqId, taskToken } = await waitingOnBothLeads(w);

    await recordMailFeedback(aBounce(w.people.lead1, { rfqId }), w.deps);
    expect(w.failed).toEqual([]);
    expect(w.sent.map((m) => [m.to, m.subject])).toEqual([
      [[w.people.rep, w.people.admin], expect.stringContaining(`Mail to ${w.people.lead1} bounced: ${rfqId}`)],
    ]);
    expect(w.sent[0]?.text).toContain('others can still answer it');

    const second = aBounce(w.people.lead2);
    await recordMailFeedback(second, w.deps);
    await recordMailFeedback(second, w.deps);
    expect(w.failed).toEqual([{ taskToken, error: 'RecipientsBounced' }]);
    expect(w.sent).toHaveLength(2);
    expect(w.sent[1]?.text).toContain("went to the level's escalation contacts at once");
    expect(w.sent[1]?.rfqId).toBe(rfqId);
    const history = await w.deps.store.rfqs.history(rfqId);
    expect(history.filter((e) => e.action === 'recipients-bounced')).toHaveLength(1);
    expect(await w.deps.store.mail.suppressed([w.people.lead1, w.people.lead2])).toHaveProperty('size', 2);
  });

  it('leaves the address and the wait alone after a transient bounce of an older message', async () => {
    const w = world();
    const { rfqId } = await waitingOnBothLeads(w);
    const older = new Date(Date.now() - 3600_000).toISOString();
    await recordMailFeedback(
      aBounce(w.people.lead1, { bounceType: 'Transient', subType: 'MailboxFull', sentAt: older }),
      w.deps,
    );
    await recordMailFeedback(aBounce(w.people.lead2), w.deps);
    expect(w.failed).toEqual([]);
    expect((await w.deps.store.mail.suppressed([w.people.lead1])).size).toBe(0);
    expect(w.sent.every((m) => m.subject.includes(rfqId))).toBe(true);
  });
});

import { type MailFeedback, stalledWaits, suppressionFor } from '#domain/mail-feedback.ts';
import { bounceNoticeEmail, type StalledAsk } from '#email/bounce-notice.ts';
import { WaitGoneError, type WorkflowClient } from '#functions/workflow/ports.ts';
import { appLinks } from '#rendering/app-links.ts';
import type { StepDeps } from '#steps/deps.ts';
import { emailOnce, hasMark, mark } from '#steps/marks.ts';
import { escalatesOnBounce, RecipientsBounced } from '#steps/recipients-bounced.ts';
import type { ApprovalLink } from '#store/ports.ts';

/** A step's adapters (its marks and its once-only emails work the same here) and the workflow to escalate through. */
export type MailFeedbackDeps = StepDeps & {
  workflow: Pick<WorkflowClient, 'fail'>;
};

/** An escalated wait has nowhere further to go: only a first request or its reminder is escalated. */
const unescalatedOpenings = new Set(['decision-requested', 'reminder-sent']);

/**
 * Whether one wait could still reach anyone: each person it waits on either has an address we stopped writing to,
 * or had mail bounce since the wait wrote to them.
 */
const unreachableFor = async (deps: MailFeedbackDeps, waiting: readonly ApprovalLink[]) => {
  const people = [...new Set(waiting.map((l) => l.approver.toLowerCase()))];
  const [suppressed, bounces] = await Promise.all([
    deps.store.mail.suppressed(people),
    Promise.all(people.map(async (p) => [p, await deps.store.mail.feedbackFor(p)] as const)),
  ]);
  const bouncedSince = new Map(bounces);
  return (link: Pick<ApprovalLink, 'approver' | 'createdAt'>) => {
    const person = link.approver.toLowerCase();
    return (
      suppressed.has(person) ||
      (bouncedSince.get(person) ?? []).some((f) => f.kind === 'bounce' && f.sentAt >= link.createdAt)
    );
  };
};

/**
 * Escalates the RFQ's waits that this person was waited on for and that nobody can answer now, through the path their
 * timeout takes: fail the task with `RecipientsBounced`. Marked once in the RFQ's history first (so it reads why), then
 * failed — again on a redelivery, harmlessly: a task already answered is gone.
 */
const escalateStalled = async (deps: MailFeedbackDeps, rfqId: string, asked: readonly ApprovalLink[]) => {
  const now = deps.now().toISOString();
  const waiting = (await deps.store.links.listForRfq(rfqId)).filter(
    (l) => l.status === 'PENDING' && l.expiresAt > now && asked.some((a) => a.waitId === l.waitId),
  );
  const unreachable = await unreachableFor(deps, waiting);
  const stalled = new Set(stalledWaits(waiting, unreachable));
  const history = await deps.store.rfqs.history(rfqId);
  const asks: StalledAsk[] = [];
  for (const link of asked) {
    const opening = history.find((e) => e.detail?.key === `links:${link.waitId}`);
    const escalated =
      stalled.has(link.waitId) && escalatesOnBounce.has(link.purpose) && unescalatedOpenings.has(opening?.action ?? '');
    asks.push({ purpose: link.purpose, ...(link.level !== undefined && { level: link.level }), escalated });
    if (!escalated) continue;
    const key = `bounced:${link.waitId}`;
    if (!(await hasMark(deps, rfqId, key))) {
      await mark(deps, rfqId, 'recipients-bounced', {
        key,
        purpose: link.purpose,
        ...(link.level !== undefined && { level: link.level }),
        bounced: [...new Set(waiting.filter((l) => l.waitId === link.waitId).map((l) => l.approver))],
      });
    }
    try {
      const bounced = new RecipientsBounced('every person the wait asked is unreachable by email');
      await deps.workflow.fail(link.taskToken, bounced.name, bounced.message);
    } catch (error) {
      if (!(error instanceof WaitGoneError)) throw error;
    }
  }
  return asks;
};

/** The rep of the RFQ (the sales manager when the rep's own mail bounced), and for a buyer company's person its admins. */
const whoToTell = async (deps: MailFeedbackDeps, address: string, rfqId: string) => {
  const rfq = await deps.store.rfqs.get(rfqId);
  if (!rfq) return undefined;
  const company = await deps.store.catalog.getCompany(rfq.companyId);
  const ofCompany = company?.users.some((u) => u.email.toLowerCase() === address) ?? false;
  const rep = rfq.accountRepEmail.toLowerCase() === address ? deps.config.SALES_MANAGER_EMAIL : rfq.accountRepEmail;
  const admins = ofCompany ? (company?.users ?? []).filter((u) => u.roles.includes('admin')).map((u) => u.email) : [];
  const to = [...new Set([rep, ...admins].map((a) => a.toLowerCase()))].filter((a) => a !== address);
  return { to, companyName: company?.name ?? rfq.companyId };
};

/**
 * What SES reported about one message: for each recipient, record it (once), stop writing to the address when the
 * bounce was permanent or the reader complained, escalate at once the waits that now reach nobody (failing their task with `RecipientsBounced`), and tell the RFQ's
 * rep — and a buyer company's admins about their colleague — whose mail came back, what it asked and what happened.
 * Every effect is safe to repeat: SES and EventBridge may deliver an event twice, and a failed attempt is retried.
 */
export const recordMailFeedback = async (feedback: MailFeedback, deps: MailFeedbackDeps): Promise<void> => {
  const reason = suppressionFor(feedback);
  for (const address of feedback.recipients) {
    await deps.store.mail.record(address, feedback);
    if (reason) {
      await deps.store.mail.suppress({
        address,
        reason,
        at: feedback.at,
        subject: feedback.subject,
        feedbackId: feedback.feedbackId,
      });
    }
    const pending = await deps.store.links.pendingFor(address, deps.now().toISOString());
    const rfqIds = [...new Set([...(feedback.rfqId ? [feedback.rfqId] : []), ...pending.map((l) => l.rfqId)])];
    for (const rfqId of rfqIds) {
      const asks = await escalateStalled(
        deps,
        rfqId,
        pending.filter((l) => l.rfqId === rfqId),
      );
      const audience = await whoToTell(deps, address, rfqId);
      if (!audience || audience.to.length === 0) continue;
      const notice = bounceNoticeEmail({
        to: audience.to,
        address,
        feedback,
        rfqId,
        companyName: audience.companyName,
        asks,
        suppressed: reason !== undefined,
        rfqUrl: appLinks(deps.config.PUBLIC_BASE_URL).rfq(rfqId),
      });
      await emailOnce(deps, rfqId, `mail-feedback:${feedback.feedbackId}:${address}`, [notice]);
    }
  }
};

import * as z from 'zod';
import { readBudgetStanding } from '#application/budget-standing.ts';
import { companyName } from '#application/reprice.ts';
import { escalationContacts } from '#domain/approval-chain.ts';
import { threadView } from '#domain/comment.ts';
import { rulesOfLevel } from '#domain/condition-text.ts';
import type { ApprovalStep, Rfq } from '#domain/rfq.ts';
import { approvalRequestEmail } from '#email/approval-request.ts';
import { approvalEscalationEmail } from '#email/escalation.ts';
import type { StepDeps } from './deps.ts';
import { heldApprovals, personOf } from './held-approvals.ts';
import { loadRfq, systemActor } from './marks.ts';
import { openWait } from './open-wait.ts';
import { escalatedByBounce } from './recipients-bounced.ts';
import { waitRequestSchema } from './state.ts';
import { step } from './step.ts';
import { assertWaitable, NotWaitable } from './waitable.ts';

const input = waitRequestSchema.extend({ level: z.number().int().min(1) });

/**
 * The level goes to its escalation contacts (the rule's `escalateTo`, else the company's admins, never the buyer):
 * stored on the level once, so a retried step and the decision that follows see the same people.
 */
const escalate = async (deps: StepDeps, rfq: Rfq, level: ApprovalStep): Promise<{ rfq: Rfq; level: ApprovalStep }> => {
  if (level.escalation) return { rfq, level };
  const company = await deps.store.catalog.getCompany(rfq.companyId);
  const to = escalationContacts(level, { users: company?.users ?? [] }, rfq.buyerEmail);
  if (to.length === 0) return { rfq, level };
  const escalated = { ...level, escalation: { to, at: deps.now().toISOString() } };
  const updated = await deps.store.rfqs.update(
    rfq,
    { approvals: rfq.approvals.map((a) => (a.level === level.level ? escalated : a)) },
    { actor: systemActor(deps), action: 'approval-escalated', detail: { level: level.level, to } },
  );
  return { rfq: updated, level: escalated };
};

/**
 * RequestApproval (one level of the chain): every approver who has not decided yet gets their own link, all bound to
 * this one wait. `any`: the first decision ends the wait; `all`: the last approval (or any rejection) does. Escalated
 * (unanswered past the reminder): the level's escalation contacts get links too, and any one of them decides it.
 */
export const requestApproval = async (request: z.output<typeof input>, deps: StepDeps): Promise<{ waitId: string }> => {
  let rfq = await loadRfq(deps, request.rfqId);
  const quote = assertWaitable(rfq, 'PENDING_APPROVAL', request.quoteVersion);
  let level = rfq.approvals.find((a) => a.level === request.level);
  if (!level) throw new NotWaitable(`RFQ ${rfq.rfqId} has no approval level ${request.level}`);
  if (request.escalate) ({ rfq, level } = await escalate(deps, rfq, level));
  const step = level;
  // An `all` level asked again after its wait timed out: who approved on the last wait's links has had their say.
  const held = heldApprovals(await deps.store.links.listForRfq(rfq.rfqId), step, request.quoteVersion);
  const heldBy = new Set(held.map(personOf));
  const undecided = step.approvers.filter((a) => !step.decisions.some((d) => d.approver === a) && !heldBy.has(a));
  const contacts = request.escalate ? (step.escalation?.to ?? []) : [];
  const [name, budget, rules, comments, history] = await Promise.all([
    companyName(deps, rfq),
    readBudgetStanding(deps.store, rfq, deps.now()),
    deps.store.catalog.getApprovalRules(rfq.companyId),
    deps.store.rfqs.comments(rfq.rfqId),
    request.escalate ? deps.store.rfqs.history(rfq.rfqId) : [],
  ]);
  const bounced = escalatedByBounce(history, 'approval-level', step.level);
  const { waitId } = await openWait(deps, {
    rfq,
    request,
    purpose: 'approval-level',
    level: step.level,
    approvers: [...undecided, ...contacts],
    counted: [
      ...step.decisions.flatMap((d) => [d.approver, ...(d.delegate ? [d.delegate] : [])]),
      ...held.flatMap((link) => [personOf(link), link.approver]),
    ],
    ...(request.escalate && { escalatedTo: contacts }),
    compose: (approver, link, expiresAt, pdfUrl) =>
      contacts.includes(approver)
        ? approvalEscalationEmail({
            rfq,
            quote,
            companyName: name,
            step,
            to: approver,
            link,
            expiresAt,
            pdfUrl,
            sellerName: deps.config.SELLER_NAME,
            budget,
            bounced,
          })
        : approvalRequestEmail({
            rfq,
            quote,
            companyName: name,
            step,
            levels: rfq.approvals.length,
            approver,
            link,
            pdfUrl,
            sellerName: deps.config.SELLER_NAME,
            expiresAt,
            reminder: request.reminder,
            rules: rulesOfLevel(step.ruleIds, rules, quote.currency),
            budget,
            // The buyer company's approvers never read a seller note.
            thread: threadView(comments, false),
          }),
  });
  return { waitId };
};

export const handler = step('RequestApproval', input, requestApproval);

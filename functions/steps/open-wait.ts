import { linkPdfUrl, linkUrl, mintLinkToken, waitIdFor } from '#application/link-token.ts';
import { openStandIn } from '#application/out-of-office.ts';
import { isCurrentOrAhead } from '#domain/delegation.ts';
import type { Rfq } from '#domain/rfq.ts';
import { delegateCopy } from '#email/delegation.ts';
import type { EmailMessage } from '#email/ports.ts';
import type { ApprovalLink, LinkPurpose } from '#store/ports.ts';
import type { StepDeps } from './deps.ts';
import { hasMark, mark } from './marks.ts';
import { escalatesOnBounce, RecipientsBounced } from './recipients-bounced.ts';
import { standInsFor } from './stand-ins.ts';
import type { WaitRequest } from './state.ts';

export interface OpenWait {
  rfq: Rfq;
  request: WaitRequest;
  purpose: LinkPurpose;
  level?: number;
  approvers: string[];
  /** People whose say the level already holds (an `all` level asked again): no one stands in as them too. */
  counted?: readonly string[];
  /** Those of `approvers` the wait reaches by escalation: their links say so. */
  escalatedTo?: readonly string[];
  /**
   * The email of one approver, given their own link, the wait's deadline, and the PDF their link authorises (where the
   * policy lets it: a company approver's).
   */
  compose: (approver: string, link: string, expiresAt: string, pdfUrl: string) => EmailMessage;
}

/**
 * Starts one human wait: one link per approver, bound to this callback attempt's task token and to the quote version,
 * each emailed to its approver. A new wait replaces every earlier one, so all pending links of the RFQ are revoked
 * first (an older quote version, a timed-out wait, a crashed attempt of this very wait whose tokens are lost).
 * Idempotent per wait: a retried attempt that already sent its links does nothing.
 */
export const openWait = async (deps: StepDeps, wait: OpenWait): Promise<{ waitId: string; sent: boolean }> => {
  const { rfq, request } = wait;
  const waitId = waitIdFor(request.taskToken);
  const key = `links:${waitId}`;
  if (await hasMark(deps, rfq.rfqId, key)) return { waitId, sent: false };

  await deps.store.links.revoke(rfq.rfqId);
  const now = deps.now();
  const createdAt = now.toISOString();
  // A link dies with its wait, or sooner when LINK_TTL_SECONDS says links may not live that long.
  const lifetime = Math.min(request.expiresInSeconds, deps.config.LINK_TTL_SECONDS);
  const expiresAt = new Date(now.getTime() + lifetime * 1000).toISOString();
  const people = [...new Set(wait.approvers)];
  const minted = people.map((approver) => ({ approver, ...mintLinkToken() }));
  const links: ApprovalLink[] = minted.map(({ approver, tokenHash }) => ({
    tokenHash,
    rfqId: rfq.rfqId,
    quoteVersion: request.quoteVersion,
    purpose: wait.purpose,
    ...(wait.level !== undefined && { level: wait.level }),
    waitId,
    approver,
    ...(wait.escalatedTo?.includes(approver) && { escalated: true as const }),
    taskToken: request.taskToken,
    status: 'PENDING',
    createdAt,
    expiresAt,
  }));
  const asked = { for: people, asked: [...people, ...(wait.counted ?? [])] };
  const standIns = (
    await standInsFor({ store: deps.store, salesManager: deps.config.SALES_MANAGER_EMAIL }, rfq, wait.purpose, asked, {
      now,
      expiresAt,
    })
  ).map((standIn) => ({
    ...standIn,
    ...mintLinkToken(),
  }));
  const delegated: ApprovalLink[] = standIns.map((s) => ({
    ...links.find((l) => l.approver === s.forEmail)!,
    tokenHash: s.tokenHash,
    approver: s.delegate,
    onBehalfOf: s.forEmail,
    activeFrom: s.activeFrom,
    expiresAt: s.expiresAt,
  }));
  await deps.store.links.createLinks([...links, ...delegated]);
  for (const { approver, token } of minted) {
    const base = deps.config.PUBLIC_BASE_URL;
    const message = wait.compose(approver, linkUrl(base, token), expiresAt, linkPdfUrl(base, token));
    await deps.mailer.send({ ...message, rfqId: rfq.rfqId });
  }
  for (const s of standIns) {
    const base = deps.config.PUBLIC_BASE_URL;
    const message = wait.compose(s.forEmail, linkUrl(base, s.token), s.expiresAt, linkPdfUrl(base, s.token));
    await deps.mailer.send({ ...delegateCopy(message, { email: s.delegate, ...s }), rfqId: rfq.rfqId });
  }
  // A delegation set while this wait opened looked for the person's links (PUT /me/delegation writes it, then looks)
  // perhaps before they existed; read again now that they do, so one side or the other always sees the other.
  const covered = new Set(standIns.map((s) => s.forEmail));
  for (const link of links.filter((l) => !covered.has(l.approver))) {
    const late = await deps.store.delegations.get(link.approver);
    if (late && isCurrentOrAhead(late, now)) await openStandIn(deps, late, link);
  }
  const action = request.escalate ? 'escalated' : request.reminder ? 'reminder-sent' : 'decision-requested';
  const reached = [...links, ...delegated].map((l) => l.approver);
  const unreachable = await deps.store.mail.suppressed(reached);
  await mark(deps, rfq.rfqId, action, {
    key,
    purpose: wait.purpose,
    ...(wait.level !== undefined && { level: wait.level }),
    quoteVersion: request.quoteVersion,
    to: minted.map((m) => m.approver),
    ...(wait.escalatedTo && { escalatedTo: wait.escalatedTo }),
    ...(standIns.length > 0 && { delegated: standIns.map((s) => ({ for: s.forEmail, to: s.delegate })) }),
    expiresAt,
  });
  // Everyone it asks bounced before (their mail was not even sent): escalate now rather than after the timeout.
  if (
    !request.escalate &&
    escalatesOnBounce.has(wait.purpose) &&
    reached.length > 0 &&
    reached.every((a) => unreachable.has(a.toLowerCase()))
  ) {
    await mark(deps, rfq.rfqId, 'recipients-bounced', {
      key: `bounced:${waitId}`,
      purpose: wait.purpose,
      ...(wait.level !== undefined && { level: wait.level }),
      bounced: [...new Set(reached)],
    });
    throw new RecipientsBounced(`every person asked for ${wait.purpose} of ${rfq.rfqId} is unreachable by email`);
  }
  return { waitId, sent: true };
};

import { type Delegation, delegateWindow, type StandInEnded } from '#domain/delegation.ts';
import { terminalStatuses } from '#domain/lifecycle.ts';
import { mayStandIn } from '#domain/policy.ts';
import { standInEmail } from '#email/delegation.ts';
import type { Mailer } from '#email/ports.ts';
import type { Config } from '#functions/config.ts';
import type { ApprovalLink, Store } from '#store/ports.ts';
import { delegateStillStands } from './delegate-standing.ts';
import { discountProposer } from './discount-proposer.ts';
import { linkUrl, mintLinkToken } from './link-token.ts';

export interface OutOfOfficeDeps {
  store: Store;
  mailer: Mailer;
  config: Pick<Config, 'PUBLIC_BASE_URL' | 'SALES_MANAGER_EMAIL'>;
  now: () => Date;
}

/** The delegate links now standing in for a person: pending links of the delegate's that decide for them. */
const standInLinks = async (store: Store, delegation: Delegation, now: Date): Promise<ApprovalLink[]> =>
  (await store.links.pendingFor(delegation.delegateEmail, now.toISOString())).filter(
    (l) => l.onBehalfOf === delegation.personEmail,
  );

/**
 * Everyone a wait already reaches or counts: who holds its links (and for whom), and who decided its level. A delegate
 * among them gets no second say.
 */
const askedBy = async (store: Store, link: ApprovalLink, decided: readonly string[]): Promise<string[]> => [
  ...(await store.links.listForRfq(link.rfqId))
    // A revoked link asks no one any more (a delegation cleared, then set again).
    .filter((l) => l.waitId === link.waitId && l.status !== 'REVOKED')
    .flatMap((l) => [l.approver, ...(l.onBehalfOf ? [l.onBehalfOf] : [])]),
  ...decided,
];

/**
 * Opens a delegate's link beside one of the person's own pending links, for the part of its wait inside the
 * delegation's window, and emails it — unless separation of duties skips the delegate on that decision, or the wait
 * already asks the delegate (a stand-in opened by the other side of a race). Answers whether it opened one.
 */
export const openStandIn = async (
  deps: OutOfOfficeDeps,
  delegation: Delegation,
  link: ApprovalLink,
): Promise<boolean> => {
  const now = deps.now();
  const rfq = await deps.store.rfqs.get(link.rfqId);
  if (!rfq?.quote || terminalStatuses.has(rfq.status) || rfq.quote.version !== link.quoteVersion) return false;
  const level = rfq.approvals.find((a) => a.level === link.level);
  const decided = (level?.decisions ?? []).flatMap((d) => [d.approver, ...(d.delegate ? [d.delegate] : [])]);
  const proposedBy = link.purpose === 'discount-approval' ? await discountProposer(deps.store, rfq.rfqId) : undefined;
  const decision = {
    personEmail: delegation.personEmail,
    buyerEmail: rfq.buyerEmail,
    asked: await askedBy(deps.store, link, decided),
    ...(proposedBy && { proposedBy }),
  };
  if (!mayStandIn(delegation.delegateEmail, decision)) return false;
  if (
    !(await delegateStillStands(
      { store: deps.store, salesManager: deps.config.SALES_MANAGER_EMAIL },
      { ...link, companyId: rfq.companyId },
      delegation.delegateEmail,
    ))
  )
    return false;
  const window = delegateWindow(delegation, { now, expiresAt: link.expiresAt });
  if (!window) return false;
  const { token, tokenHash } = mintLinkToken();
  await deps.store.links.createLinks([
    {
      ...link,
      tokenHash,
      approver: delegation.delegateEmail,
      onBehalfOf: delegation.personEmail,
      ...window,
      createdAt: now.toISOString(),
    },
  ]);
  const to = { email: delegation.delegateEmail, forEmail: delegation.personEmail, ...window };
  await deps.mailer.send({
    ...standInEmail({ ...to, rfq, quote: rfq.quote }, link.purpose, linkUrl(deps.config.PUBLIC_BASE_URL, token)),
    rfqId: rfq.rfqId,
  });
  return true;
};

/** A stand-in beside each wait that already waits for the person (their own pending links); answers how many. */
const openStandIns = async (deps: OutOfOfficeDeps, delegation: Delegation): Promise<number> => {
  const own = (await deps.store.links.pendingFor(delegation.personEmail, deps.now().toISOString())).filter(
    (l) => l.onBehalfOf === undefined,
  );
  let opened = 0;
  for (const link of own) if (await openStandIn(deps, delegation, link)) opened += 1;
  return opened;
};

/**
 * PUT /me/delegation: stores the person's delegation (replacing any earlier one, whose stand-in links are withdrawn)
 * and gives the delegate a link to each decision already waiting for the person. Waits that open later read the
 * delegation themselves (steps/open-wait.ts).
 */
export const setDelegation = async (
  deps: OutOfOfficeDeps,
  delegation: Delegation,
): Promise<{ delegation: Delegation; openedLinks: number }> => {
  const earlier = await deps.store.delegations.get(delegation.personEmail);
  await deps.store.delegations.put(delegation);
  if (earlier)
    await deps.store.links.revokeLinks(await standInLinks(deps.store, earlier, deps.now()), {
      because: 'delegation-changed',
      by: delegation.setBy,
    });
  return { delegation, openedLinks: await openStandIns(deps, delegation) };
};

/**
 * DELETE /me/delegation (the person is back), or the delegation may hold no longer (`ended` says why): the delegate's
 * links for them stop working, and say why when opened. The person's own keep on.
 */
export const clearDelegation = async (
  deps: Pick<OutOfOfficeDeps, 'store' | 'now'>,
  personEmail: string,
  ended: StandInEnded,
): Promise<Delegation | undefined> => {
  const earlier = await deps.store.delegations.get(personEmail);
  if (!earlier) return undefined;
  await deps.store.delegations.delete(personEmail);
  await deps.store.links.revokeLinks(await standInLinks(deps.store, earlier, deps.now()), ended);
  return earlier;
};

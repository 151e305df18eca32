import type { Caller } from '#domain/caller.ts';
import { terminalStatuses } from '#domain/lifecycle.ts';
import { mayWorkOnTask } from '#domain/policy.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import type { ApprovalLink, Store } from '#store/ports.ts';

/** One wait that waits for the caller, with what they need to pick it up: the RFQ, its company, the matching rules. */
export interface OpenTask {
  link: ApprovalLink;
  rfq: Rfq;
  quote: Quote;
  companyName: string;
  /** For a purchase approval: the names of the company's rules that put the level there. */
  ruleNames: string[];
}

const distinct = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * GET /me/tasks: the caller's pending links (one query of their task partition, then the links and RFQs themselves),
 * kept while the RFQ still waits on that quote version and the policy says the caller works on it. Soonest due first.
 */
export const openTasks = async (caller: Caller, store: Store, now: Date): Promise<OpenTask[]> => {
  const links = await store.links.pendingFor(caller.email, now.toISOString());
  const rfqs = new Map(
    (await Promise.all(distinct(links.map((l) => l.rfqId)).map((id) => store.rfqs.get(id)))).flatMap((rfq) =>
      rfq ? [[rfq.rfqId, rfq] as const] : [],
    ),
  );
  const live = links.flatMap((link) => {
    const rfq = rfqs.get(link.rfqId);
    if (!rfq?.quote || terminalStatuses.has(rfq.status) || rfq.quote.version !== link.quoteVersion) return [];
    // A delegate's link is their task only once their window has begun.
    if (link.activeFrom !== undefined && link.activeFrom > now.toISOString()) return [];
    return mayWorkOnTask(caller, { purpose: link.purpose, approver: link.approver, ...rfq }) ? [{ link, rfq }] : [];
  });
  const companyIds = distinct(live.map(({ rfq }) => rfq.companyId));
  const withRules = new Set(
    live.filter(({ link }) => link.purpose === 'approval-level').map(({ rfq }) => rfq.companyId),
  );
  const [companies, rules] = await Promise.all([
    Promise.all(companyIds.map(async (id) => [id, (await store.catalog.getCompany(id))?.name ?? id] as const)),
    Promise.all([...withRules].map(async (id) => [id, await store.catalog.getApprovalRules(id)] as const)),
  ]);
  const names = new Map(companies);
  const rulesOf = new Map(rules);
  // A link waits on a quote the RFQ has; one without (a broken RFQ) is nothing anyone can decide, so it is no task.
  return live.flatMap(({ link, rfq }) => {
    const { quote } = rfq;
    if (!quote) return [];
    const level = rfq.approvals.find((a) => a.level === link.level);
    const ruleNames = (level?.ruleIds ?? []).map(
      (id) => rulesOf.get(rfq.companyId)?.find((r) => r.ruleId === id)?.name ?? id,
    );
    return [{ link, rfq, quote, companyName: names.get(rfq.companyId) ?? rfq.companyId, ruleNames }];
  });
};

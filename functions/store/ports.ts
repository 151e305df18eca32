import type { ApprovalRule } from '#domain/approval-rule.ts';
import type { Budgets, PeriodOf, Spent } from '#domain/budget.ts';
import type { Comment, DecisionComment, Visibility } from '#domain/comment.ts';
import type { Company } from '#domain/company.ts';
import type { Contract } from '#domain/contract.ts';
import type { Delegation, StandInEnded } from '#domain/delegation.ts';
import type { FollowUpStatus } from '#domain/follow-ups.ts';
import type { Integration } from '#domain/integration.ts';
import type { IntegrationEvent } from '#domain/integration-event.ts';
import type { PeriodRange, StoredRollup } from '#domain/kpi-report.ts';
import type { Grouping, RollupDelta } from '#domain/kpi-rollup.ts';
import type { RfqAction, RfqStatus } from '#domain/lifecycle.ts';
import type { MailFeedback, SuppressionReason } from '#domain/mail-feedback.ts';
import type { Order } from '#domain/order.ts';
import type { Product } from '#domain/product.ts';
import type { AddedLine, LineEdit } from '#domain/quote-edits.ts';
import type { QuoteVersion } from '#domain/quote-version.ts';
import type { Actor, Rfq } from '#domain/rfq.ts';
import type { TaxSettings } from '#domain/tax.ts';
import type { WebhookDelivery } from '#domain/webhook-delivery.ts';
import type { WebhookEndpoint } from '#domain/webhook-endpoint.ts';

/**
 * What the use cases need from storage. The DynamoDB adapter implements it; handlers and steps receive it as an
 * argument (never by module mocking), so a use case can be tested against DynamoDB Local.
 */

export interface HistoryEvent {
  rfqId: string;
  /** 1, 2, 3 ... — the position in the chain; a put is conditional on the position being free, so it never forks. */
  seq: number;
  at: string;
  actor: Actor;
  action: string;
  from?: RfqStatus;
  to?: RfqStatus;
  detail?: Record<string, unknown>;
  /** SHA-256 (hex) of the previous event's canonical form; 64 zeros for the first event. */
  prevHash: string;
  /** SHA-256 (hex) of this event's canonical form (everything above, including prevHash). */
  hash: string;
}

/** What a caller says about the history event a write appends. */
export interface EventInput {
  actor: Actor;
  action: string;
  detail?: Record<string, unknown>;
  /** The decision's comments: posted into the RFQ's thread in the same transaction. */
  comments?: readonly DecisionComment[];
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. Absent on the last page. */
  cursor?: string;
}

export interface ListQuery {
  status?: RfqStatus;
  limit?: number;
  cursor?: string;
}

/** Thrown when a conditional write finds another status or version than expected: somebody else moved first. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** Thrown for a malformed or foreign cursor. */
export class BadCursorError extends Error {
  override readonly name = 'BadCursorError';
}

export interface RfqStore {
  /**
   * Puts a new RFQ (condition: none with that id) with the next quote number of its year, and its first history event
   * (action 'submitted'). Answers the RFQ as stored — the caller's object, given its number. The number is drawn first
   * by one atomic increment of the year's counter (no retry loop, however many submit at once), so it is never given
   * twice; a create that then fails (the id exists, DynamoDB fails) leaves its number unused — a gap, never a repeat.
   */
  create(rfq: Rfq, event: EventInput): Promise<Rfq>;
  get(rfqId: string): Promise<Rfq | undefined>;
  /**
   * Applies `action` from the lifecycle table: conditional on `rfq.status` and `rfq.version`, writes
   * `{ ...rfq, ...changes, status: next, version: rfq.version + 1, updatedAt }` and appends a history event, in one
   * transaction. Throws IllegalTransition (from the domain) when the table forbids it, ConflictError when stale.
   */
  transition(rfq: Rfq, action: RfqAction, changes: Partial<Rfq>, event: EventInput): Promise<Rfq>;
  /** Same guard (status + version) without a status change: a new quote version, an approval decision recorded. */
  update(rfq: Rfq, changes: Partial<Rfq>, event: EventInput): Promise<Rfq>;
  /**
   * A transition or update that changes the quote's version also writes that version, with what changed from the one
   * before, in the same transaction (condition: the version is new). These read them back, oldest first.
   */
  versions(rfqId: string): Promise<QuoteVersion[]>;
  version(rfqId: string, version: number): Promise<QuoteVersion | undefined>;
  /** The thread, oldest first: posts and the comments decisions carried (written with their event). */
  comments(rfqId: string): Promise<Comment[]>;
  /** A post to the thread; it does not touch the RFQ item, so it never races the workflow's writes. */
  addComment(comment: Comment): Promise<void>;
  /**
   * The one write that changes an RFQ's rep (update keeps it fixed): the sales manager gave its review to another rep,
   * who from now on owns it — reads it, reviews it, finds it in their lists. Same guard as update.
   */
  reassign(rfq: Rfq, repEmail: string, event: EventInput): Promise<Rfq>;
  listByCompany(companyId: string, query: ListQuery): Promise<Page<Rfq>>;
  listByRep(repEmail: string, query: ListQuery): Promise<Page<Rfq>>;
  /** Every company's RFQs, newest first (admin, sales manager). */
  listAll(query: ListQuery): Promise<Page<Rfq>>;
  /**
   * A rep's RFQs in one follow-up state whose follow-up date is at most `due` (domain/follow-ups.ts), soonest first, at
   * most `limit`: one key range of the rep's follow-up entries, which every write of an RFQ keeps in step with it.
   */
  followUps(repEmail: string, status: FollowUpStatus, due: string, limit: number): Promise<Rfq[]>;
  /**
   * Gives an RFQ stored before follow-ups were kept its entry (migrations/follow-ups.ts): 'indexed', or 'in place' when
   * it needs none, has one, or changed since it was read (that write placed its entry itself).
   */
  indexFollowUp(rfq: Rfq): Promise<'indexed' | 'in place'>;
  history(rfqId: string): Promise<HistoryEvent[]>;
  /** Recomputes the chain; `ok: false` names the first seq that does not verify (edited, missing or reordered). */
  verifyHistory(rfqId: string): Promise<{ ok: true } | { ok: false; brokenAt: number; reason: string }>;
  /**
   * One TransactWriteItems: put the order (condition: no order for this RFQ), move the RFQ APPROVED → ORDERED
   * (condition: status and version) with `orderId`, append the history event. All or nothing: ConflictError on failure.
   */
  convertToOrder(rfq: Rfq, order: Order, event: EventInput, charges?: readonly SpendCharge[]): Promise<Rfq>;
}

/**
 * The order's total added to what its buyer spent in one period, in the conversion transaction. With a `limit`, only
 * if the period's spend stays within it (a conditional update: two orders cannot both fit the last remaining amount);
 * otherwise the whole conversion is refused with BudgetExceeded.
 */
export interface SpendCharge {
  period: PeriodOf;
  limit?: number;
}

/** The conversion would take the buyer's spend in `period` beyond its limit; nothing was written. */
export class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';
  constructor(readonly periods: readonly PeriodOf[]) {
    super(`the order does not fit the ${periods.map((p) => `${p.period} from ${p.start}`).join(' and ')} budget`);
  }
}

export interface BudgetStore {
  putBudgets(companyId: string, budgets: Budgets): Promise<void>;
  getBudgets(companyId: string): Promise<Budgets | undefined>;
  /** What the buyer spent in each of these periods (absent: nothing yet). */
  spent(companyId: string, buyerEmail: string, periods: readonly PeriodOf[]): Promise<Spent>;
}

export interface DelegationStore {
  put(delegation: Delegation): Promise<void>;
  get(personEmail: string): Promise<Delegation | undefined>;
  delete(personEmail: string): Promise<void>;
}

export interface OrderStore {
  get(orderId: string): Promise<Order | undefined>;
  /**
   * Writes the order as a report left it (its `revision` one past the one read), on condition that nobody wrote it
   * since that read: ConflictError otherwise, and nothing was written.
   */
  record(order: Order): Promise<void>;
  listByCompany(companyId: string, query: Omit<ListQuery, 'status'>): Promise<Page<Order>>;
  listAll(query: Omit<ListQuery, 'status'>): Promise<Page<Order>>;
  /** The company's orders placed under this PO number (in any case), newest first: the first `limit` (20). */
  withPoNumber(companyId: string, poNumber: string, limit?: number): Promise<Order[]>;
  /**
   * Gives an order written before orders were indexed by company and PO number its entry in that index: `indexed`;
   * `in place` when it has one already (or is gone). Safe to repeat and to run while orders are written.
   */
  indexPoNumber(order: Order): Promise<'indexed' | 'in place'>;
}

export interface CatalogStore {
  /**
   * Puts the product, or updates the one whose sku differs only in case (keeping that product's spelling of the sku);
   * answers the product as stored.
   */
  putProduct(product: Product): Promise<Product>;
  /** putProduct, saying what it did: `unchanged` when the product was stored exactly so (nothing is written then). */
  upsertProduct(product: Product): Promise<{ product: Product; outcome: 'created' | 'updated' | 'unchanged' }>;
  /**
   * Moves a product stored under its sku as spelled (before skus were keyed in any case) to its sku key, with its
   * search words: `moved`; `in place` when it is there already; `duplicate` when a product of that sku in another case
   * holds the key — then both stay as they are, for a person to decide, unless `retireDuplicate` removes this one
   * (`retired`: the product at the key is the one kept).
   */
  moveProductToSkuKey(
    sku: string,
    options?: { retireDuplicate?: boolean },
  ): Promise<'moved' | 'in place' | 'duplicate' | 'retired'>;
  /**
   * Writes the search words of a product stored before catalog search read a word index, the product itself as it
   * stands (never a stale copy over a newer write). Answers whether it had to.
   */
  indexProductWords(sku: string): Promise<boolean>;
  getProduct(sku: string): Promise<Product | undefined>;
  /**
   * Active products by category, name and sku; `category` narrows to one category. `q` finds those whose name or sku
   * contains it starting at the beginning of a word (case-insensitive), grouped by the word they matched, each group
   * in that order. From keys-only index entries (one per active product, one per word of one): never a scan.
   */
  activeProducts(query: { q?: string; category?: string; limit?: number; cursor?: string }): Promise<Page<Product>>;
  /** Every product, active or not, by sku; `q` keeps those whose sku or name contains it. For the seller's admin. */
  allProducts(query: { q?: string; limit?: number; cursor?: string }): Promise<Page<Product>>;
  /** BatchGet; unknown skus are simply absent from the map. */
  getProducts(skus: string[]): Promise<Map<string, Product>>;
  putCompany(company: Company): Promise<void>;
  getCompany(companyId: string): Promise<Company | undefined>;
  /** Companies whose accountRepEmail is this rep. */
  companiesOfRep(repEmail: string): Promise<Company[]>;
  /** Every buyer company, by companyId (the seller admin picks one to edit). */
  allCompanies(): Promise<Company[]>;
  putContract(contract: Contract): Promise<void>;
  getContract(companyId: string): Promise<Contract | undefined>;
  putApprovalRules(companyId: string, rules: ApprovalRule[]): Promise<void>;
  getApprovalRules(companyId: string): Promise<ApprovalRule[]>;
  putTaxSettings(settings: TaxSettings): Promise<void>;
  /** Undefined until the seller's admin first saves them: quotes carry no tax until then. */
  getTaxSettings(): Promise<TaxSettings | undefined>;
}

/**
 * A company's record as its settings are saved: the company (its users) and its approval rules share one lock, the
 * company item's `revision`, so two saves read at the same revision never both land (one refuses with StaleRevision),
 * and users and rules never disagree. `pendingAccounts` are the people whose sign-in accounts a save changed and that
 * are not yet brought in line with the stored list (functions/accounts/accounts-in-line.ts).
 */
export interface CompanyRecord {
  company: Company;
  /** 0 for a company stored before records had one. */
  revision: number;
  pendingAccounts: string[];
  /**
   * People the seller's admin is moving out, by email, to the company they go to: taken off this list in the move's
   * transaction, their account still this company's until the move changes it. Until then none of this company's saves
   * may list them again (the move would then take the account from under the list), and no other move may take them.
   */
  movingOut: Readonly<Record<string, string>>;
}

/**
 * One company's save: over the `revision` read (none: a new company), adding `pendingAccounts` to those waiting, with
 * the people moving out as the record read them (or as a move changes them).
 */
export interface CompanySave {
  company: Company;
  over: { revision?: number; pendingAccounts: readonly string[]; movingOut: CompanyRecord['movingOut'] };
}

export interface CompanyRecordStore {
  get(companyId: string): Promise<CompanyRecord | undefined>;
  /**
   * Saves the company over `revision` (none: a new company) and adds `pendingAccounts` to those waiting; answers the
   * new revision. StaleRevision when the record moved on meanwhile: nothing was written.
   */
  save(company: Company, over: CompanySave['over']): Promise<number>;
  /**
   * Saves several companies at once, each over its revision (a person moved from one to another): all or none.
   * Answers their new revisions in order; StaleRevision when any moved on meanwhile: nothing was written.
   */
  saveTogether(saves: readonly CompanySave[]): Promise<number[]>;
  /** Saves the approval rules over the company's `revision`, moving it on (the same lock as the users). */
  saveRules(companyId: string, rules: ApprovalRule[], revision: number): Promise<number>;
  /**
   * These people's accounts were brought in line with the record at `revision`: no longer pending. Answers false (and
   * changes nothing) when the record moved on meanwhile, so whoever brings them in line reads it again.
   */
  accountsInLine(companyId: string, revision: number, emails: readonly string[]): Promise<boolean>;
  /**
   * Adds these people to those waiting to be brought in line, without moving the revision: an account changed from
   * outside the company's own saves (a person moved in) is then reconciled with whatever list is stored when its
   * reconciler reads — never with a list read before the change. Nothing happens for a company not stored.
   */
  pend(companyId: string, emails: readonly string[]): Promise<void>;
  /**
   * The person's account is the company's they moved `to` now: they no longer count as moving out of `companyId`.
   * Without moving the revision; nothing happens when they are not (or no longer) moving there.
   */
  movedOut(companyId: string, email: string, to: string): Promise<void>;
}

/**
 * Who is known to have signed in at least once: what the pool said about them, kept, because nobody goes back to an
 * invitation still open. Asking the pool about a company's people is then a question about the few never seen.
 */
export interface SignInRecordStore {
  /** Of these people (lower-cased emails), those known to have signed in. */
  signedIn(emails: readonly string[]): Promise<Set<string>>;
  record(emails: readonly string[]): Promise<void>;
}

/** "Tokens issued before T are void", per person: a person removed or demoted is refused at once, not at expiry. */
export interface RevocationStore {
  /** Since when this person's tokens count, if they were ever revoked (epoch seconds, as a token's `iat`). */
  validSince(email: string): Promise<number | undefined>;
  revoke(emails: readonly string[], at: Date): Promise<void>;
}

/** A company's record moved on since it was read: somebody else saved first. */
export class StaleRevision extends Error {
  override readonly name = 'StaleRevision';
  constructor(readonly companyId: string) {
    super(`${companyId} was saved by somebody else since it was read`);
  }
}

export type LinkPurpose = 'rep-review' | 'discount-approval' | 'approval-level';
export type LinkStatus = 'PENDING' | 'DECIDED' | 'REVOKED';

/** One email link. Only the SHA-256 of the link's token is stored; the token itself exists only in the email. */
export interface ApprovalLink {
  tokenHash: string;
  rfqId: string;
  /** The quote version the link shows; a new version revokes the old links. */
  quoteVersion: number;
  purpose: LinkPurpose;
  /** For approval-level links, the chain level (1-based). */
  level?: number;
  /** The wait this link belongs to: one per callback attempt. All links of a wait share it. */
  waitId: string;
  approver: string;
  /** Issued by an escalation to someone the wait did not ask at first (the sales manager, a level's contact). */
  escalated?: true;
  /** A delegate's link: `approver` decides for this person (out of office), within [activeFrom, expiresAt). */
  onBehalfOf?: string;
  activeFrom?: string;
  /** A stand-in link revoked because its delegation ended (revokeLinks): why, for its page. */
  withdrawn?: StandInEnded;
  /** The Step Functions task token to answer; never leaves the backend. */
  taskToken: string;
  status: LinkStatus;
  createdAt: string;
  expiresAt: string;
  decision?: {
    decision: 'approve' | 'reject' | 'reassign';
    /** With `reassign`: the rep the review goes to. */
    reassignTo?: string;
    at: string;
    comment?: string;
    commentVisibility?: Visibility;
    adjustments?: { sku: string; unitPrice: number }[];
    /** A review's line edits, added lines and re-pricing choice (see functions/domain/quote-edits.ts). */
    lines?: LineEdit[];
    add?: AddedLine[];
    reprice?: boolean;
  };
}

export interface LinkStore {
  /** Puts the links of one wait (condition: each hash new). */
  createLinks(links: ApprovalLink[]): Promise<void>;
  findByHash(tokenHash: string): Promise<ApprovalLink | undefined>;
  /**
   * The single-use write: PENDING → DECIDED, conditional on status PENDING and expiresAt > now.
   * Returns the decided link, or the reason it could not be decided.
   */
  decide(
    link: ApprovalLink,
    decision: NonNullable<ApprovalLink['decision']>,
    now: string,
  ): Promise<{ ok: true; link: ApprovalLink } | { ok: false; reason: 'decided' | 'revoked' | 'expired' | 'missing' }>;
  /**
   * Revokes every other PENDING link of the RFQ (of one wait, or all of them when no waitId); `person` keeps to the
   * links that decide for one person: their own and their delegate's.
   */
  revoke(rfqId: string, filter?: { waitId?: string; exceptHash?: string; person?: string }): Promise<number>;
  /**
   * A decided link whose wait was gone when its decision was handed on (the step that opened it failed and is retrying,
   * or another decision resumed the wait first): DECIDED → REVOKED, so it counts for nobody and its holder is asked
   * again by the next wait. The decision stays on it for the record.
   */
  withdraw(link: ApprovalLink): Promise<void>;
  /** Revokes these links where they are still PENDING (a delegation withdrawn: its stand-in links), saying why. */
  revokeLinks(links: readonly ApprovalLink[], withdrawn: StandInEnded): Promise<number>;
  listForRfq(rfqId: string): Promise<ApprovalLink[]>;
  /** The links still waiting for this approver (unexpired at `now`), soonest due first: their tasks. */
  pendingFor(approver: string, now: string): Promise<ApprovalLink[]>;
}

/** The buyer-decision wait (and any wait answered through the API rather than a link): one per RFQ and kind. */
export interface TaskWait {
  rfqId: string;
  kind: 'buyer-decision';
  quoteVersion: number;
  taskToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface WaitStore {
  put(wait: TaskWait): Promise<void>;
  get(rfqId: string, kind: TaskWait['kind']): Promise<TaskWait | undefined>;
  delete(rfqId: string, kind: TaskWait['kind']): Promise<void>;
}

/** A bounce or complaint as recorded for one of its recipients. */
export type RecordedFeedback = MailFeedback & { address: string };

/** An address we no longer write to, and why. */
export interface Suppression {
  address: string;
  reason: SuppressionReason;
  at: string;
  /** The message that bounced or was complained about: what the person was asked. */
  subject: string;
  feedbackId: string;
}

export interface MailFeedbackStore {
  /** Records the feedback for one recipient; false when this very feedback was recorded before (a redelivery). */
  record(address: string, feedback: MailFeedback): Promise<boolean>;
  /** The bounces and complaints of an address, oldest first. */
  feedbackFor(address: string): Promise<RecordedFeedback[]>;
  suppress(suppression: Suppression): Promise<void>;
  /** Which of these addresses we no longer write to (compared lower-cased). */
  suppressed(addresses: readonly string[]): Promise<Map<string, Suppression>>;
  /** The address works again (the person fixed it): it is written to from now on. */
  lift(address: string): Promise<void>;
}

export interface AppliedRecord {
  /** Transactions written now, and those a previous delivery had already written. */
  applied: number;
  alreadyApplied: number;
}

export interface KpiStore {
  /**
   * Adds a stream record's deltas to the rollups, idempotently: each transaction of rollup updates also puts the
   * record's marker for that part, conditional on its absence, so a redelivered record (or the rest of a record that
   * failed half-way) adds each part exactly once; and it bumps the revision of each month it touches.
   */
  applyRecord(recordId: string, deltas: readonly RollupDelta[], now: Date): Promise<AppliedRecord>;
  /**
   * Rollups of one scope and grouping over period ranges, with the number of items DynamoDB returned (the months'
   * revisions included). A month read before is answered from the container's memory while its revision stands.
   */
  read(
    scope: string,
    grouping: Grouping,
    ranges: readonly PeriodRange[],
  ): Promise<{ rollups: StoredRollup[]; itemsRead: number }>;
  /**
   * Writes whole rollups (already merged), replacing what is there, unless `batchId` was written before: the seeded
   * history goes in once per table. Returns false when it had been.
   */
  putOnce(batchId: string, rollups: readonly RollupDelta[], now: Date): Promise<boolean>;
}

/** The integration feed: every event once, in the order appends commit (event-feed-store.ts). */
export interface EventFeedStore {
  /** Appends the event at the next position; an event whose id is in the feed already is not appended again. */
  append(event: IntegrationEvent): Promise<void>;
  /**
   * Up to `limit` events after position `after` (0: from the start), oldest first, each one's position (`positions[i]`
   * is `items[i]`'s), and the position of the last.
   */
  read(after: number, limit: number): Promise<{ items: IntegrationEvent[]; positions: number[]; last: number }>;
  /** The event at a position, while the feed keeps it (a webhook delivery sends it again from here). */
  at(position: number): Promise<IntegrationEvent | undefined>;
  /** The position of the last event appended (0 before the first): where a new webhook endpoint starts. */
  head(): Promise<number>;
}

/** Webhook endpoints (one per integration that has one) and their deliveries (webhook-store.ts). */
export interface WebhookStore {
  /** Creates or replaces an integration's endpoint. */
  putEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  endpoint(integrationId: string): Promise<WebhookEndpoint | undefined>;
  endpoints(): Promise<WebhookEndpoint[]>;
  removeEndpoint(integrationId: string): Promise<void>;
  /** Moves the endpoint's cursor from `from` to `to`; false when another dispatcher moved it first. */
  advance(integrationId: string, from: number, to: number): Promise<boolean>;
  /** Disables the endpoint (the receiver answered 410); a later `putEndpoint` enables it again. */
  disable(integrationId: string, because: string, at: Date): Promise<void>;
  /**
   * Creates the delivery, claimed by the caller until `claimedUntil` (whoever creates it makes its first attempt);
   * false when it exists. A delivery whose claim ran out while still pending (its dispatcher died) is claimed with
   * `claim`.
   */
  createDelivery(delivery: WebhookDelivery, claimedUntil: Date): Promise<boolean>;
  claim(integrationId: string, deliveryId: string, now: Date, claimedUntil: Date): Promise<boolean>;
  delivery(integrationId: string, deliveryId: string): Promise<WebhookDelivery | undefined>;
  /** Writes the delivery after an attempt, conditional on the attempts it had; false when another attempt won. */
  record(before: WebhookDelivery, after: WebhookDelivery): Promise<boolean>;
  /** The integration's deliveries, newest first. */
  deliveries(integrationId: string, query: { limit: number; cursor?: string }): Promise<Page<WebhookDelivery>>;
}

/**
 * Integration clients (integration-store.ts): each under its id, for the seller's admin, and under its OAuth client
 * id, for the token check. Both are written and deleted together, so a deleted integration's token finds nothing.
 */
export interface IntegrationStore {
  create(integration: Integration): Promise<void>;
  list(): Promise<Integration[]>;
  get(integrationId: string): Promise<Integration | undefined>;
  byClientId(clientId: string): Promise<Integration | undefined>;
  /** Stores the integration as rotated: a new client id replaces the old one, whose tokens then find nothing. */
  replace(before: Integration, after: Integration): Promise<void>;
  /** Deletes it; answers what was deleted, or undefined when there was nothing. */
  delete(integrationId: string): Promise<Integration | undefined>;
}

export interface Store {
  rfqs: RfqStore;
  orders: OrderStore;
  catalog: CatalogStore;
  links: LinkStore;
  waits: WaitStore;
  kpis: KpiStore;
  budgets: BudgetStore;
  delegations: DelegationStore;
  mail: MailFeedbackStore;
  companies: CompanyRecordStore;
  revocations: RevocationStore;
  signIns: SignInRecordStore;
  feed: EventFeedStore;
  integrations: IntegrationStore;
  webhooks: WebhookStore;
}

import type { Caller } from './caller.ts';
import type { Role } from './company.ts';
import type { Delegator } from './delegation.ts';
import { type IntegrationScope, isIntegration, type Principal } from './integration.ts';

/**
 * Who may do what: the one place every who-may-do-what question is answered. Route roles, use cases, views, pages and
 * emails ask these functions; none re-states a rule. Each question is a pure function of the caller and the thing's
 * owners, tested as a table (test/unit/policy.test.ts), and the route table's roles are checked against it.
 */

/** What decides who may touch a resource: the buyer company that owns it and that company's account rep. */
export interface Owned {
  companyId: string;
  accountRepEmail?: string;
}

/** An RFQ as the policy needs it: its owners and the buyer who submitted it. */
export interface OwnedRfq extends Owned {
  accountRepEmail: string;
  buyerEmail: string;
}

const has = (caller: Caller, role: Role): boolean => caller.groups.includes(role);
const ofCompany = (caller: Caller, resource: Owned): boolean =>
  caller.companyId !== undefined && caller.companyId === resource.companyId;
const isAccountRep = (caller: Caller, resource: Owned): boolean =>
  has(caller, 'rep') && resource.accountRepEmail !== undefined && resource.accountRepEmail === caller.email;

/** Seller staff: a token without a company (callerFromClaims drops seller roles from company tokens). */
export const isSellerStaff = (caller: Caller): boolean =>
  caller.companyId === undefined && (has(caller, 'rep') || has(caller, 'sales-manager') || has(caller, 'admin'));

/**
 * Reading an RFQ or an order: a buyer or approver of the owning company, the account's rep, any sales manager or
 * seller admin. A caller with several groups gets the union.
 */
export const mayRead = (caller: Caller, resource: Owned): boolean =>
  ((has(caller, 'buyer') || has(caller, 'approver')) && ofCompany(caller, resource)) ||
  isAccountRep(caller, resource) ||
  (caller.companyId === undefined && (has(caller, 'sales-manager') || has(caller, 'admin')));

export const mayReadRfq = mayRead;

/**
 * The quote PDF: whoever may read the RFQ. It is always the buyer's document (the buyer-side whitelist), so a rep who
 * prints it for a customer prints what the customer sees.
 */
export const mayReadQuotePdf = mayRead;

/**
 * The quote PDF through an email link, with no sign-in: a company approver's link, while it still decides, shows the
 * quote it asks about as the buyer's document — what the approver weighs. The seller's own links (review, discount)
 * are about a quote not yet sent, which has no document; their holders sign in to the app for it.
 */
export const mayReadQuotePdfByLink = (link: {
  purpose: 'rep-review' | 'discount-approval' | 'approval-level';
}): boolean => link.purpose === 'approval-level';

/** Which slice of a list a caller gets, broadest first. */
export type ListScope = { kind: 'all' } | { kind: 'rep'; repEmail: string } | { kind: 'company'; companyId: string };

export const listScope = (caller: Caller): ListScope | undefined => {
  if (caller.companyId === undefined && (has(caller, 'admin') || has(caller, 'sales-manager'))) return { kind: 'all' };
  if (caller.companyId === undefined && has(caller, 'rep')) return { kind: 'rep', repEmail: caller.email };
  if ((has(caller, 'buyer') || has(caller, 'approver')) && caller.companyId)
    return { kind: 'company', companyId: caller.companyId };
  return undefined;
};

/** Seller-only fields — cost, margin, who adjusted a price, authority floors, seller notes — are for seller staff. */
export const seesSellerFields = (caller: Caller): boolean => isSellerStaff(caller);

/** Who a response, page, email or PDF is for: everything shown is whitelisted per audience. */
export type Audience = 'seller' | 'buyer';
export const audienceOf = (caller: Caller): Audience => (seesSellerFields(caller) ? 'seller' : 'buyer');

/**
 * Reviewing a priced RFQ (approve, adjust, reject): the account's rep, or a sales manager standing in. Answers the
 * role the decision is recorded under, or undefined.
 */
export const reviewerRole = (caller: Caller, rfq: OwnedRfq): 'rep' | 'sales-manager' | undefined => {
  if (caller.companyId !== undefined) return undefined;
  if (isAccountRep(caller, rfq)) return 'rep';
  if (has(caller, 'sales-manager')) return 'sales-manager';
  return undefined;
};
export const mayReview = (caller: Caller, rfq: OwnedRfq): boolean => reviewerRole(caller, rfq) !== undefined;

/** Giving a review to another rep: from the link a review escalated to the sales manager after the rep left it unanswered. */
export const mayReassignByLink = (link: { purpose: TaskPurpose; escalated?: true }): boolean =>
  link.purpose === 'rep-review' && link.escalated === true;

/** Separation of duties: whoever proposed a discount never approves it (by API or by an email link they hold). */
export const isApartFromProposer = (deciderEmail: string, proposedBy: string | undefined): boolean =>
  deciderEmail !== proposedBy;

/** Approving a discount beyond the rep's authority: a sales manager — never the person who proposed it. */
export const mayApproveDiscount = (caller: Caller, proposedBy: string | undefined): boolean =>
  caller.companyId === undefined && has(caller, 'sales-manager') && isApartFromProposer(caller.email, proposedBy);

/** Withdrawing an RFQ: a buyer of the owning company. */
export const mayCancel = (caller: Caller, rfq: Owned): boolean => has(caller, 'buyer') && ofCompany(caller, rfq);

/** Deciding on a quote (accept, decline, ask for a revision): a buyer of the owning company. */
export const mayDecideQuote = (caller: Caller, rfq: Owned): boolean => has(caller, 'buyer') && ofCompany(caller, rfq);

/**
 * Which of the company's orders already carry a PO number, asked while accepting: whoever may accept, so the company's
 * own buyers, and no one outside it (its order list is the company's business).
 */
export const mayCheckPoNumber = (caller: Caller, rfq: Owned): boolean => mayDecideQuote(caller, rfq);

/** Submitting an RFQ: a buyer for their own company. */
export const maySubmit = (caller: Caller, company: Owned): boolean =>
  has(caller, 'buyer') && ofCompany(caller, company);

/** Submitting on a buyer's behalf: the company's account rep. */
export const maySubmitOnBehalf = (caller: Caller, company: Owned): boolean =>
  caller.companyId === undefined && isAccountRep(caller, company);

/** Seller notes (the `seller` side of the thread): written and read by seller staff who may read the RFQ. */
export const mayWriteSellerNote = (caller: Caller, rfq: Owned): boolean =>
  isSellerStaff(caller) && mayRead(caller, rfq);
export const mayReadSellerNote = mayWriteSellerNote;

/** Posting to an RFQ's thread (`shared`): whoever may read the RFQ. A `seller` note needs mayWriteSellerNote. */
export const mayPostComment = mayRead;

/** The role a person speaks in on an RFQ's thread: their side and standing on it, as the policy sees them. */
export const threadRole = (caller: Caller, rfq: OwnedRfq): 'buyer' | 'approver' | 'rep' | 'sales-manager' | 'admin' => {
  if (caller.companyId !== undefined) return has(caller, 'buyer') ? 'buyer' : 'approver';
  return reviewerRole(caller, rfq) ?? 'admin';
};

/** KPIs: sales managers and seller admins for everyone, a rep for their accounts; a company's admin for its own. */
export const mayReadKpis = (caller: Caller, scope: { companyId?: string; repEmail?: string }): boolean => {
  if (caller.companyId === undefined && (has(caller, 'sales-manager') || has(caller, 'admin'))) return true;
  if (caller.companyId === undefined && has(caller, 'rep')) return scope.repEmail === caller.email;
  return caller.companyAdmin === true && scope.companyId === caller.companyId;
};

/** Editing reference data (products, companies, contracts): the seller's admin. */
export const mayEditReferenceData = (caller: Caller): boolean => caller.companyId === undefined && has(caller, 'admin');

/** A company's pricing contract, read back for editing: the seller's admin, who sets it. */
export const mayReadContract = (caller: Caller): boolean => mayEditReferenceData(caller);

/** The seller's tax settings (home country and rates): the seller's admin reads and sets them. */
export const mayManageTaxSettings = (caller: Caller): boolean => mayEditReferenceData(caller);

/** Which buyer companies a caller may list: every one for the seller's admin, a rep's own accounts for a rep. */
export type CompanyScope = { kind: 'all' } | { kind: 'rep'; repEmail: string };
export const companyScope = (caller: Caller): CompanyScope | undefined => {
  if (mayEditReferenceData(caller)) return { kind: 'all' };
  if (caller.companyId === undefined && has(caller, 'rep')) return { kind: 'rep', repEmail: caller.email };
  return undefined;
};

/**
 * An integration client (a machine) may do what its scopes say and nothing else: every question above is about people
 * and answers no for it, since it has no groups and no company. A person is never granted a scope.
 */
export const hasScope = (principal: Principal, scope: IntegrationScope): boolean =>
  isIntegration(principal) && principal.scopes.includes(scope);

/**
 * Whether a principal passes a route's gate: a person by the route's roles, an integration by the route's scope (a
 * route without one is closed to machines). The use case still asks its own question of the policy after this.
 */
export const mayCallRoute = (
  principal: Principal,
  route: { roles?: readonly Role[]; scope?: IntegrationScope },
): boolean => {
  if (isIntegration(principal)) return route.scope !== undefined && hasScope(principal, route.scope);
  return route.roles === undefined || principal.groups.some((g) => route.roles?.includes(g));
};

/** The people's question asked of a principal that may be a machine: no integration is a person. */
const asPerson = (principal: Principal, question: (caller: Caller) => boolean): boolean =>
  !isIntegration(principal) && question(principal);

/**
 * The integration feed: integration clients with `orders.read`, and the seller's admin. Its events are the ones
 * EventBridge carries, whose details name no seller cost.
 */
export const mayReadIntegrationFeed = (principal: Principal): boolean =>
  hasScope(principal, 'orders.read') || asPerson(principal, mayEditReferenceData);

/**
 * Reporting what became of an order in the ERP (confirmation, shipments, invoices, cancellation): integration clients
 * with `orders.write`, and the seller's admin (who can do by hand what the ERP reports).
 */
export const mayReportOrderStatus = (principal: Principal): boolean =>
  hasScope(principal, 'orders.write') || asPerson(principal, mayEditReferenceData);

/**
 * Reading an order: whoever reads its RFQ (mayRead), and integration clients with `orders.read`, which read every
 * order — the seller's ERP takes them all.
 */
export const mayReadOrder = (principal: Principal, order: Owned): boolean =>
  hasScope(principal, 'orders.read') || asPerson(principal, (caller) => mayRead(caller, order));
/**
 * An order's documents (cXML, UBL, X12): whoever reads the order — the company's buyers and approvers, the account's
 * rep, the sales managers, the seller's admin and `orders.read` clients. Built from the buyer-side fields only, so the
 * seller's cost is in none.
 */
export const mayReadOrderDocuments = mayReadOrder;

/**
 * Writing the catalog and the customers' records (products, contracts, companies' ERP numbers and addresses) from the
 * ERP: integration clients with `catalog.write`, and the seller's admin who keeps them by hand.
 */
export const mayWriteCatalog = (principal: Principal): boolean =>
  hasScope(principal, 'catalog.write') || asPerson(principal, mayEditReferenceData);

/**
 * What of a company's record the seller's ERP keeps (`catalog.write`): its customer number there and its addresses.
 * Its people (who sign in), its rep, name, terms and currency stay the seller's admin's to set.
 */
export const erpCompanyFields: readonly string[] = ['erpCustomerNumber', 'addresses'];

/** A company's record, read as it is to be saved back: the company's admins, and the ERP that keeps part of it. */
export const mayReadCompanyRecord = (principal: Principal, companyId: string): boolean =>
  hasScope(principal, 'catalog.write') || asPerson(principal, (caller) => mayReadCompanySettings(caller, companyId));

/**
 * Saving a company's record whose `changed` fields differ from the stored one (every field, for a company not stored
 * yet): the seller's admin any; an integration with `catalog.write` only the fields the ERP keeps — so an ERP token
 * never adds a person who signs in, nor moves the account to another rep.
 */
export const mayWriteCompanyRecord = (principal: Principal, changed: readonly string[]): boolean =>
  asPerson(principal, mayEditReferenceData) ||
  (hasScope(principal, 'catalog.write') && changed.every((field) => erpCompanyFields.includes(field)));

/** Creating, listing, rotating and deleting integration clients: the seller's admin, and never a machine. */
export const mayManageIntegrations = (principal: Principal): boolean => asPerson(principal, mayEditReferenceData);

/**
 * Who an answer is for when a machine may ask too: an integration gets the buyer-side whitelist, as every document,
 * event and webhook body is — the seller's cost leaves through no integration.
 */
export const audienceOfPrincipal = (principal: Principal): Audience =>
  isIntegration(principal) ? 'buyer' : audienceOf(principal);

/** The whole product list — inactive products and costs included: the seller's admin, who edits it. */
export const mayListProducts = (caller: Caller): boolean => mayEditReferenceData(caller);

/** A company's approval rules: the seller's admin, or that company's own admin. */
export const mayEditApprovalRules = (caller: Caller, companyId: string): boolean =>
  mayEditReferenceData(caller) || (caller.companyAdmin === true && caller.companyId === companyId);

/** A company's settings — its record, its users and roles, its rules and their preview: the same admins. */
export const mayReadCompanySettings = (caller: Caller, companyId: string): boolean =>
  mayEditApprovalRules(caller, companyId);

/** A company's users and their roles: the seller's admin, or that company's own admin. */
export const mayManageCompanyUsers = mayReadCompanySettings;

/**
 * Writing a company's settings (users, rules, budgets) as the company's own admin needs the company's stored list to
 * name the caller an admin now: a token issued before they were removed or demoted must not reinstate them. The
 * seller's admin is on no company's list. Asked once the record is read, after the token's own check above.
 */
export const mayWriteCompanySettings = (
  caller: Caller,
  company: { companyId: string; users: readonly { email: string; roles: readonly string[] }[] },
): boolean =>
  mayEditReferenceData(caller) ||
  (caller.companyAdmin === true &&
    caller.companyId === company.companyId &&
    company.users.some((u) => u.email === caller.email && u.roles.includes('admin')));

/**
 * Listing a person as a company's user gives them a sign-in account of that company, or keeps the one they have:
 * never an account of another company or of the seller's staff, whose company and groups the listing would rewrite.
 */
export const mayEnrolAccount = (companyId: string, account: { companyId?: string } | undefined): boolean =>
  account === undefined || account.companyId === companyId;

/**
 * Moving a person from the company they sign in for to another, in one step (their account's company changes): the
 * seller's admin, who keeps every company. A company's own admin lists newcomers and its own people only
 * (mayEnrolAccount); the seller's staff are never moved into a company.
 */
export const mayMovePeople = (caller: Caller): boolean => mayEditReferenceData(caller);

/** A company's spending budgets: the seller's admin, or that company's own admin. */
export const mayEditBudgets = mayEditApprovalRules;
export const mayReadBudgets = mayEditBudgets;

/**
 * What each buyer has spent and has left this period: the company's own admin. The seller's admin may set limits
 * for a customer who asks, but what its buyers spend against them is the customer's business (as seesBudget).
 */
export const seesBudgetStanding = (caller: Caller, companyId: string): boolean =>
  caller.companyAdmin === true && caller.companyId === companyId;

/**
 * The budget left to an RFQ's buyer: the buyer company's own people only. A customer's spending limits are its
 * business; seller staff never see them.
 */
export const seesBudget = (caller: Caller, rfq: Owned): boolean =>
  (has(caller, 'buyer') || has(caller, 'approver')) && ofCompany(caller, rfq);

/** A purchase approval level as the policy needs it: who it names, and who it went to when left unanswered. */
export interface DecidableLevel {
  approvers: readonly string[];
  escalation?: { to: readonly string[] };
}

/**
 * Approving one level of a purchase: a named approver of that level, or a contact it was escalated to — never the
 * buyer who submitted the purchase (segregation of duties: the chain skips them, and a link or delegation that would
 * reach them decides nothing).
 */
export const mayApprovePurchaseLevel = (
  approverEmail: string,
  level: DecidableLevel,
  rfq: Pick<OwnedRfq, 'buyerEmail'>,
): boolean =>
  (level.approvers.includes(approverEmail) || level.escalation?.to.includes(approverEmail) === true) &&
  approverEmail !== rfq.buyerEmail;

/** What an open wait asks for: a rep's review, a sales manager's discount approval, one level of a purchase approval. */
export type TaskPurpose = 'rep-review' | 'discount-approval' | 'approval-level';

/**
 * A wait shows up as the caller's task (GET /me/tasks) only when it was issued to them and they still stand where it
 * was issued: a seller-side wait for seller staff, a purchase approval for an approver of the buying company who did
 * not submit it. A token whose email matches but whose company or groups do not (a person who moved on) sees nothing.
 */
export const mayWorkOnTask = (
  caller: Caller,
  task: { purpose: TaskPurpose; approver: string } & Pick<OwnedRfq, 'companyId' | 'buyerEmail'>,
): boolean => {
  if (task.approver.toLowerCase() !== caller.email.toLowerCase()) return false;
  if (task.purpose !== 'approval-level') return isSellerStaff(caller);
  return has(caller, 'approver') && ofCompany(caller, task) && caller.email !== task.buyerEmail;
};

/** Asking what waits for me: anyone signed in with a role; a person with nothing to decide gets an empty list. */
export const mayListOwnTasks = (caller: Caller): boolean => caller.groups.length > 0;

/**
 * The rep's queue (GET /me/queue): their reviews and the follow-ups of the accounts they own — a rep of the seller's
 * staff, not a person of a buying company.
 */
export const mayReadRepQueue = (caller: Caller): boolean => caller.companyId === undefined && has(caller, 'rep');

/**
 * Deciding a purchase approval level in the app (POST /rfqs/{rfqId}/approval): an approver of the buying company whom
 * the level names or was escalated to, or their delegate — never the buyer who submitted it.
 */
export const mayDecidePurchaseLevel = (
  caller: Caller,
  rfq: Pick<OwnedRfq, 'companyId' | 'buyerEmail'>,
  level: DecidableLevel,
  /** The approver the caller stands in for, as their delegate. */
  onBehalfOf?: string,
): boolean =>
  has(caller, 'approver') &&
  ofCompany(caller, rfq) &&
  caller.email !== rfq.buyerEmail &&
  mayApprovePurchaseLevel(onBehalfOf ?? caller.email, level, rfq);

/**
 * Out of office (GET, PUT, DELETE /me/delegation): a person who decides things sets their own — an approver of a buyer
 * company, or one of the seller's staff; a company's admin sets it for the company's people; the seller's admin for
 * the seller's staff.
 */
export const mayManageDelegation = (caller: Caller, person: Delegator): boolean => {
  if (person.email === caller.email && person.companyId === caller.companyId)
    return caller.companyId === undefined ? isSellerStaff(caller) : has(caller, 'approver');
  if (person.companyId !== undefined) return caller.companyAdmin === true && caller.companyId === person.companyId;
  return mayEditReferenceData(caller);
};

/**
 * Who may stand in for a buyer company's people, as its stored list says now: an approver or admin of the company. A
 * person removed or demoted stops being one at once — their delegations end, and a wait asks the list again when it
 * opens a delegate's link and when the link is used.
 */
export const mayBeDelegateIn = (
  users: readonly { email: string; roles: readonly string[] }[],
  email: string,
): boolean =>
  users.some((u) => u.email === email.toLowerCase() && (u.roles.includes('approver') || u.roles.includes('admin')));

/**
 * Standing in for an out-of-office person on one decision (separation of duties): never the buyer who submitted the
 * purchase, the person who proposed the discount, the person themselves, nor someone the same wait already asks (on
 * a level every approver must approve, one person must not count twice). Such a delegate is skipped; the person's own
 * link still decides, and the wait goes on as it would (reminder, escalation).
 */
export const mayStandIn = (
  delegateEmail: string,
  decision: { personEmail: string; buyerEmail: string; proposedBy?: string; asked: readonly string[] },
): boolean =>
  delegateEmail !== decision.personEmail &&
  delegateEmail !== decision.buyerEmail &&
  delegateEmail !== decision.proposedBy &&
  !decision.asked.includes(delegateEmail);

/**
 * The parts of the app a person may open, in the order their menu lists them (the first is where they start), each
 * for the question its pages' routes ask: the web app draws its menu and its routes from this (GET /me), never from
 * group names. A company's people shop and follow their RFQs and orders; its approvers approve; its admin reads its
 * KPIs and runs its settings. Seller staff: a rep works from the queue and submits for customers, a sales manager
 * approves discounts, the seller's admin keeps the reference data; seller staff follow their customers' orders as the
 * ERP reports on them (a rep, their accounts'); whoever reads KPIs has the dashboard.
 */
export const appSections = [
  'catalog',
  'new-rfq',
  'my-rfqs',
  'my-orders',
  'approvals',
  'queue',
  'submit-for-buyer',
  'discounts',
  'products',
  'contracts',
  'companies',
  'integrations',
  'customer-orders',
  'dashboard',
  'company-settings',
] as const;
export type AppSection = (typeof appSections)[number];

export const sectionsOf = (caller: Caller): AppSection[] => {
  const own = caller.companyId;
  const may: Record<AppSection, boolean> = {
    catalog: own !== undefined && listScope(caller) !== undefined,
    'new-rfq': own !== undefined && listScope(caller) !== undefined,
    'my-rfqs': own !== undefined && listScope(caller) !== undefined,
    'my-orders': own !== undefined && listScope(caller) !== undefined,
    approvals: own !== undefined && has(caller, 'approver'),
    queue: mayReadRepQueue(caller),
    'submit-for-buyer': own === undefined && has(caller, 'rep'),
    discounts: mayApproveDiscount(caller, undefined),
    products: mayListProducts(caller),
    contracts: mayReadContract(caller),
    companies: mayEditReferenceData(caller),
    integrations: mayManageIntegrations(caller),
    'customer-orders': own === undefined && listScope(caller) !== undefined,
    dashboard: mayReadKpis(caller, own === undefined ? { repEmail: caller.email } : { companyId: own }),
    'company-settings': own !== undefined && mayReadCompanySettings(caller, own),
  };
  const sections = appSections.filter((section) => may[section]);
  // An approver who does not buy signs in to decide: what waits for them comes first, and the first is their start.
  return may.approvals && !has(caller, 'buyer')
    ? ['approvals', ...sections.filter((s) => s !== 'approvals')]
    : sections;
};

/** Asking what I may do (GET /me): anyone signed in with a role; the answer lists what that role opens. */
export const mayAskOwnSections = (caller: Caller): boolean => caller.groups.length > 0;

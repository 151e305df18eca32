import * as z from 'zod';
import { commentViewSchema } from '#domain/comment.ts';
import type { Role } from '#domain/company.ts';
import { delegationSchema } from '#domain/delegation.ts';
import { type IntegrationScope, integrationCredentialsSchema } from '#domain/integration.ts';
import { kpiReportSchema } from '#domain/kpi-report.ts';
import { whitelist } from '#domain/whitelist.ts';
import type { Needs } from '#functions/needs.ts';
import { linkViewSchema } from '../pages/link-page.ts';
import {
  approvalChainPreviewSchema,
  budgetsWithStandingSchema,
  catalogSchema,
  commentListSchema,
  companyListSchema,
  integrationEventsSchema,
  integrationListSchema,
  orderListSchema,
  productListSchema,
  productUpsertResultSchema,
  rfqCreatedSchema,
  rfqListSchema,
  versionListSchema,
} from './answers.ts';
import { meSchema } from './me-view.ts';
import { orderViewSchema } from './order-view.ts';
import { poNumberUsesSchema } from './po-number-uses-view.ts';
import { repQueueSchema } from './rep-queue-view.ts';
import { htmlPage, json, problem, problemSchema, type ResponseDef } from './responses.ts';
import { reviewDeskSchema } from './review-desk-view.ts';
import { rfqViewSchema } from './rfq-view.ts';
import {
  acceptBody,
  approvalChainQuery,
  approvalRulesBody,
  budgetsBody,
  cancelBody,
  cancellationBody,
  catalogQuery,
  commentBody,
  companyBody,
  companyParams,
  companyPersonBody,
  companyPersonParams,
  companyUsersBody,
  confirmationBody,
  contractBody,
  createRfqBody,
  declineBody,
  delegationBody,
  delegationQuery,
  idempotencyHeaders,
  ifMatchHeaders,
  integrationBody,
  integrationEventsQuery,
  integrationParams,
  invoiceBody,
  kpiQuery,
  linkDecisionBody,
  listQuery,
  openInvitationsSchema,
  orderDocumentParams,
  orderListQuery,
  orderParams,
  poNumberQuery,
  productBody,
  productListQuery,
  productUpsertBody,
  purchaseApprovalBody,
  reviewBody,
  reviseBody,
  rfqParams,
  shipmentBody,
  skuParams,
  taxSettingsBody,
  tokenParams,
} from './schemas.ts';
import { taskListSchema } from './task-view.ts';
import {
  deliveriesQuery,
  deliveryListSchema,
  deliveryParams,
  deliveryViewSchema,
  webhookBody,
  webhookParams,
  webhookViewSchema,
} from './webhook-views.ts';

/** The contract shared with infra (API routes, IAM) and the local API server. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway style: '/rfqs/{rfqId}'. */
  path: string;
  /** Module path from the repo root, exporting `handler`. */
  handler: string;
  /** public: approval links and the OpenAPI document; everything else needs a verified JWT. */
  auth: 'jwt' | 'public';
  /** Who may call it; checked by the `http(...)` middleware (403). */
  roles?: readonly Role[];
  /**
   * The scope an integration client (a machine) needs to call it; a route without one is for people only. Such a
   * route verifies its bearer token itself (http/bearer-token.ts), a person's or an integration's: API Gateway gives
   * it no JWT authorizer, whose audiences are fixed.
   */
  scope?: IntegrationScope;
  memoryMb?: number;
  timeoutSeconds?: number;
  /** Least-privilege IAM is derived from this. */
  needs: Needs;
}

/**
 * A route's whole contract: what the middleware validates, what the handler may answer (its type follows from
 * `responses`), and what the OpenAPI document describes.
 */
export interface RouteDef extends RouteSpec {
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  /** Request headers the route reads, by lower-case name (`idempotency-key`); others pass unchecked. */
  headers?: z.ZodObject;
  body?: z.ZodType;
  /** Whether the body may be a form (application/x-www-form-urlencoded) as well as JSON: the email-link pages. */
  forms?: boolean;
  /** A body larger than the API's 256 KB the route takes (a bulk upload); API Gateway's own limit is 10 MB. */
  maxBodyBytes?: number;
  /**
   * What the route itself answers, by status; the middleware's own answers (400, 401, 403, 404, 413, 415, 500) are
   * added for it (responses.ts `responsesOf`).
   */
  responses: Record<number, ResponseDef>;
}

const everyone: readonly Role[] = ['buyer', 'approver', 'rep', 'sales-manager', 'admin'];
const orderReaders: readonly Role[] = ['buyer', 'approver', 'rep', 'sales-manager', 'admin'];
const admin: readonly Role[] = ['admin'];
const buyer: readonly Role[] = ['buyer'];
const delegators: readonly Role[] = ['approver', 'rep', 'sales-manager', 'admin'];

/** An answer worth asking again: how long to wait first. */
const retryAfter = { 'Retry-After': 'Seconds to wait before sending the same request again' };

/** 202 with the RFQ as it is now: the decision resumed the workflow, whose next step moves the RFQ. */
const decided = (conflict: ResponseDef) => ({
  202: json(rfqViewSchema, 'Accepted: the RFQ as it is now; poll GET /rfqs/{rfqId} for the next status'),
  409: conflict,
});
/** A decision on a quote version; one that comes while its wait is being opened asks again (no-open-wait.ts). */
const decidedOnVersion = decided({
  ...problem(
    'The quote is now another version (`currentVersion`): read it again before deciding; or already decided, expired, or not in a state that allows this — with `Retry-After`, not open for decisions yet: send it again then',
  ),
  headers: retryAfter,
});

/** Companies' users are sign-in accounts too: the user pool can refuse or fail. */
const accountProblems = {
  409: problem(
    'A listed email already has a sign-in account of another company or of the seller’s staff (`errors` names `users.N.email`); nothing was changed',
  ),
  503: {
    ...problem(
      'The sign-in accounts (the user pool) did not answer; the list is saved unless it was refused before — send the same list again after `Retry-After` to finish their accounts',
    ),
    headers: retryAfter,
  },
};

/**
 * A company's users and rules are saved over the revision read (one lock, the company record's): its `ETag` on the
 * reads and writes, `If-Match` on the writes, 412 when somebody saved first (functions/application/company-people.ts).
 */
const companyRevision = {
  ETag: "The company record's revision: send it back as `If-Match` to save its users or rules",
};
const stale = {
  412: problem(
    'Somebody saved this company (its users or rules) since the `If-Match` revision was read, or between this save’s own read and write; nothing was saved — read it again',
  ),
};

const noDelegation = { 404: problem('No delegation is set, or `for` names no one the caller administers') };

/**
 * The email-link pages negotiate: a person's browser gets the HTML page for every outcome, an API client that asks
 * for `application/json` and not `text/html` gets the same outcome as JSON (the link's view, never a problem). Only a
 * request the middleware refuses before the link is read (a malformed body, an oversized token) is problem+json.
 */
const linkAnswer = (description: string) => ({
  description,
  content: { 'text/html': htmlPage, 'application/json': linkViewSchema },
});
const linkResponses = {
  200: linkAnswer('GET: open, the decision form (as JSON: what it shows); POST: decided (or too late: `closedAs`)'),
  202: linkAnswer('POST: recorded, this approval counts and the level waits for its other approvers'),
  400: {
    description:
      'POST: invalid, the form again with its fields’ problems in `errors`; problem+json when the body is not a decision at all',
    content: { 'text/html': htmlPage, 'application/json': linkViewSchema, 'application/problem+json': problemSchema },
  },
  403: linkAnswer('refused: the holder may not decide this (separation of duties); nothing changed'),
  404: linkAnswer('unknown: no such link'),
  409: {
    ...linkAnswer(
      'used, revoked (a newer link, another decider, a changed quote), gone (already decided, expired), or sending (POST: the wait is being opened again — its step retrying — so nothing was decided; a new link follows by mail, `Retry-After`)',
    ),
    headers: retryAfter,
  },
  410: linkAnswer('expired'),
};

/**
 * The seller's ERP reports on an order: each report is idempotent by its `Idempotency-Key` (the same key and body
 * again answers the order as it is) and checked against the order (409, nothing written, when it contradicts it).
 */
const orderReport = <B extends z.ZodType>(what: string, handler: string, summary: string, body: B) =>
  ({
    method: 'POST',
    path: `/integration/orders/{orderId}/${what}`,
    handler: `functions/http/${handler}.ts`,
    auth: 'jwt',
    roles: admin,
    scope: 'orders.write',
    summary,
    params: orderParams,
    headers: idempotencyHeaders,
    body,
    responses: {
      200: json(
        orderViewSchema,
        'Recorded (or recorded before under this Idempotency-Key): the order as it now stands',
      ),
      404: problem('No such order'),
      409: problem(
        'The report contradicts the order (`errors` names the field: more shipped than ordered, a shipment or invoice recorded already) or its status does not allow it (nothing ships before it is confirmed, nothing shipped is cancelled); nothing was written',
      ),
      422: problem(
        'The report names lines the order does not have, an invoice in another currency, or an Idempotency-Key used before with another body; nothing was written',
      ),
    },
    needs: { table: 'write', sendEmail: true, putEvents: true },
  }) as const;

const table = {
  'POST /rfqs': {
    method: 'POST',
    path: '/rfqs',
    handler: 'functions/http/create-rfq.ts',
    auth: 'jwt',
    roles: ['buyer', 'rep'],
    summary: 'Submit a request for quote (idempotent with the Idempotency-Key header)',
    body: createRfqBody,
    headers: idempotencyHeaders,
    responses: {
      201: {
        ...json(rfqCreatedSchema, 'Submitted'),
        headers: { Location: 'The new RFQ: /rfqs/{rfqId}' },
      },
      409: {
        ...problem('A request with this Idempotency-Key is still in progress; retry after `Retry-After`'),
        headers: retryAfter,
      },
      422: problem('The Idempotency-Key was used with another body'),
      503: {
        ...problem('The RFQ is stored but its workflow did not start; retry with the same key after `Retry-After`'),
        headers: retryAfter,
      },
    },
    timeoutSeconds: 15,
    needs: { table: 'write', startExecution: true },
  },
  'GET /rfqs': {
    method: 'GET',
    path: '/rfqs',
    handler: 'functions/http/list-rfqs.ts',
    auth: 'jwt',
    roles: everyone,
    summary: 'List the RFQs the caller may see, newest first',
    query: listQuery,
    responses: { 200: json(rfqListSchema) },
    needs: { table: 'read' },
  },
  'GET /rfqs/{rfqId}': {
    method: 'GET',
    path: '/rfqs/{rfqId}',
    handler: 'functions/http/get-rfq.ts',
    auth: 'jwt',
    roles: everyone,
    summary: 'One RFQ: the request, the current quote, approvals, order and history',
    params: rfqParams,
    responses: { 200: json(rfqViewSchema) },
    needs: { table: 'read' },
  },
  'GET /rfqs/{rfqId}/quote.pdf': {
    method: 'GET',
    path: '/rfqs/{rfqId}/quote.pdf',
    handler: 'functions/http/get-quote-pdf.ts',
    auth: 'jwt',
    roles: everyone,
    summary: 'The quote the seller sent, as a PDF for the buyer company (never seller cost or margin)',
    params: rfqParams,
    responses: {
      200: {
        description: 'The quote as a PDF document',
        content: { 'application/pdf': z.string().meta({ contentMediaType: 'application/pdf' }) },
      },
      409: problem('No quote was sent yet, or the seller is revising it: there is no document to print'),
    },
    memoryMb: 1024,
    needs: { table: 'read' },
  },
  'GET /rfqs/{rfqId}/comments': {
    method: 'GET',
    path: '/rfqs/{rfqId}/comments',
    handler: 'functions/http/list-comments.ts',
    auth: 'jwt',
    roles: everyone,
    summary: "The RFQ's thread, oldest first: shared posts, and the seller's notes for the seller's staff",
    params: rfqParams,
    responses: { 200: json(commentListSchema) },
    needs: { table: 'read' },
  },
  'POST /rfqs/{rfqId}/comments': {
    method: 'POST',
    path: '/rfqs/{rfqId}/comments',
    handler: 'functions/http/post-comment.ts',
    auth: 'jwt',
    roles: everyone,
    summary: 'Post to the thread (shared; seller staff may write a seller note)',
    params: rfqParams,
    body: commentBody,
    responses: { 201: json(commentViewSchema, 'Posted') },
    needs: { table: 'write' },
  },
  'GET /rfqs/{rfqId}/versions': {
    method: 'GET',
    path: '/rfqs/{rfqId}/versions',
    handler: 'functions/http/list-versions.ts',
    auth: 'jwt',
    roles: everyone,
    summary: 'Every quote version and what changed from the one before (the buyer side: up to the last one sent)',
    params: rfqParams,
    responses: { 200: json(versionListSchema) },
    needs: { table: 'read' },
  },
  'POST /rfqs/{rfqId}/review': {
    method: 'POST',
    path: '/rfqs/{rfqId}/review',
    handler: 'functions/http/review-rfq.ts',
    auth: 'jwt',
    roles: ['rep', 'sales-manager'],
    summary: 'The rep approves (optionally adjusting prices) or rejects the priced quote',
    params: rfqParams,
    body: reviewBody,
    responses: decidedOnVersion,
    needs: { table: 'write', sendTaskResult: true },
  },
  'GET /rfqs/{rfqId}/review': {
    method: 'GET',
    path: '/rfqs/{rfqId}/review',
    handler: 'functions/http/get-rfq-review.ts',
    auth: 'jwt',
    roles: ['rep', 'sales-manager'],
    summary:
      'The review screen: lines with cost, margin, floor and authority; the open decision for the caller; a discount waiting for the sales manager',
    params: rfqParams,
    responses: { 200: json(reviewDeskSchema) },
    needs: { table: 'read' },
  },
  'POST /rfqs/{rfqId}/accept': {
    method: 'POST',
    path: '/rfqs/{rfqId}/accept',
    handler: 'functions/http/accept-quote.ts',
    auth: 'jwt',
    roles: buyer,
    summary: 'The buyer accepts the quote with a PO number',
    params: rfqParams,
    body: acceptBody,
    responses: decidedOnVersion,
    needs: { table: 'write', sendTaskResult: true },
  },
  'GET /rfqs/{rfqId}/po-number-uses': {
    method: 'GET',
    path: '/rfqs/{rfqId}/po-number-uses',
    handler: 'functions/http/get-po-number-uses.ts',
    auth: 'jwt',
    roles: buyer,
    summary: 'Before accepting: the company’s other orders already placed under a PO number',
    params: rfqParams,
    query: poNumberQuery,
    responses: { 200: json(poNumberUsesSchema) },
    needs: { table: 'read' },
  },
  'POST /rfqs/{rfqId}/decline': {
    method: 'POST',
    path: '/rfqs/{rfqId}/decline',
    handler: 'functions/http/decline-quote.ts',
    auth: 'jwt',
    roles: buyer,
    summary: 'The buyer declines the quote',
    params: rfqParams,
    body: declineBody,
    responses: decidedOnVersion,
    needs: { table: 'write', sendTaskResult: true },
  },
  'POST /rfqs/{rfqId}/revise': {
    method: 'POST',
    path: '/rfqs/{rfqId}/revise',
    handler: 'functions/http/revise-quote.ts',
    auth: 'jwt',
    roles: buyer,
    summary: 'The buyer asks for a revised quote',
    params: rfqParams,
    body: reviseBody,
    responses: decidedOnVersion,
    needs: { table: 'write', sendTaskResult: true },
  },
  'POST /rfqs/{rfqId}/cancel': {
    method: 'POST',
    path: '/rfqs/{rfqId}/cancel',
    handler: 'functions/http/cancel-rfq.ts',
    auth: 'jwt',
    roles: buyer,
    summary: 'The buyer withdraws the RFQ before it is ordered',
    params: rfqParams,
    body: cancelBody,
    responses: decided(problem('Already decided, expired, or not in a state that allows this')),
    needs: { table: 'write', stopExecution: true },
  },
  'POST /rfqs/{rfqId}/approval': {
    method: 'POST',
    path: '/rfqs/{rfqId}/approval',
    handler: 'functions/http/decide-purchase-approval.ts',
    auth: 'jwt',
    roles: ['approver'],
    summary:
      'The signed-in approver of the current level decides, spending their email link (the quote version they saw)',
    params: rfqParams,
    body: purchaseApprovalBody,
    responses: decidedOnVersion,
    needs: { table: 'write', sendTaskResult: true },
  },
  'GET /me': {
    method: 'GET',
    path: '/me',
    handler: 'functions/http/get-me.ts',
    auth: 'jwt',
    roles: everyone,
    summary:
      'Who I am to the app and what I may open (the menu, from the access policy): the web app draws its menu and routes from it',
    responses: { 200: json(meSchema) },
    needs: { table: 'read' },
  },
  'GET /me/tasks': {
    method: 'GET',
    path: '/me/tasks',
    handler: 'functions/http/list-my-tasks.ts',
    auth: 'jwt',
    roles: everyone,
    summary: 'What waits for me: reviews, discount approvals and purchase approvals, soonest due first',
    responses: { 200: json(taskListSchema) },
    needs: { table: 'read' },
  },
  'GET /me/queue': {
    method: 'GET',
    path: '/me/queue',
    handler: 'functions/http/get-my-queue.ts',
    auth: 'jwt',
    roles: ['rep'],
    summary:
      "The rep's queue: reviews waiting for me (soonest due first), my accounts' quotes expiring within 7 days (soonest first) and purchases in the buyer's approval chain untouched for over a day (longest first), up to 100 of each",
    responses: { 200: json(repQueueSchema) },
    needs: { table: 'read' },
  },
  'GET /me/delegation': {
    method: 'GET',
    path: '/me/delegation',
    handler: 'functions/http/get-delegation.ts',
    auth: 'jwt',
    // Whoever decides things; a company's admin arrives as an approver (the policy decides `?for=`).
    roles: delegators,
    summary: 'My out-of-office delegation (or, with `for`, that of a person I administer)',
    query: delegationQuery,
    responses: { 200: json(delegationSchema), ...noDelegation },
    needs: { table: 'read' },
  },
  'PUT /me/delegation': {
    method: 'PUT',
    path: '/me/delegation',
    handler: 'functions/http/put-delegation.ts',
    auth: 'jwt',
    roles: delegators,
    summary:
      'Set (replace) an out-of-office delegation: decisions due in the window also go to the delegate, and those already waiting get a link for them',
    query: delegationQuery,
    body: delegationBody,
    responses: { 200: json(delegationSchema), ...noDelegation },
    needs: { table: 'write', sendEmail: true },
  },
  'DELETE /me/delegation': {
    method: 'DELETE',
    path: '/me/delegation',
    handler: 'functions/http/delete-delegation.ts',
    auth: 'jwt',
    roles: delegators,
    summary: "Clear an out-of-office delegation: the delegate's links stop working, the person's own keep on",
    query: delegationQuery,
    responses: { 204: { description: 'Done; no content' }, ...noDelegation },
    needs: { table: 'write' },
  },
  'GET /catalog': {
    method: 'GET',
    path: '/catalog',
    handler: 'functions/http/get-catalog.ts',
    auth: 'jwt',
    roles: everyone,
    summary: "Active products priced for the caller's company (yourPrice, priceSource, tiers); search by SKU or name",
    query: catalogQuery,
    responses: {
      200: json(catalogSchema),
      404: problem('`companyId` names no company, or one the caller may not see'),
    },
    needs: { table: 'read' },
  },
  'GET /approvals/{token}': {
    method: 'GET',
    path: '/approvals/{token}',
    handler: 'functions/http/view-approval-link.ts',
    auth: 'public',
    summary: 'The page behind an email link: safe, decides nothing',
    params: tokenParams,
    responses: linkResponses,
    needs: { table: 'read' },
  },
  'GET /approvals/{token}/quote.pdf': {
    method: 'GET',
    path: '/approvals/{token}/quote.pdf',
    handler: 'functions/http/get-approval-link-pdf.ts',
    auth: 'public',
    summary: 'The quote a company approver’s email link asks about, as the buyer’s PDF: the open link authorises it',
    params: tokenParams,
    responses: {
      200: {
        description: 'The quote as a PDF document (the buyer’s whitelist: never seller cost or margin)',
        content: { 'application/pdf': z.string().meta({ contentMediaType: 'application/pdf' }) },
      },
      404: problem('No open link with this token, or a link that shows no PDF (the seller’s review links)'),
      409: problem('No quote was sent yet: there is no document to print'),
    },
    memoryMb: 1024,
    needs: { table: 'read' },
  },
  'POST /approvals/{token}': {
    method: 'POST',
    path: '/approvals/{token}',
    handler: 'functions/http/decide-approval-link.ts',
    auth: 'public',
    summary: 'Decide through an email link (form or JSON); exactly one decision wins',
    params: tokenParams,
    body: linkDecisionBody,
    responses: linkResponses,
    forms: true,
    needs: { table: 'write', sendTaskResult: true },
  },
  'GET /orders': {
    method: 'GET',
    path: '/orders',
    handler: 'functions/http/list-orders.ts',
    auth: 'jwt',
    roles: orderReaders,
    summary: 'List the orders the caller may see',
    query: orderListQuery,
    responses: { 200: json(orderListSchema) },
    needs: { table: 'read' },
  },
  'GET /orders/{orderId}': {
    method: 'GET',
    path: '/orders/{orderId}',
    handler: 'functions/http/get-order.ts',
    auth: 'jwt',
    roles: orderReaders,
    scope: 'orders.read',
    summary: 'One order',
    params: orderParams,
    responses: { 200: json(orderViewSchema) },
    needs: { table: 'read' },
  },
  'GET /orders/{orderId}/documents/{format}': {
    method: 'GET',
    path: '/orders/{orderId}/documents/{format}',
    handler: 'functions/http/get-order-document.ts',
    auth: 'jwt',
    roles: orderReaders,
    scope: 'orders.read',
    summary:
      'The order as a document for an ERP or procurement system: cXML 1.2 OrderRequest (`cxml`), UBL 2.1 Order under PEPPOL BIS Ordering 3 (`ubl`) or ANSI X12 850 of 004010 (`x12`); never the seller’s cost',
    params: orderDocumentParams,
    responses: {
      200: {
        description: 'The document: XML for cxml and ubl, X12 for x12 (a file name in Content-Disposition)',
        content: {
          'application/xml': z.string().meta({ contentMediaType: 'application/xml' }),
          'application/edi-x12': z.string().meta({ contentMediaType: 'application/edi-x12' }),
        },
        headers: { 'Content-Disposition': 'inline, with the file name order-{orderId}.{format}.{xml|edi}' },
      },
      409: problem(
        'The format cannot say what this order holds (X12: the company had no ERP customer number, or a PO number or SKU longer than X12 allows); `detail` says what',
      ),
    },
    needs: { table: 'read' },
  },
  'GET /integration/events': {
    method: 'GET',
    path: '/integration/events',
    handler: 'functions/http/list-integration-events.ts',
    auth: 'jwt',
    roles: admin,
    scope: 'orders.read',
    summary:
      'The integration feed: every event (order.created, quote.sent, ...) once, in the order they were committed, after the cursor a reader last got; kept 35 days',
    query: integrationEventsQuery,
    responses: { 200: json(integrationEventsSchema) },
    needs: { table: 'read' },
  },
  'PUT /integrations/{integrationId}/webhook': {
    method: 'PUT',
    path: '/integrations/{integrationId}/webhook',
    handler: 'functions/http/put-webhook.ts',
    auth: 'jwt',
    roles: admin,
    summary:
      "Where the integration's webhooks go (Standard Webhooks: every event POSTed, signed): sets the URL and enables the endpoint — again, after a 410 disabled it. A new endpoint, or `rotateSecret`, answers the signing secret, this once",
    params: webhookParams,
    body: webhookBody,
    responses: { 200: json(webhookViewSchema) },
    needs: { table: 'write' },
  },
  'GET /integrations/{integrationId}/webhook': {
    method: 'GET',
    path: '/integrations/{integrationId}/webhook',
    handler: 'functions/http/get-webhook.ts',
    auth: 'jwt',
    roles: admin,
    summary: "The integration's webhook endpoint: its URL and whether it is enabled (never its secret)",
    params: webhookParams,
    responses: { 200: json(webhookViewSchema) },
    needs: { table: 'read' },
  },
  'DELETE /integrations/{integrationId}/webhook': {
    method: 'DELETE',
    path: '/integrations/{integrationId}/webhook',
    handler: 'functions/http/delete-webhook.ts',
    auth: 'jwt',
    roles: admin,
    summary: "Stops the integration's webhooks; its delivery log stays",
    params: webhookParams,
    responses: { 204: { description: 'Stopped; no content' } },
    needs: { table: 'write' },
  },
  'GET /integrations/{integrationId}/deliveries': {
    method: 'GET',
    path: '/integrations/{integrationId}/deliveries',
    handler: 'functions/http/list-deliveries.ts',
    auth: 'jwt',
    roles: admin,
    summary:
      "The integration's webhook delivery log, newest first: each event, its attempts, the last answer and the next attempt",
    params: webhookParams,
    query: deliveriesQuery,
    responses: { 200: json(deliveryListSchema) },
    needs: { table: 'read' },
  },
  'POST /integrations/{integrationId}/deliveries/{deliveryId}/retry': {
    method: 'POST',
    path: '/integrations/{integrationId}/deliveries/{deliveryId}/retry',
    handler: 'functions/http/retry-delivery.ts',
    auth: 'jwt',
    roles: admin,
    summary:
      'Sends a delivery again now, with the same webhook-id, and answers it as its log then shows it (the automatic retries go on as they were)',
    params: deliveryParams,
    responses: {
      200: json(deliveryViewSchema),
      409: problem('The endpoint is disabled (it answered 410): set its URL again (PUT …/webhook) first'),
    },
    timeoutSeconds: 29,
    needs: { table: 'write' },
  },
  'POST /integration/orders/{orderId}/confirmation': orderReport(
    'confirmation',
    'report-order-confirmation',
    "The ERP's confirmation of an order: as ordered (`accept`), with per-line changes (`change`: quantity, unit price, delivery date), or `reject` (the order is cancelled, with the reason)",
    confirmationBody,
  ),
  'POST /integration/orders/{orderId}/shipments': orderReport(
    'shipments',
    'report-order-shipment',
    'A shipment of some or all of a confirmed order, with its carrier and tracking; never more of a line than confirmed',
    shipmentBody,
  ),
  'POST /integration/orders/{orderId}/invoices': orderReport(
    'invoices',
    'report-order-invoice',
    "An invoice for what has shipped, in the order's currency; the order is closed once shipped in full and its invoices reach its confirmed total",
    invoiceBody,
  ),
  'POST /integration/orders/{orderId}/cancellation': orderReport(
    'cancellation',
    'report-order-cancellation',
    'The seller cancels an order, with a reason, before anything has shipped',
    cancellationBody,
  ),
  'POST /integrations': {
    method: 'POST',
    path: '/integrations',
    handler: 'functions/http/create-integration.ts',
    auth: 'jwt',
    roles: admin,
    summary:
      'Make an integration client (OAuth 2.0 client credentials) with scopes orders.read, orders.write, catalog.write; its secret is in this answer only',
    body: integrationBody,
    responses: {
      201: {
        ...json(integrationCredentialsSchema, 'Made: the client id, its secret (shown once) and where to get a token'),
        headers: { Location: 'The integration: /integrations/{integrationId}' },
      },
      503: { ...problem('The token issuer did not answer; nothing was made — send it again'), headers: retryAfter },
    },
    needs: { table: 'write', integrationClients: true },
  },
  'GET /integrations': {
    method: 'GET',
    path: '/integrations',
    handler: 'functions/http/list-integrations.ts',
    auth: 'jwt',
    roles: admin,
    summary: 'The integration clients, by name: their client ids and scopes, never a secret',
    responses: { 200: json(integrationListSchema) },
    needs: { table: 'read' },
  },
  'POST /integrations/{integrationId}/secret': {
    method: 'POST',
    path: '/integrations/{integrationId}/secret',
    handler: 'functions/http/rotate-integration-secret.ts',
    auth: 'jwt',
    roles: admin,
    summary:
      'Rotate an integration’s secret: a new client id and secret (shown once); tokens of the old client are refused from now on',
    params: integrationParams,
    responses: {
      200: json(integrationCredentialsSchema, 'Rotated: the new client id and secret, shown once'),
      404: problem('No such integration'),
      503: { ...problem('The token issuer did not answer; nothing changed — send it again'), headers: retryAfter },
    },
    needs: { table: 'write', integrationClients: true },
  },
  'DELETE /integrations/{integrationId}': {
    method: 'DELETE',
    path: '/integrations/{integrationId}',
    handler: 'functions/http/delete-integration.ts',
    auth: 'jwt',
    roles: admin,
    summary: 'Delete an integration client: its tokens are refused from this answer on',
    params: integrationParams,
    responses: { 204: { description: 'Deleted' }, 404: problem('No such integration') },
    needs: { table: 'write', integrationClients: true },
  },
  'PUT /integration/products': {
    method: 'PUT',
    path: '/integration/products',
    handler: 'functions/http/upsert-products.ts',
    auth: 'jwt',
    roles: admin,
    scope: 'catalog.write',
    summary:
      'Upsert up to 1,000 products by SKU (any case) from the ERP, each answered on its own: created, updated, unchanged, rejected (its fields named), or to send again',
    body: productUpsertBody,
    maxBodyBytes: 1024 * 1024,
    timeoutSeconds: 29,
    memoryMb: 1024,
    responses: { 200: json(productUpsertResultSchema) },
    needs: { table: 'write' },
  },
  'GET /products': {
    method: 'GET',
    path: '/products',
    handler: 'functions/http/list-products.ts',
    auth: 'jwt',
    roles: admin,
    summary: 'Every catalog product, active or not, with its cost, by SKU (the seller admin edits them)',
    query: productListQuery,
    responses: { 200: json(productListSchema) },
    needs: { table: 'read' },
  },
  'PUT /products/{sku}': {
    method: 'PUT',
    path: '/products/{sku}',
    handler: 'functions/http/put-product.ts',
    auth: 'jwt',
    roles: admin,
    scope: 'catalog.write',
    summary: 'Create or replace a catalog product',
    params: skuParams,
    body: productBody,
    responses: {
      200: json(productBody),
      409: problem(
        'Others kept saving the product at the same moment, past a few retries; nothing was half-written — send it again',
      ),
    },
    needs: { table: 'write' },
  },
  'PUT /companies/{companyId}': {
    method: 'PUT',
    path: '/companies/{companyId}',
    handler: 'functions/http/put-company.ts',
    auth: 'jwt',
    roles: admin,
    scope: 'catalog.write',
    summary:
      'Create or replace a buyer company and its users (who sign in for it); with catalog.write (the ERP), change only its `erpCustomerNumber` and `addresses`, the rest sent as read (403 naming what differs)',
    params: companyParams,
    body: companyBody,
    headers: ifMatchHeaders,
    responses: { 200: { ...json(companyBody), headers: companyRevision }, ...accountProblems, ...stale },
    // Its users' sign-in accounts are brought in line with the list, as PUT /companies/{companyId}/users does.
    timeoutSeconds: 29,
    needs: { table: 'write', signInAccounts: true },
  },
  'GET /companies': {
    method: 'GET',
    path: '/companies',
    handler: 'functions/http/list-companies.ts',
    auth: 'jwt',
    roles: ['admin', 'rep'],
    summary: "Buyer companies by id with their buyers: every one for the seller's admin, a rep's own accounts",
    responses: { 200: json(companyListSchema) },
    needs: { table: 'read' },
  },
  'GET /companies/{companyId}': {
    method: 'GET',
    path: '/companies/{companyId}',
    handler: 'functions/http/get-company.ts',
    auth: 'jwt',
    // The seller's admin, or the company's own admin (whose company token reads as approver; the policy decides).
    roles: ['admin', 'approver'],
    // The ERP reads the record to save back what it keeps of it (PUT /companies/{companyId}).
    scope: 'catalog.write',
    summary: 'A buyer company: its name, terms, currency, users and their roles',
    params: companyParams,
    responses: { 200: { ...json(companyBody), headers: companyRevision } },
    needs: { table: 'read' },
  },
  'PUT /companies/{companyId}/users': {
    method: 'PUT',
    path: '/companies/{companyId}/users',
    handler: 'functions/http/put-company-users.ts',
    auth: 'jwt',
    // The seller's admin, or the company's own admin (whose company token reads as approver; the policy decides).
    roles: ['admin', 'approver'],
    summary:
      "Replace the company's users and their roles (one admin at least; approvers its rules name stay approvers)",
    params: companyParams,
    body: companyUsersBody,
    headers: ifMatchHeaders,
    responses: { 200: { ...json(companyUsersBody), headers: companyRevision }, ...accountProblems, ...stale },
    // Inviting, regrouping and disabling accounts is a few of Cognito's admin calls per person who changes.
    timeoutSeconds: 29,
    needs: { table: 'write', signInAccounts: true },
  },
  'PUT /companies/{companyId}/users/{email}': {
    method: 'PUT',
    path: '/companies/{companyId}/users/{email}',
    handler: 'functions/http/put-company-person.ts',
    auth: 'jwt',
    roles: admin,
    summary:
      "The seller's admin puts one person in this company with these roles, moving them in the same step from the company they signed in for (removed there as a removal does; their account's company changes)",
    params: companyPersonParams,
    body: companyPersonBody,
    headers: ifMatchHeaders,
    responses: {
      200: { ...json(companyUsersBody), headers: companyRevision },
      409: problem(
        'The person signs in for the seller’s staff, or leaving would break the company they leave (its last admin, an approver its rules name; `errors` says which); nothing was changed',
      ),
      412: stale[412],
      503: accountProblems[503],
    },
    // Two companies' records, then a few of Cognito's admin calls for the one person.
    timeoutSeconds: 29,
    needs: { table: 'write', signInAccounts: true },
  },
  'GET /companies/{companyId}/invitations': {
    method: 'GET',
    path: '/companies/{companyId}/invitations',
    handler: 'functions/http/get-open-invitations.ts',
    auth: 'jwt',
    // The seller's admin, or the company's own admin (whose company token reads as approver; the policy decides).
    roles: ['admin', 'approver'],
    summary:
      'Which of the company’s people have an invitation still open (never signed in): the ones the company screen offers to send it again',
    params: companyParams,
    responses: {
      200: json(openInvitationsSchema),
      404: problem('No such company'),
      503: {
        ...problem('The sign-in accounts (the user pool) did not answer — try again after `Retry-After`'),
        headers: retryAfter,
      },
    },
    // Writes only what the pool says of who has signed in (application/open-invitations.ts).
    needs: { table: 'write', signInAccounts: 'read' },
  },
  'POST /companies/{companyId}/users/{email}/invitation': {
    method: 'POST',
    path: '/companies/{companyId}/users/{email}/invitation',
    handler: 'functions/http/resend-invitation.ts',
    auth: 'jwt',
    // The seller's admin, or the company's own admin (whose company token reads as approver; the policy decides).
    roles: ['admin', 'approver'],
    summary:
      'Send one of the company’s people their invitation again (it expired unused, or was lost): a new temporary password, with the app’s address',
    params: companyPersonParams,
    responses: {
      204: { description: 'Sent' },
      404: problem('No such company, or the email is not one of its people'),
      409: problem(
        'Nothing to send again: the person has signed in already (a forgotten password is reset from the sign-in page), or has no sign-in account yet (save the list again)',
      ),
      503: problem(
        'The sign-in accounts (the user pool) did not answer; nothing was sent — try again after `Retry-After`',
      ),
    },
    needs: { table: 'read', signInAccounts: true },
  },
  'GET /companies/{companyId}/approval-rules': {
    method: 'GET',
    path: '/companies/{companyId}/approval-rules',
    handler: 'functions/http/get-approval-rules.ts',
    auth: 'jwt',
    roles: ['admin', 'approver'],
    summary: "The company's purchase approval rules",
    params: companyParams,
    responses: { 200: { ...json(approvalRulesBody), headers: companyRevision } },
    needs: { table: 'read' },
  },
  'GET /companies/{companyId}/approval-chain': {
    method: 'GET',
    path: '/companies/{companyId}/approval-chain',
    handler: 'functions/http/preview-approval-chain.ts',
    auth: 'jwt',
    roles: ['admin', 'approver'],
    summary: "Preview: the approval levels an order of `total` would need under the company's rules",
    params: companyParams,
    query: approvalChainQuery,
    responses: { 200: json(approvalChainPreviewSchema) },
    needs: { table: 'read' },
  },
  'GET /tax/settings': {
    method: 'GET',
    path: '/tax/settings',
    handler: 'functions/http/get-tax-settings.ts',
    auth: 'jwt',
    roles: admin,
    summary:
      "The seller's tax settings: its home country and its rates by ship-to country and tax class. Quotes are taxed from them; approval rules and budgets compare the net total",
    responses: {
      200: json(taxSettingsBody),
      404: problem('No tax settings yet: quotes carry no tax until they are saved'),
    },
    needs: { table: 'read' },
  },
  'PUT /tax/settings': {
    method: 'PUT',
    path: '/tax/settings',
    handler: 'functions/http/put-tax-settings.ts',
    auth: 'jwt',
    roles: admin,
    summary:
      "Replace the seller's tax settings. RFQs priced from now on are taxed by them; quotes already priced keep the tax they were given",
    body: taxSettingsBody,
    responses: { 200: json(taxSettingsBody) },
    needs: { table: 'write' },
  },
  'GET /companies/{companyId}/contract': {
    method: 'GET',
    path: '/companies/{companyId}/contract',
    handler: 'functions/http/get-contract.ts',
    auth: 'jwt',
    roles: admin,
    summary: "The company's pricing contract (its validity, blanket discount, and prices and tiers per SKU)",
    params: companyParams,
    responses: { 200: json(contractBody) },
    needs: { table: 'read' },
  },
  'PUT /companies/{companyId}/contract': {
    method: 'PUT',
    path: '/companies/{companyId}/contract',
    handler: 'functions/http/put-contract.ts',
    auth: 'jwt',
    roles: admin,
    scope: 'catalog.write',
    summary: "Create or replace the company's pricing contract",
    params: companyParams,
    body: contractBody,
    responses: { 200: json(contractBody) },
    needs: { table: 'write' },
  },
  'PUT /companies/{companyId}/approval-rules': {
    method: 'PUT',
    path: '/companies/{companyId}/approval-rules',
    handler: 'functions/http/put-approval-rules.ts',
    auth: 'jwt',
    // The seller's admin, or the company's own admin (whose company token reads as approver; the policy decides).
    roles: ['admin', 'approver'],
    summary: "Replace the company's purchase approval rules",
    params: companyParams,
    body: approvalRulesBody,
    headers: ifMatchHeaders,
    responses: { 200: { ...json(approvalRulesBody), headers: companyRevision }, ...stale },
    needs: { table: 'write' },
  },
  'GET /companies/{companyId}/budgets': {
    method: 'GET',
    path: '/companies/{companyId}/budgets',
    handler: 'functions/http/get-budgets.ts',
    auth: 'jwt',
    // The seller's admin, or the company's own admin (whose company token reads as approver; the policy decides).
    roles: ['admin', 'approver'],
    summary:
      "The company's budgets; for its own admin also `standing`: per buyer and budget, what is spent and left this period",
    params: companyParams,
    responses: { 200: json(budgetsWithStandingSchema) },
    needs: { table: 'read' },
  },
  'PUT /companies/{companyId}/budgets': {
    method: 'PUT',
    path: '/companies/{companyId}/budgets',
    handler: 'functions/http/put-budgets.ts',
    auth: 'jwt',
    // The seller's admin, or the company's own admin (whose company token reads as approver; the policy decides).
    roles: ['admin', 'approver'],
    summary: "Replace the company's spending budgets per buyer (or every buyer) and month or quarter",
    params: companyParams,
    body: budgetsBody,
    responses: { 200: json(budgetsBody) },
    needs: { table: 'write' },
  },
  'GET /rfqs/{rfqId}/page': {
    method: 'GET',
    path: '/rfqs/{rfqId}/page',
    handler: 'functions/http/get-buyer-quote-page.ts',
    auth: 'public',
    summary: 'The old buyer quote page: redirects to the RFQ in the web app (older emails still link here)',
    params: rfqParams,
    responses: {
      302: {
        description: 'Moved: `Location` names the page in the web app',
        headers: { Location: 'The RFQ in the web app' },
      },
    },
    memoryMb: 256,
    needs: { table: 'none' },
  },
  'GET /kpis': {
    method: 'GET',
    path: '/kpis',
    handler: 'functions/http/get-kpis.ts',
    auth: 'jwt',
    // A company's admin arrives as an approver with `companyAdmin`; the policy (mayReadKpis) decides the rest.
    roles: ['approver', 'rep', 'sales-manager', 'admin'],
    summary:
      'Conversion, order value, time to quote, approval cycle and outcomes by rep, company, product or month (JSON, or CSV with Accept: text/csv or format=csv)',
    query: kpiQuery,
    responses: {
      200: {
        description: 'The report as JSON, or as CSV (one row per group) with Accept: text/csv or format=csv',
        content: { 'application/json': kpiReportSchema, 'text/csv': z.string() },
      },
    },
    needs: { table: 'read' },
  },
  'GET /openapi.json': {
    method: 'GET',
    path: '/openapi.json',
    handler: 'functions/http/get-openapi.ts',
    auth: 'public',
    summary: 'This API as OpenAPI 3.1',
    responses: { 200: json(z.record(z.string(), z.unknown()), 'This document') },
    memoryMb: 256,
    needs: { table: 'none' },
  },
} satisfies Record<string, RouteDef>;

export type RouteKey = keyof typeof table;

/**
 * One route's definition, typed, for `http(route('POST /rfqs/{rfqId}/accept'), ...)`. Its body is a whitelist however
 * deep (whitelist.ts): a field it does not name, in a line or an address as at the top, is a 400 naming the field.
 */
export const route = <K extends RouteKey>(key: K): (typeof table)[K] & { key: K } => {
  const def: RouteDef = table[key];
  return { ...table[key], ...(def.body && { body: whitelist(def.body) }), key };
};

/** The one source of routes: infra builds the API from it, the local API server routes with it. */
export const routes: readonly (RouteDef & { key: RouteKey })[] = (Object.keys(table) as RouteKey[]).map(route);

/**
 * API Gateway's `$default` route (not a table entry: no method, no path): answers a path no route has with a 404
 * problem and a known path with the wrong method with a 405, as the local API server does. Public, reads nothing.
 */
export const unmatchedRoute: Pick<RouteSpec, 'handler' | 'auth' | 'needs'> = {
  handler: 'functions/http/unmatched-route.ts',
  auth: 'public',
  needs: { table: 'none' },
};

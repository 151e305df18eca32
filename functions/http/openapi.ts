import * as z from 'zod';
import { conditionShape } from '#domain/approval-rule.ts';
import { budgetPeriods, budgetSchema } from '#domain/budget.ts';
import { buyerActions } from '#domain/buyer-actions.ts';
import { visibilities } from '#domain/comment.ts';
import { delegationSchema } from '#domain/delegation.ts';
import { rfqStatus } from '#domain/lifecycle.ts';
import { orderSchema } from '#domain/order.ts';
import { quoteChangeSchema } from '#domain/quote-version.ts';
import { actorSchema, approvalStepSchema, quoteLineSchema, rfqLineRequestSchema } from '#domain/rfq.ts';
import { companyListItemSchema } from './company-list-view.ts';
import { reviewDeskSchema } from './review-desk-view.ts';
import { type RouteDef, type RouteKey, routes } from './routes.ts';
import {
  approvalRulesBody,
  budgetsBody,
  commentBody,
  companyBody,
  companyUsersBody,
  contractBody,
  createRfqBody,
  delegationBody,
  linkDecisionBody,
  productBody,
  reviewBody,
} from './schemas.ts';
import { taskListSchema } from './task-view.ts';

/**
 * The OpenAPI 3.1 document, generated from the route table and the same zod schemas the middleware validates with, so
 * the description cannot drift from what the API accepts.
 */
const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  currentVersion: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe('On a 409 for a decision that named another quote version: the version that is current now'),
});

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
const historyEvent = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: actorSchema,
  action: z.string(),
  from: rfqStatus.optional(),
  to: rfqStatus.optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
const rfqSummary = z.object({
  rfqId: z.string(),
  status: rfqStatus,
  companyId: z.string(),
  buyerEmail: z.string(),
  accountRepEmail: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  currency: z.string(),
  lineCount: z.number().int(),
  total: nullable(z.number().int()),
  version: nullable(z.number().int()),
  validUntil: nullable(z.string()),
  orderId: nullable(z.string()),
});
const rfqView = rfqSummary.omit({ lineCount: true }).extend({
  submittedBy: actorSchema,
  request: z.object({
    lines: z.array(rfqLineRequestSchema),
    note: z.string().optional(),
    requestedDeliveryDate: z.string().optional(),
    shipTo: z.string().optional(),
  }),
  lines: z.array(quoteLineSchema),
  subtotal: nullable(z.number().int()),
  discountTotal: nullable(z.number().int()),
  unpricedLines: nullable(z.number().int()),
  poNumber: nullable(z.string()),
  approvals: z.array(approvalStepSchema),
  actions: z
    .array(z.enum(buyerActions))
    .describe(
      'What the caller may do to the RFQ now (POST /rfqs/{rfqId}/accept, /revise, /decline, /cancel): the buttons to show',
    ),
  open: z.boolean().describe('false once nothing more can happen to the RFQ (ordered, rejected, declined, expired, …)'),
  history: z.array(historyEvent),
  /** For the buyer company's people only: each budget limiting the RFQ's buyer, in the period an order placed now falls in. */
  budget: z
    .array(
      z.object({
        period: z.enum(budgetPeriods),
        start: z.string(),
        amount: z.number().int(),
        spent: z.number().int(),
        remaining: z.number().int(),
      }),
    )
    .optional(),
});
const percentiles = z.object({
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  bands: z.array(z.number().int()).describe("counts per band of the report's durationBands, the last open-ended"),
});
const kpiReport = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  currency: z.string().nullable(),
  durationBands: z.array(z.number()).describe('upper bounds in seconds of the duration bands; one more band is longer'),
  groups: z.array(
    z.object({
      key: z.string(),
      rfqs: z.number().int(),
      quoted: z.number().int(),
      accepted: z.number().int(),
      approved: z.number().int(),
      ordered: z.number().int(),
      conversion: z.number().nullable(),
      orderValue: z.number().int(),
      averageOrderValue: z.number().int().nullable(),
      timeToQuote: percentiles,
      approvalCycle: percentiles,
      declined: z.number().int(),
      expired: z.number().int(),
      rejected: z.number().int(),
      approvalRejected: z.number().int(),
      cancelled: z.number().int(),
      failed: z.number().int(),
      averageDiscountPercent: z.number().nullable(),
    }),
  ),
});
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), cursor: z.string().optional() });

const catalogPage = z.object({
  companyId: z.string(),
  companyName: z.string(),
  currency: z.string(),
  items: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      unit: z.string(),
      category: z.string().optional(),
      listPrice: nullable(z.number().int()),
      yourPrice: nullable(z.number().int()),
      priceSource: z.string(),
      tiers: z.array(z.object({ minQty: z.number().int(), unitPrice: z.number().int() })),
    }),
  ),
  cursor: z.string().optional(),
});

const comment = z.object({
  commentId: z.string(),
  at: z.iso.datetime(),
  author: z.string(),
  role: actorSchema.shape.role,
  visibility: z.enum(visibilities).describe('shared: both companies; seller: the seller’s staff only'),
  text: z.string(),
  quoteVersion: nullable(z.number().int()),
  decision: z.string().optional().describe('The decision the comment came with (revision-requested, declined, ...)'),
});
const quoteVersion = z.object({
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().describe('Who made the version; on the buyer side a seller-side author reads "seller"'),
  currency: z.string(),
  lines: z.array(quoteLineSchema),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  total: z.number().int(),
  unpricedLines: z.number().int(),
  validUntil: z.string().optional(),
  changes: z.array(
    quoteChangeSchema.extend({
      from: z.union([z.string(), z.number(), z.null()]),
      to: z.union([z.string(), z.number(), z.null()]),
    }),
  ),
});

const components: Record<string, z.ZodType> = {
  Catalog: catalogPage,
  Problem: problem,
  Condition: conditionShape,
  RfqRequest: createRfqBody,
  RfqCreated: z.object({ rfqId: z.string(), status: rfqStatus }),
  Rfq: rfqView,
  RfqList: page(rfqSummary),
  Review: reviewBody,
  LinkDecision: linkDecisionBody,
  Order: orderSchema,
  OrderList: page(orderSchema),
  Product: productBody,
  ProductList: page(productBody),
  Company: companyBody,
  Contract: contractBody,
  ApprovalRules: approvalRulesBody,
  CompanyUsers: companyUsersBody,
  ApprovalChainPreview: z.object({
    total: z.number().int(),
    currency: z.string(),
    levels: z.array(
      z.object({
        level: z.number().int(),
        mode: z.enum(['any', 'all']),
        approvers: z.array(z.string()),
        rules: z.array(z.string()),
        escalated: z.boolean(),
      }),
    ),
  }),
  TaskList: taskListSchema,
  ReviewDesk: reviewDeskSchema,
  Budgets: budgetsBody,
  BudgetsWithStanding: z.object({
    timeZone: z.string(),
    fiscalYearStartMonth: z.number().int(),
    budgets: z.array(budgetSchema),
    standing: z
      .array(
        z.object({
          buyerEmail: z.string(),
          period: z.enum(budgetPeriods),
          start: z.string().describe('The period’s first month, YYYY-MM'),
          amount: z.number().int(),
          spent: z.number().int(),
          remaining: z.number().int(),
        }),
      )
      .optional()
      .describe(
        'For the company’s own admin: each buyer’s spend and what is left this period, per budget limiting them',
      ),
  }),
  CompanyList: z.object({ items: z.array(companyListItemSchema) }),
  Delegation: delegationSchema,
  DelegationBody: delegationBody,
  KpiReport: kpiReport,
  Comment: comment,
  CommentList: page(comment),
  NewComment: commentBody,
  QuoteVersionList: page(quoteVersion),
};

const responses: Partial<Record<RouteKey, string>> = {
  'POST /rfqs': 'RfqCreated',
  'GET /rfqs': 'RfqList',
  'GET /rfqs/{rfqId}': 'Rfq',
  'GET /rfqs/{rfqId}/comments': 'CommentList',
  'POST /rfqs/{rfqId}/comments': 'Comment',
  'GET /rfqs/{rfqId}/versions': 'QuoteVersionList',
  'POST /rfqs/{rfqId}/review': 'Rfq',
  'POST /rfqs/{rfqId}/accept': 'Rfq',
  'POST /rfqs/{rfqId}/decline': 'Rfq',
  'POST /rfqs/{rfqId}/revise': 'Rfq',
  'POST /rfqs/{rfqId}/cancel': 'Rfq',
  'POST /rfqs/{rfqId}/approval': 'Rfq',
  'GET /me/tasks': 'TaskList',
  'GET /rfqs/{rfqId}/review': 'ReviewDesk',
  'GET /catalog': 'Catalog',
  'GET /orders': 'OrderList',
  'GET /orders/{orderId}': 'Order',
  'GET /products': 'ProductList',
  'PUT /products/{sku}': 'Product',
  'PUT /companies/{companyId}': 'Company',
  'PUT /companies/{companyId}/contract': 'Contract',
  'GET /companies': 'CompanyList',
  'GET /companies/{companyId}': 'Company',
  'GET /companies/{companyId}/contract': 'Contract',
  'GET /companies/{companyId}/budgets': 'BudgetsWithStanding',
  'PUT /companies/{companyId}/users': 'CompanyUsers',
  'GET /companies/{companyId}/approval-rules': 'ApprovalRules',
  'GET /companies/{companyId}/approval-chain': 'ApprovalChainPreview',
  'PUT /companies/{companyId}/approval-rules': 'ApprovalRules',
  'PUT /companies/{companyId}/budgets': 'Budgets',
  'GET /me/delegation': 'Delegation',
  'PUT /me/delegation': 'Delegation',
  'GET /kpis': 'KpiReport',
};

type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const componentSchemas = (): Record<string, JsonSchema> => {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
  );
};

/** A body schema by its component name when it has one, inline otherwise. */
const schemaOf = (schema: z.ZodType): JsonSchema => {
  const named = Object.entries(components).find(([, s]) => s === schema)?.[0];
  if (named) return ref(named);
  const { $schema: _schema, ...inline } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return inline;
};

const parameters = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const operation = (route: RouteDef & { key: RouteKey }) => {
  const response = responses[route.key];
  const errors: Record<string, unknown> = {};
  if (route.params || route.query || route.body) errors['400'] = problemResponse('Invalid fields, named in `errors`');
  if (route.auth === 'jwt') {
    errors['401'] = problemResponse('No valid bearer token');
    errors['403'] = problemResponse(
      `${route.roles ? `Only for the role ${route.roles.join(' or ')}, or` : 'Or'} not yours to do; \`detail\` says which`,
    );
  }
  if (route.params) errors['404'] = problemResponse('No such resource, or not yours to see');
  if (route.path === '/me/delegation')
    errors['404'] = problemResponse('No delegation is set, or `for` names no one the caller administers');
  if (route.success === 202 || route.html)
    errors['409'] = problemResponse(
      route.body &&
        'shape' in route.body &&
        typeof route.body.shape === 'object' &&
        route.body.shape &&
        'quoteVersion' in route.body.shape
        ? 'The quote is now another version (`currentVersion`): read it again before deciding; or already decided, expired, or not in a state that allows this'
        : 'Already decided, expired, or not in a state that allows this',
    );
  if (route.key === 'GET /rfqs/{rfqId}/quote.pdf')
    errors['409'] = problemResponse(
      'No quote was sent yet, or the seller is revising it: there is no document to print',
    );
  if (route.body) errors['413'] = problemResponse('Body larger than 256 KB');
  if (route.body && !route.forms) errors['415'] = problemResponse('The body is not application/json');
  if (route.key === 'POST /rfqs') {
    errors['409'] = problemResponse('A request with this Idempotency-Key is still in progress; retry shortly');
    errors['422'] = problemResponse('The Idempotency-Key was used with another body');
  }
  errors['500'] = problemResponse('Unexpected error; nothing internal is disclosed');
  if (route.key === 'POST /rfqs')
    errors['503'] = problemResponse('The RFQ is stored but its workflow did not start; retry with the same key');
  if (route.needs.signInAccounts) {
    errors['409'] = problemResponse(
      'A listed email already has a sign-in account of another company or of the seller’s staff (`errors` names `users.N.email`); nothing was changed',
    );
    errors['503'] = problemResponse(
      'The sign-in accounts (the user pool) did not answer; the users were not recorded — send the same list again after `Retry-After`',
    );
  }
  const bodySchema = route.body && schemaOf(route.body);
  return {
    operationId: route.handler
      .replace(/^.*\//, '')
      .replace(/\.ts$/, '')
      .replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    summary: route.summary,
    ...(route.roles && { description: `Allowed roles: ${route.roles.join(', ')}.` }),
    security: route.auth === 'jwt' ? [{ bearer: [] }] : [],
    parameters: [
      ...parameters(route.params, 'path'),
      ...parameters(route.query, 'query'),
      ...(route.key === 'POST /rfqs'
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
          ]
        : []),
    ],
    ...(bodySchema && {
      requestBody: {
        required: route.key !== 'POST /rfqs/{rfqId}/cancel',
        content: {
          'application/json': { schema: bodySchema },
          ...(route.html && { 'application/x-www-form-urlencoded': { schema: bodySchema } }),
        },
      },
    }),
    responses: {
      [String(route.success)]:
        route.success === 204
          ? { description: 'Done; no content' }
          : route.html
            ? { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } }
            : route.success === 302
              ? { description: 'Moved: `Location` names the page in the web app' }
              : route.key === 'GET /rfqs/{rfqId}/quote.pdf'
                ? {
                    description: 'The quote as a PDF document',
                    content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } },
                  }
                : response
                  ? {
                      description: 'OK',
                      content: {
                        'application/json': { schema: ref(response) },
                        ...(route.key === 'GET /kpis' && { 'text/csv': { schema: { type: 'string' } } }),
                      },
                    }
                  : { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
      ...errors,
    },
  };
};

let built: object | undefined;

export const openApiDocument = (): object => {
  built ??= {
    openapi: '3.1.0',
    info: {
      title: 'quote-to-order',
      version: '1.0.0',
      description:
        'B2B requests for quote, contract pricing, email-link approvals and orders. Money is integer minor units; errors are RFC 9457 problem details.',
    },
    // Relative: the API is wherever this document is served from — `npm start` locally, the HTTP API's URL on AWS.
    servers: [{ url: '/', description: 'The API serving this document' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: componentSchemas(),
    },
    paths: routes.reduce<Record<string, Record<string, unknown>>>((paths, route) => {
      paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
      return paths;
    }, {}),
  };
  return built;
};

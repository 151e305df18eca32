import * as z from 'zod';
import { conditionShape } from '#domain/approval-rule.ts';
import { commentViewSchema } from '#domain/comment.ts';
import { delegationSchema } from '#domain/delegation.ts';
import { integrationCredentialsSchema, integrationSchema } from '#domain/integration.ts';
import { kpiReportSchema } from '#domain/kpi-report.ts';
import { whitelist } from '#domain/whitelist.ts';
import { linkViewSchema } from '../pages/link-page.ts';
import {
  approvalChainPreviewSchema,
  budgetsWithStandingSchema,
  catalogSchema,
  commentListSchema,
  companyListSchema,
  integrationListSchema,
  orderListSchema,
  productListSchema,
  rfqCreatedSchema,
  rfqListSchema,
  versionListSchema,
} from './answers.ts';
import { meSchema } from './me-view.ts';
import { orderViewSchema } from './order-view.ts';
import { repQueueSchema } from './rep-queue-view.ts';
import { problemSchema, type ResponseDef, responsesOf } from './responses.ts';
import { reviewDeskSchema } from './review-desk-view.ts';
import { rfqViewSchema } from './rfq-view.ts';
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
 * The OpenAPI 3.1 document, generated from the route table: each route's request schemas (the ones the middleware
 * validates with) and its answers per status (the schemas its views are typed by), so the description cannot drift
 * from what the API accepts and answers. Nothing here restates a schema; this table only names the ones the document
 * shows as components (the web app's generated types refer to them by these names).
 */
const components: Record<string, z.ZodType> = {
  Catalog: catalogSchema,
  Problem: problemSchema,
  Condition: conditionShape,
  RfqRequest: createRfqBody,
  RfqCreated: rfqCreatedSchema,
  Rfq: rfqViewSchema,
  RfqList: rfqListSchema,
  Review: reviewBody,
  LinkDecision: linkDecisionBody,
  LinkView: linkViewSchema,
  Order: orderViewSchema,
  OrderList: orderListSchema,
  Product: productBody,
  ProductList: productListSchema,
  Company: companyBody,
  Contract: contractBody,
  ApprovalRules: approvalRulesBody,
  CompanyUsers: companyUsersBody,
  ApprovalChainPreview: approvalChainPreviewSchema,
  TaskList: taskListSchema,
  RepQueue: repQueueSchema,
  Me: meSchema,
  ReviewDesk: reviewDeskSchema,
  Budgets: budgetsBody,
  BudgetsWithStanding: budgetsWithStandingSchema,
  CompanyList: companyListSchema,
  Delegation: delegationSchema,
  DelegationBody: delegationBody,
  KpiReport: kpiReportSchema,
  Comment: commentViewSchema,
  CommentList: commentListSchema,
  NewComment: commentBody,
  QuoteVersionList: versionListSchema,
  Integration: integrationSchema,
  IntegrationCredentials: integrationCredentialsSchema,
  IntegrationList: integrationListSchema,
};

type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const componentSchemas = (): Record<string, JsonSchema> => {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(whitelist(schema), { id });
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

/**
 * A schema by its component name when it has one, inline otherwise. Components are documented as whitelists (every
 * object strict, as the answers are checked): a request body names its component either way.
 */
const schemaOf = (schema: z.ZodType): JsonSchema => {
  const named = Object.entries(components).find(([, s]) => s === schema || whitelist(s) === schema)?.[0];
  if (named) return ref(named);
  const { $schema: _schema, ...inline } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return inline;
};

/** `idempotency-key` → `Idempotency-Key`: header names are case-insensitive; the document shows them as people write them. */
const headerName = (name: string): string =>
  name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

const parameters = (schema: z.ZodType | undefined, where: 'path' | 'query' | 'header') => {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, { description, ...property }]) => ({
    name: where === 'header' ? headerName(name) : name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(description !== undefined && { description }),
    schema: property,
  }));
};

const response = ({ description, content, headers }: ResponseDef) => ({
  description,
  ...(headers && {
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, about]) => [name, { description: about, schema: { type: 'string' } }]),
    ),
  }),
  ...(content && {
    content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema: schemaOf(schema) }])),
  }),
});

const operation = (route: RouteDef & { key: RouteKey }) => {
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
      ...parameters(route.headers, 'header'),
    ],
    ...(route.body &&
      bodySchema && {
        requestBody: {
          required: !route.body.safeParse(undefined).success,
          content: {
            'application/json': { schema: bodySchema },
            ...(route.forms && { 'application/x-www-form-urlencoded': { schema: bodySchema } }),
          },
        },
      }),
    responses: Object.fromEntries(
      Object.entries(responsesOf(route)).map(([status, answer]) => [status, response(answer)]),
    ),
  };
};

let built: Record<string, unknown> | undefined;

export const openApiDocument = (): Record<string, unknown> => {
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

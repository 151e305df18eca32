import * as z from 'zod';
import { whitelist } from '#domain/whitelist.ts';
import type { RouteDef } from './routes.ts';

/**
 * What a route answers, status by status: the part of its contract the route table declares. The OpenAPI document is
 * generated from it, handlers are typed by it (a view returns its schema's type), and the end-to-end tests check every
 * answer they receive against it. Production never validates an answer: the types tie the views to the schemas.
 */
export type MediaType =
  | 'application/json'
  | 'application/problem+json'
  | 'text/html'
  | 'text/csv'
  | 'application/pdf'
  | 'application/xml'
  | 'application/edi-x12';

export interface ResponseDef {
  description: string;
  /** The body's schema per media type; none for a body-less answer (204, a redirect). */
  content?: Partial<Record<MediaType, z.ZodType>>;
  /** Response headers a client relies on, by name, with what they carry. */
  headers?: Record<string, string>;
}

/** RFC 9457 problem details: the one error shape (problem.ts builds them). */
export const problemSchema = z.object({
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

export const json = <S extends z.ZodType>(schema: S, description = 'OK') => ({
  description,
  content: { 'application/json': schema },
});

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': problemSchema },
});

/** An HTML page for a person (the email-link pages). */
export const htmlPage = z.string().describe('An HTML page');

/** An answer whose bodies are whitelists: every object in them strict (whitelist.ts). */
const whitelisted = (answer: ResponseDef): ResponseDef =>
  answer.content
    ? {
        ...answer,
        content: Object.fromEntries(
          Object.entries(answer.content).map(([type, schema]) => [type, whitelist(schema)]),
        ) as ResponseDef['content'],
      }
    : answer;

/**
 * Every answer a route can give: its own, and those the one middleware stack gives for it — 400 when it takes input,
 * 401 and 403 behind a token, 404 for a resource it names, 413 and 415 for a body, 500 anywhere. A route's own
 * answer for a status replaces the stack's. Every body is a whitelist: a field its schema does not name breaks it.
 */
export const responsesOf = (route: RouteDef): Record<number, ResponseDef> => {
  const stack: Record<number, ResponseDef> = {};
  if (route.params || route.query || route.body || route.headers)
    stack[400] = problem('Invalid fields, named in `errors`');
  if (route.auth === 'jwt') {
    stack[401] = problem('No valid bearer token');
    stack[403] = problem(
      `${route.roles ? `Only for the role ${route.roles.join(' or ')}, or` : 'Or'} not yours to do; \`detail\` says which`,
    );
  }
  if (route.params) stack[404] = problem('No such resource, or not yours to see');
  if (route.body) stack[413] = problem('Body larger than 256 KB');
  if (route.body && !route.forms) stack[415] = problem('The body is not application/json');
  stack[500] = problem('Unexpected error; nothing internal is disclosed');
  return Object.fromEntries(
    Object.entries({ ...stack, ...route.responses }).map(([status, answer]) => [status, whitelisted(answer)]),
  );
};

/**
 * RFC 9457 problem details: the one error shape every route answers with. Handlers throw these (or domain errors,
 * which the error middleware maps); the middleware renders them as `application/problem+json`.
 */
export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  /** RFC 9457 extension members, e.g. `currentVersion` on a decision that answered an older quote version. */
  [extension: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const slug = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  extensions: Record<string, unknown> = {};
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    options?: ErrorOptions,
  ) {
    super(detail, options);
  }

  toProblem(): Problem {
    const title = titles[this.status] ?? 'Error';
    return {
      ...this.extensions,
      type: `https://quote-to-order.dev/problems/${slug(title)}`,
      title,
      status: this.status,
      detail: this.detail,
      ...(this.errors && { errors: this.errors }),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, detail, errors);
export const unauthorized = (detail = 'a valid bearer token is required') =>
  new HttpProblem(401, detail, undefined, { 'www-authenticate': 'Bearer' });
export const forbidden = (detail = 'your role may not do this') => new HttpProblem(403, detail);
export const notFound = (detail = 'no such resource') => new HttpProblem(404, detail);
export const conflict = (detail: string) => new HttpProblem(409, detail);
/** 409 for a decision on a quote version that is no longer current: the client re-reads `currentVersion`. */
export const versionConflict = (detail: string, currentVersion: number | null): HttpProblem => {
  const problem = new HttpProblem(409, detail);
  problem.extensions = { currentVersion };
  return problem;
};
export const unprocessable = (detail: string, errors?: FieldError[]) => new HttpProblem(422, detail, errors);

import type { Quote, Rfq } from '#domain/rfq.ts';
import type { ApprovalLink } from '#store/ports.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * What an email link answers, before it is rendered (an HTML page for people, JSON for API clients). Every state a
 * link can be in has its own kind and status code; only `open` and `invalid` show the decision form.
 */
export type LinkAnswer =
  | { kind: 'open'; status: 200; link: ApprovalLink; rfq: Rfq; quote: Quote }
  | { kind: 'invalid'; status: 400; link: ApprovalLink; rfq: Rfq; quote: Quote; errors: FieldProblem[] }
  | { kind: 'decided'; status: 200; link: ApprovalLink; rfq: Rfq; decision: 'approve' | 'reject' }
  /** An `all` level: this approval is recorded and the level waits for the others. */
  | { kind: 'recorded'; status: 202; link: ApprovalLink; rfq: Rfq; waitingFor: string[] }
  | { kind: 'used'; status: 409 }
  | { kind: 'revoked'; status: 409 }
  /** The workflow's wait is over (timed out, cancelled, answered): "already decided or expired". */
  | { kind: 'gone'; status: 409 }
  | { kind: 'expired'; status: 410 }
  | { kind: 'unknown'; status: 404 };

export const used = { kind: 'used', status: 409 } as const;
export const revoked = { kind: 'revoked', status: 409 } as const;
export const gone = { kind: 'gone', status: 409 } as const;
export const expired = { kind: 'expired', status: 410 } as const;
export const unknown = { kind: 'unknown', status: 404 } as const;

import type { StandInEnded } from '#domain/delegation.ts';
import type { RfqStatus } from '#domain/lifecycle.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import type { ApprovalLink } from '#store/ports.ts';
import type { LinkContext } from './link-context.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * What an email link answers, before it is rendered (an HTML page for people, JSON for API clients). Every state a
 * link can be in has its own kind and status code; only `open` and `invalid` show the decision form.
 */
export type LinkAnswer =
  | { kind: 'open'; status: 200; link: ApprovalLink; rfq: Rfq; quote: Quote; context: LinkContext }
  | {
      kind: 'invalid';
      status: 400;
      link: ApprovalLink;
      rfq: Rfq;
      quote: Quote;
      context: LinkContext;
      errors: FieldProblem[];
    }
  | {
      kind: 'decided';
      status: 200;
      link: ApprovalLink;
      rfq: Rfq;
      decision: 'approve' | 'reject' | 'reassign';
      /** A rep's prices beyond their authority: approved by the rep, now waiting for the sales manager. */
      sentToManager?: boolean;
      /** The RFQ closed meanwhile (the buyer withdrew, it expired or failed): the decision changed nothing. */
      closedAs?: RfqStatus;
      /** The last approval of the buyer company's chain: the order it places (its id is known before it exists). */
      orderId?: string;
    }
  /** An `all` level: this approval is recorded and the level waits for the others. */
  | { kind: 'recorded'; status: 202; link: ApprovalLink; rfq: Rfq; waitingFor: string[] }
  /** The holder of this link may not decide it (separation of duties); nothing changed, the link stays open. */
  | { kind: 'refused'; status: 403; reason: string }
  /** Decided already; `orderId` once the request it decided became an order, so the holder learns where it led. */
  | { kind: 'used'; status: 409; orderId?: string }
  | { kind: 'revoked'; status: 409; why: RevokedBecause; orderId?: string }
  /** The workflow's wait is over (timed out, cancelled, answered): "already decided or expired". */
  | { kind: 'gone'; status: 409 }
  /**
   * The wait this link answers is between two openings (its step retrying after a fault, or asking again): nothing was
   * decided and nothing changed — the person tries again in a moment (`Retry-After`), as the API tells its callers.
   */
  | { kind: 'sending'; status: 409 }
  | { kind: 'expired'; status: 410 }
  | { kind: 'unknown'; status: 404 };

export const used = { kind: 'used', status: 409 } as const;
/** The order a request became (its id is on the RFQ once placed): a dead link's holder learns where it led. */
const orderOf = (rfq: Pick<Rfq, 'orderId'> | undefined) => (rfq?.orderId ? { orderId: rfq.orderId } : {});
export const usedOn = (rfq: Pick<Rfq, 'orderId'> | undefined) => ({ ...used, ...orderOf(rfq) });
/** Why a link no longer decides anything, so its page can say so truthfully. */
export type RevokedBecause =
  | { reason: 'superseded' }
  | { reason: 'decided-by-other'; by: string }
  | { reason: 'quote-changed'; version: number }
  | { reason: 'closed'; status: RfqStatus }
  /** A stand-in link whose delegation ended (`for`: whom it stood in for). */
  | ({ reason: 'withdrawn'; for: string } & StandInEnded)
  | { reason: 'timed-out' };

export const revoked = (why: RevokedBecause, rfq?: Pick<Rfq, 'orderId'>) =>
  ({ kind: 'revoked', status: 409, why, ...orderOf(rfq) }) as const;
export const gone = { kind: 'gone', status: 409 } as const;
export const sending = { kind: 'sending', status: 409 } as const;
export const expired = { kind: 'expired', status: 410 } as const;
export const unknown = { kind: 'unknown', status: 404 } as const;

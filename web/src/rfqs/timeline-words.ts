import type { HistoryEntryView } from '#domain/history-view.ts';
import { calendarDay } from '../ui/dates.ts';
import { money } from '../ui/money.ts';

/** An event as GET /rfqs/{rfqId} answers it (the API's view schema, read here without the browser's client). */
export type TimelineEvent = HistoryEntryView;
type Actor = TimelineEvent['actor'];

const roleNames: Record<Actor['role'], string> = {
  buyer: 'buyer',
  approver: 'approver',
  rep: 'sales rep',
  'sales-manager': 'sales manager',
  admin: 'administrator',
  system: 'system',
};

/** Who each kind of wait asks, when the event does not name them, and what it asks them to do. */
const asks: Record<string, [who: string, what: string]> = {
  'rep-review': ['The sales rep', 'review the quote'],
  'discount-approval': ['The sales manager', 'approve the discount'],
  'approval-level': ['The company’s approvers', 'approve the purchase'],
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const plural = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** A person as the sentence names them: "you" for the reader, else their address and role. */
const nameOf = (actor: Actor, reader: string): string => {
  const self = actor.email.toLowerCase() === reader.toLowerCase();
  const who = self ? 'You' : `${actor.email} (${roleNames[actor.role]})`;
  return actor.onBehalfOf ? `${who}, for ${actor.onBehalfOf},` : who;
};

interface Decided {
  approver: string;
  delegate?: string;
  decision: 'approve' | 'reject';
}

const decisionsOf = (detail: TimelineEvent['detail']): Decided[] =>
  Array.isArray(detail.decisions)
    ? detail.decisions.filter(
        (d): d is Decided => typeof d === 'object' && d !== null && typeof (d as Decided).approver === 'string',
      )
    : [];

const byWhom = (decisions: readonly Decided[]): string =>
  list(decisions.map((d) => (d.delegate ? `${d.delegate} for ${d.approver}` : d.approver)));

const levelOf = (detail: TimelineEvent['detail']): string => {
  const level = count(detail.level);
  return level === undefined ? '' : ` at level ${level}`;
};

/**
 * One event of the RFQ's history as a sentence its reader understands, with its outcome: "riley@… (sales rep) approved
 * the quote", "Order ORD-1 was placed for $10,665.25". The words a person wrote (comment, reason) are shown beside it,
 * not in it. An event this table does not know reads as its name in words, never as a bare code.
 */
export const timelineSentence = (event: TimelineEvent, reader: string, currency: string): string => {
  const who = nameOf(event.actor, reader);
  const d = event.detail;
  const version = count(d.quoteVersion);
  const quote = version === undefined ? 'the quote' : `quote version ${version}`;
  switch (event.action) {
    case 'submitted': {
      const lines = count(d.lines);
      return `${who} asked for a quote${lines === undefined ? '' : ` on ${plural(lines, 'line', 'lines')}`}.`;
    }
    case 'priced': {
      const total = count(d.total);
      const unpriced = count(d.unpricedLines) ?? 0;
      return `The request was priced at your contract prices${total === undefined ? '' : `: ${money(total, currency)}`}${
        unpriced > 0 ? `; ${plural(unpriced, 'line needs', 'lines need')} a price from the sales rep` : ''
      }.`;
    }
    case 'reviewed':
      return `${who} reviewed the quote and approved it${count(d.adjusted) ? `, with ${plural(count(d.adjusted)!, 'price', 'prices')} adjusted` : ''}.`;
    case 'review-refused':
      return `${who}’s review was not accepted${text(d.reason) ? `: ${text(d.reason)}` : ''}.`;
    case 'review-reassigned':
      return `${who} handed the review to ${text(d.to) ?? 'another rep'}.`;
    case 'discount-requested':
      return `${who} asked the sales manager to approve a deeper discount.`;
    case 'discount-approved':
      return `${who} approved the discount.`;
    case 'discount-rejected':
      return `${who} rejected the discount; the quote went back to the sales rep.`;
    case 'quoted': {
      const until = text(d.validUntil);
      return `The seller sent ${quote}${until ? `, valid until ${calendarDay(until)}` : ''}.`;
    }
    case 'rejected':
      return `${who} turned the request down.`;
    case 'revision-declined':
      return `${who} declined the revision; ${quote} still stands.`;
    case 'accepted':
      return `${who} accepted the quote${text(d.poNumber) ? ` with PO ${text(d.poNumber)}` : ''}.`;
    case 'declined':
      return `${who} declined the quote.`;
    case 'revision-requested':
      return `${who} asked for a revision of ${quote}.`;
    case 'approval-started': {
      const levels = Array.isArray(d.levels) ? d.levels.length : 0;
      return levels === 0
        ? 'The purchase went to the company’s approvers.'
        : `The purchase needs the company’s approval: ${plural(levels, 'level', 'levels')}.`;
    }
    case 'decision-requested':
    case 'reminder-sent':
    case 'escalated': {
      const [asked, what] = asks[text(d.purpose) ?? ''] ?? ['Someone', 'decide'];
      const to = Array.isArray(d.to) ? d.to.filter((t): t is string => typeof t === 'string') : [];
      const whom = to.length > 0 ? list(to) : asked;
      const were = to.length > 1 || (to.length === 0 && asked.endsWith('approvers')) ? 'were' : 'was';
      const level = text(d.purpose) === 'approval-level' ? levelOf(d) : '';
      if (event.action === 'reminder-sent') return `${whom} ${were} reminded to ${what}${level}.`;
      if (event.action === 'escalated') return `No answer in time: ${whom} ${were} asked instead to ${what}${level}.`;
      return `${whom} ${were} asked to ${what}${level}.`;
    }
    case 'approval-escalated':
      return `No approver could be reached${levelOf(d)}; it was escalated to ${text(d.to) ?? 'the company’s administrator'}.`;
    case 'level-approved':
      return `Approved${levelOf(d)} by ${byWhom(decisionsOf(d)) || who}.`;
    case 'approval-recorded':
      return `${byWhom(decisionsOf(d)) || who} approved${levelOf(d)}; the level waits for its other approvers.`;
    case 'approved': {
      const decisions = decisionsOf(d);
      if (decisions.length > 0) return `Approved${levelOf(d)} by ${byWhom(decisions)}: the purchase is approved.`;
      return text(d.reason) === 'no approval rule applies'
        ? 'Approved at once: none of the company’s approval rules applies.'
        : 'The purchase is approved.';
    }
    case 'approval-rejected':
      return `Rejected${levelOf(d)} by ${byWhom(decisionsOf(d)) || who}: the purchase will not be ordered.`;
    case 'ordered': {
      const total = count(d.total);
      return `Order ${text(d.orderId) ?? ''} was placed${total === undefined ? '' : ` for ${money(total, currency)}`}.`;
    }
    case 'expired':
      return `The request expired while waiting for ${text(d.waitingFor) ?? 'a decision'}.`;
    case 'cancelled':
      return `${who} withdrew the request.`;
    case 'failed':
      return 'The request could not go on because of a fault at the seller; the seller’s team is told.';
    case 'recipients-bounced':
      return 'An email about this request could not be delivered.';
    default: {
      const words = event.action.replaceAll('-', ' ');
      return `${words.charAt(0).toUpperCase()}${words.slice(1)}${event.actor.role === 'system' ? '' : ` by ${who}`}.`;
    }
  }
};

/** The words people wrote with the event — a comment, a reason, each approver's comment — shown beside the sentence. */
export const timelineQuotes = (event: TimelineEvent): string[] => {
  const said = text(event.detail.comment) ?? text(event.detail.reason) ?? text(event.detail.note);
  const own = said && said !== 'no approval rule applies' ? [said] : [];
  const approvers = decisionsOf(event.detail).flatMap((d) => {
    const comment = text((d as Decided & { comment?: unknown }).comment);
    return comment ? [comment] : [];
  });
  return [...own, ...approvers];
};

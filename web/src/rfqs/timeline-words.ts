import type { HistoryEntryView } from '#domain/history-view.ts';
import type { AppMessage } from '../i18n/en.ts';
import { t } from '../i18n/language.ts';
import { calendarDay } from '../ui/dates.ts';
import { money } from '../ui/money.ts';

/** An event as GET /rfqs/{rfqId} answers it (the API's view schema, read here without the browser's client). */
export type TimelineEvent = HistoryEntryView;
type Actor = TimelineEvent['actor'];

const roleNames: Record<Actor['role'], AppMessage> = {
  buyer: 'role.buyer',
  approver: 'role.approver',
  rep: 'role.rep',
  'sales-manager': 'role.salesManager',
  admin: 'role.admin',
  system: 'role.system',
};

/** Who each kind of wait asks, when the event does not name them (`asked` reads as one or as many). */
const waits: Record<string, { asked: AppMessage; many: boolean; what: AppMessage }> = {
  'rep-review': { asked: 'timeline.asked.rep', many: false, what: 'timeline.what.review' },
  'discount-approval': { asked: 'timeline.asked.manager', many: false, what: 'timeline.what.discount' },
  'approval-level': { asked: 'timeline.asked.approvers', many: true, what: 'timeline.what.purchase' },
};
const someone = { asked: 'timeline.asked.someone', many: false, what: 'timeline.what.decide' } as const;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const list = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : t('timeline.list', { first: items.slice(0, -1).join(', '), last: items.at(-1) ?? '' });

/** A person as the sentence names them: "you" for the reader, else their address and role. */
const nameOf = (actor: Actor, reader: string): string => {
  const self = actor.email.toLowerCase() === reader.toLowerCase();
  const who = self ? t('timeline.you') : t('timeline.person', { email: actor.email, role: t(roleNames[actor.role]) });
  return actor.onBehalfOf ? t('timeline.onBehalf', { who, whom: actor.onBehalfOf }) : who;
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
  list(
    decisions.map((d) =>
      d.delegate ? t('timeline.standIn', { delegate: d.delegate, approver: d.approver }) : d.approver,
    ),
  );

/** The level an event names, as " at level 2" in the reader's words; '' when it names none. */
const levelOf = (detail: TimelineEvent['detail']): string => {
  const level = count(detail.level);
  return level === undefined ? '' : t('timeline.atLevel', { level });
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
  const quote = version === undefined ? t('timeline.theQuote') : t('timeline.quoteVersion', { version });
  const level = levelOf(d);
  switch (event.action) {
    case 'submitted': {
      const lines = count(d.lines);
      return lines === undefined
        ? t('timeline.submitted', { who })
        : t('timeline.submittedLines', { who, count: lines });
    }
    case 'priced': {
      const total = count(d.total);
      const unpriced = count(d.unpricedLines) ?? 0;
      const priced =
        total === undefined ? t('timeline.priced') : t('timeline.pricedAt', { total: money(total, currency) });
      return unpriced > 0
        ? t('timeline.pricedUnpriced', { priced, count: unpriced })
        : t('timeline.sentence', { priced });
    }
    case 'reviewed': {
      const adjusted = count(d.adjusted);
      return adjusted ? t('timeline.reviewedAdjusted', { who, count: adjusted }) : t('timeline.reviewed', { who });
    }
    case 'review-refused': {
      const reason = text(d.reason);
      return reason ? t('timeline.reviewRefusedWhy', { who, reason }) : t('timeline.reviewRefused', { who });
    }
    case 'review-reassigned':
      return t('timeline.reviewReassigned', { who, to: text(d.to) ?? t('timeline.anotherRep') });
    case 'discount-requested':
      return t('timeline.discountRequested', { who });
    case 'discount-approved':
      return t('timeline.discountApproved', { who });
    case 'discount-rejected':
      return t('timeline.discountRejected', { who });
    case 'quoted': {
      const until = text(d.validUntil);
      return until ? t('timeline.quotedUntil', { quote, until: calendarDay(until) }) : t('timeline.quoted', { quote });
    }
    case 'rejected':
      return t('timeline.rejected', { who });
    case 'revision-declined':
      return t('timeline.revisionDeclined', { who, quote });
    case 'accepted': {
      const po = text(d.poNumber);
      return po ? t('timeline.acceptedPo', { who, po }) : t('timeline.accepted', { who });
    }
    case 'declined':
      return t('timeline.declined', { who });
    case 'revision-requested':
      return t('timeline.revisionRequested', { who, quote });
    case 'approval-started': {
      const levels = Array.isArray(d.levels) ? d.levels.length : 0;
      return levels === 0 ? t('timeline.approvalStarted') : t('timeline.approvalNeeded', { count: levels });
    }
    case 'decision-requested':
    case 'reminder-sent':
    case 'escalated': {
      const wait = waits[text(d.purpose) ?? ''] ?? someone;
      const to = Array.isArray(d.to) ? d.to.filter((a): a is string => typeof a === 'string') : [];
      const whom = to.length > 0 ? list(to) : t(wait.asked);
      const many = to.length > 1 || (to.length === 0 && wait.many) ? 'many' : 'one';
      const asked = {
        whom,
        many,
        named: to.length > 0 ? 'yes' : 'no',
        what: t(wait.what),
        level: text(d.purpose) === 'approval-level' ? level : '',
      };
      if (event.action === 'reminder-sent') return t('timeline.reminded', asked);
      if (event.action === 'escalated') return t('timeline.escalated', asked);
      return t('timeline.asked', asked);
    }
    case 'approval-escalated':
      return t('timeline.approvalEscalated', { level, to: text(d.to) ?? t('timeline.companyAdmin') });
    case 'level-approved':
      return t('timeline.levelApproved', { level, by: byWhom(decisionsOf(d)) || who });
    case 'approval-recorded':
      return t('timeline.approvalRecorded', { level, by: byWhom(decisionsOf(d)) || who });
    case 'approved': {
      const decisions = decisionsOf(d);
      if (decisions.length > 0) return t('timeline.approvedBy', { level, by: byWhom(decisions) });
      return text(d.reason) === 'no approval rule applies' ? t('timeline.approvedNoRule') : t('timeline.approved');
    }
    case 'approval-rejected':
      return t('timeline.approvalRejected', { level, by: byWhom(decisionsOf(d)) || who });
    case 'ordered': {
      const total = count(d.total);
      const orderId = text(d.orderId) ?? '';
      return total === undefined
        ? t('timeline.ordered', { orderId })
        : t('timeline.orderedFor', { orderId, total: money(total, currency) });
    }
    case 'expired':
      return t('timeline.expired', { waitingFor: text(d.waitingFor) ?? t('timeline.aDecision') });
    case 'cancelled':
      return t('timeline.cancelled', { who });
    case 'failed':
      return t('timeline.failed');
    case 'recipients-bounced':
      return t('timeline.bounced');
    default: {
      const words = event.action.replaceAll('-', ' ');
      const what = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
      return event.actor.role === 'system' ? t('timeline.other', { what }) : t('timeline.otherBy', { what, who });
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

import type { Schemas } from '../api/client.ts';
import { when } from '../ui/dates.ts';
import { statusLabels } from './status.tsx';

type Event = Schemas['Rfq']['history'][number];

const roleNames: Record<Event['actor']['role'], string> = {
  buyer: 'buyer',
  approver: 'approver',
  rep: 'sales rep',
  'sales-manager': 'sales manager',
  admin: 'admin',
  system: 'system',
};

/** The words a comment, a reason or a PO number arrived with, when the event carries one. */
const said = (detail: Event['detail']): string | undefined => {
  for (const key of ['comment', 'reason', 'poNumber']) {
    const value = detail?.[key];
    if (typeof value === 'string' && value) return key === 'poNumber' ? `PO ${value}` : `“${value}”`;
  }
  return undefined;
};

/** What happened to the RFQ, oldest first: who, when, the status it moved to, and what they said. */
export const Timeline = (props: { history: Event[] }) => (
  <section aria-labelledby="timeline-heading">
    <h2 id="timeline-heading">Timeline</h2>
    <ol class="timeline">
      {props.history.map((event) => (
        <li key={event.seq}>
          <strong>{event.action.replaceAll('-', ' ')}</strong>
          {event.to && <> → {statusLabels[event.to]}</>}
          <div class="secondary">
            <time dateTime={event.at}>{when(event.at)}</time> · {event.actor.email} ({roleNames[event.actor.role]}
            {event.actor.onBehalfOf ? ` for ${event.actor.onBehalfOf}` : ''})
          </div>
          {said(event.detail) && <div>{said(event.detail)}</div>}
        </li>
      ))}
    </ol>
  </section>
);

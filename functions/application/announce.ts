import type { IntegrationEvent } from '#domain/integration-event.ts';
import type { Store } from '#store/ports.ts';

/** Publishes one domain event (source `quote-to-order`) on the configured bus. */
export interface EventPublisher {
  publish(detailType: string, detail: object): Promise<void>;
}

/** What announcing needs: the feed, the bus and a clock — a workflow step's deps, or an HTTP use case's. */
export interface AnnounceDeps {
  store: Pick<Store, 'feed'>;
  events: EventPublisher;
  now: () => Date;
}

/**
 * An event goes out two ways: appended to the integration feed (GET /integration/events), then published on
 * EventBridge. The feed comes first and keeps the event once by its id, so a step or request retried after either
 * write repeats nothing in the feed, and an event EventBridge carried is always in the feed too. Workflow steps and
 * the ERP's status reports (order-status) both announce through here.
 */
export const announce = async (deps: AnnounceDeps, event: Omit<IntegrationEvent, 'occurredAt'>): Promise<void> => {
  await deps.store.feed.append({ ...event, occurredAt: deps.now().toISOString() });
  await deps.events.publish(event.type, event.data);
};

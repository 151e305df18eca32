import type { IntegrationEvent } from '#domain/integration-event.ts';
import type { StepDeps } from './deps.ts';

/**
 * An event goes out two ways: appended to the integration feed (GET /integration/events), then published on
 * EventBridge. The feed comes first and keeps the event once by its id, so a step retried after either write repeats
 * nothing in the feed, and an event EventBridge carried is always in the feed too.
 */
export const announce = async (deps: StepDeps, event: Omit<IntegrationEvent, 'occurredAt'>): Promise<void> => {
  await deps.store.feed.append({ ...event, occurredAt: deps.now().toISOString() });
  await deps.events.publish(event.type, event.data);
};

import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventPublisher } from '#application/announce.ts';
import { config } from '../config.ts';
import { eventsClient } from './events.ts';
import { once } from './once.ts';

/** PutEvents answered 200 with the entry failed (throttling, an internal error): worth sending again. */
export class EventNotPublished extends Error {
  override readonly name = 'EventNotPublished';
}

/**
 * The event port on EventBridge (locally, local/eventbridge.ts behind the same API), for the workflow's steps and the
 * HTTP routes that announce (the ERP's status reports) alike.
 */
export const eventBus = once(
  (): EventPublisher => ({
    async publish(detailType, detail) {
      const result = await eventsClient().send(
        new PutEventsCommand({
          Entries: [
            {
              Source: 'quote-to-order',
              DetailType: detailType,
              Detail: JSON.stringify(detail),
              EventBusName: config().EVENT_BUS_NAME,
            },
          ],
        }),
      );
      if ((result.FailedEntryCount ?? 0) > 0) {
        throw new EventNotPublished(
          `${detailType} not published: ${result.Entries?.[0]?.ErrorCode ?? 'unknown error'}`,
        );
      }
    },
  }),
);

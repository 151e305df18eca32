import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { brandedMailer } from '#email/branded-mailer.ts';
import { createSesMailer } from '#email/ses-mailer.ts';
import { skipSuppressed } from '#email/suppressed-mailer.ts';
import { eventsClient } from '#functions/clients/events.ts';
import { sesClient } from '#functions/clients/ses.ts';
import { brandOf, config } from '#functions/config.ts';
import { storeFromConfig } from '#store/from-config.ts';
import type { Store } from '#store/ports.ts';
import type { EventPublisher, StepDeps } from './deps.ts';
import { TransientError } from './transient.ts';

/** The event port on EventBridge (locally, local/eventbridge.ts behind the same API). */
export const eventPublisherFromConfig = (): EventPublisher => ({
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
    // PutEvents answers 200 with per-entry failures (throttling, internal errors): retry the step.
    if ((result.FailedEntryCount ?? 0) > 0) {
      throw new TransientError(`${detailType} not published: ${result.Entries?.[0]?.ErrorCode ?? 'unknown error'}`);
    }
  },
});

/** The mailer writes to nobody the store lists as suppressed (a bounced or complaining address). */
const withStore = (store: Store): StepDeps => ({
  store,
  mailer: brandedMailer(
    skipSuppressed(
      createSesMailer(sesClient(), {
        from: config().MAIL_FROM,
        ...(config().SES_CONFIGURATION_SET && { configurationSet: config().SES_CONFIGURATION_SET }),
      }),
      store.mail,
    ),
    brandOf(config()),
  ),
  events: eventPublisherFromConfig(),
  config: config(),
  now: () => new Date(),
});

let deps: StepDeps | undefined;

export const stepDepsFromConfig = (): StepDeps => {
  deps ??= withStore(storeFromConfig());
  return deps;
};

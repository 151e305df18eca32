import { brandedMailer } from '#email/branded-mailer.ts';
import { createSesMailer } from '#email/ses-mailer.ts';
import { skipSuppressed } from '#email/suppressed-mailer.ts';
import { eventBus } from '#functions/clients/event-bus.ts';
import { sesClient } from '#functions/clients/ses.ts';
import { brandOf, config } from '#functions/config.ts';
import { storeFromConfig } from '#store/from-config.ts';
import type { Store } from '#store/ports.ts';
import type { StepDeps } from './deps.ts';

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
  events: eventBus(),
  config: config(),
  now: () => new Date(),
});

let deps: StepDeps | undefined;

export const stepDepsFromConfig = (): StepDeps => {
  deps ??= withStore(storeFromConfig());
  return deps;
};

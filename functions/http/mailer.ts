import { brandedMailer } from '#email/branded-mailer.ts';
import type { Mailer } from '#email/ports.ts';
import { createSesMailer } from '#email/ses-mailer.ts';
import { skipSuppressed } from '#email/suppressed-mailer.ts';
import { sesClient } from '#functions/clients/ses.ts';
import { brandOf } from '#functions/config.ts';
import { storeFromConfig } from '#store/from-config.ts';
import { perConfig } from './adapters.ts';

/**
 * SES for the few routes that email someone (a delegate named while decisions already wait), in its own module so no
 * other handler bundles the SES client.
 */
export const httpMailer = /* @__PURE__ */ perConfig(
  (settings): Mailer =>
    brandedMailer(
      skipSuppressed(
        createSesMailer(sesClient(), {
          from: settings.MAIL_FROM,
          ...(settings.SES_CONFIGURATION_SET && { configurationSet: settings.SES_CONFIGURATION_SET }),
        }),
        storeFromConfig().mail,
      ),
      brandOf(settings),
    ),
);

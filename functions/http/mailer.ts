import { createSesMailer, type Mailer } from '#email/mailer.ts';
import { sesClient } from '#functions/clients/ses.ts';
import { type Config, config } from '#functions/config.ts';

let built: { for: Config; mailer: Mailer } | undefined;

/**
 * SES for the few routes that email someone (a delegate named while decisions already wait), in its own module so no
 * other handler bundles the SES client; rebuilt only when the config is reloaded, as adapters().
 */
export const httpMailer = (): Mailer => {
  if (built?.for !== config())
    built = {
      for: config(),
      mailer: createSesMailer(sesClient(), {
        from: config().MAIL_FROM,
        ...(config().SES_CONFIGURATION_SET && { configurationSet: config().SES_CONFIGURATION_SET }),
      }),
    };
  return built.mailer;
};

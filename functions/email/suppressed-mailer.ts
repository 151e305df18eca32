import type { MailFeedbackStore } from '#store/ports.ts';
import type { Mailer } from './ports.ts';

/**
 * Never writes to an address we stopped writing to (it bounced for good, or its reader complained): another message
 * would only bounce again and cost the sender's reputation. A message left with nobody to go to is not sent; the
 * bounce handler has already told someone who can fix the address.
 */
export const skipSuppressed = (mailer: Mailer, mail: Pick<MailFeedbackStore, 'suppressed'>): Mailer => ({
  async send(message) {
    const suppressed = await mail.suppressed(message.to);
    const to = message.to.filter((address) => !suppressed.has(address.toLowerCase()));
    if (to.length > 0) await mailer.send({ ...message, to });
  },
});

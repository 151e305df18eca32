import type { Brand } from '#domain/brand.ts';
import { branded } from './layout.ts';
import type { Mailer } from './ports.ts';

/** Every message leaves in the seller's brand (their name, logo and colour from the configuration). */
export const brandedMailer = (mailer: Mailer, brand: Brand): Mailer => ({
  send: (message) => mailer.send(branded(message, brand)),
});

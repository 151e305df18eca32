import { type Html, html } from '#functions/pages/html.ts';
import type { EmailMessage } from './mailer.ts';

/** Inline styles only: mail clients drop <style> blocks and never load external sheets. */
const styles = {
  body: 'font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:640px;margin:0 auto;padding:16px',
  button:
    'display:inline-block;background:#0b5cad;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold',
};

export const button = (href: string, label: string): Html =>
  html`<p><a href="${href}" style="${styles.button}">${label}</a></p>`;

/** One email, its HTML and text parts written side by side so they always say the same thing. */
export const email = (to: string[], subject: string, body: Html, text: string[]): EmailMessage => ({
  to,
  subject,
  html: html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${subject}</title></head>
<body style="${styles.body}">
${body}
<p style="color:#555;font-size:13px">quote-to-order — this message was sent automatically.</p>
</body></html>`.value,
  text: `${text.join('\n\n')}\n\n-- \nquote-to-order — this message was sent automatically.\n`,
});

/** "2026-11-25 14:05 UTC": a deadline people can read, unambiguous across time zones. */
export const deadline = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

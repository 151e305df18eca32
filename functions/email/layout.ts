import type { Brand } from '#domain/brand.ts';
import { type Html, html } from '#rendering/html.ts';
import type { EmailMessage } from './ports.ts';

/**
 * Inline styles only: mail clients (Gmail, the local inbox) drop <style> blocks and <body> attributes and never load
 * external sheets, so every element carries its own. The card is a table, the one layout every client keeps; text
 * wraps anywhere it must (an RFQ id in a heading) so nothing runs off a 390 px phone.
 */
const font = 'font-family:Arial,Helvetica,sans-serif;color:#1a1a1a';
export const styles = {
  page: 'margin:0;padding:0;background:#f3f4f6',
  card: `${font};font-size:15px;line-height:1.5;background:#ffffff;max-width:640px;width:100%`,
  /** Padding on the cell: a collapsed table's own padding is ignored. */
  inside: `${font};padding:20px 16px`,
  heading: `${font};font-size:20px;line-height:1.3;margin:0 0 12px;overflow-wrap:anywhere;word-break:break-word`,
  paragraph: 'margin:0 0 12px;overflow-wrap:anywhere',
  muted: 'color:#4b5563;font-size:13px',
  note: 'margin:0 0 12px;padding:8px 12px;border-left:4px solid #0b5cad;background:#f1f6fc;overflow-wrap:anywhere',
  button:
    'display:inline-block;background:#0b5cad;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold',
  link: 'color:#0b5cad',
  label: 'padding:2px 12px 2px 0;vertical-align:top;font-weight:bold;white-space:nowrap',
  value: 'padding:2px 0;vertical-align:top;overflow-wrap:anywhere',
};

/** Links open a new tab: the local inbox shows mail in a frame, and our pages (rightly) refuse to be framed. */
const newTab = html`target="_blank" rel="noopener"`;

export const heading = (text: string): Html => html`<h1 style="${styles.heading}">${text}</h1>`;
export const paragraph = (content: Html | string): Html => html`<p style="${styles.paragraph}">${content}</p>`;
export const note = (label: string, text: string): Html =>
  html`<p style="${styles.note}"><strong>${label}:</strong> ${text}</p>`;
export const link = (href: string, label: string): Html =>
  html`<a href="${href}" ${newTab} style="${styles.link}">${label}</a>`;
export const button = (href: string, label: string): Html =>
  html`<p style="margin:16px 0"><a href="${href}" ${newTab} style="${styles.button}">${label}</a></p>`;

/** Label–value pairs (who, until when, which PO) as a small two-column table, and the same as text lines. */
export const factsHtml = (facts: readonly (readonly [string, string])[]): Html =>
  facts.length === 0
    ? html``
    : html`<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 12px">
${facts.map(([label, value]) => html`<tr><td style="${styles.label}">${label}</td><td style="${styles.value}">${value}</td></tr>`)}
</table>`;
export const factsText = (facts: readonly (readonly [string, string])[]): string[] =>
  facts.length === 0 ? [] : [facts.map(([label, value]) => `${label}: ${value}`).join('\n')];

/** The last line of every message; a branded message names the seller in it. */
const signOff = 'quote-to-order — this message was sent automatically.';

/** Where the card's content begins: what a message is headed by goes right after it. */
const cardOpen = html`<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;${styles.card}"><tr><td style="${styles.inside}">`;

/** One email, its HTML and text parts written side by side so they always say the same thing. */
export const email = (to: string[], subject: string, body: Html, text: string[]): EmailMessage => ({
  to,
  subject,
  html: html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${subject}</title></head>
<body style="${styles.page}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;${styles.page}"><tr><td align="center" style="padding:12px 8px">
${cardOpen}
${body}
<p style="${styles.paragraph};${styles.muted}">${signOff}</p>
</td></tr></table>
</td></tr></table>
</body></html>`.value,
  text: `${text.join('\n\n')}\n\n-- \n${signOff}\n`,
});

/** The same message headed by one more sentence, first in the card and first in the text (a delegate's "you stand in for"). */
export const headedBy = (message: EmailMessage, sentence: string): EmailMessage => ({
  ...message,
  html: message.html.replace(
    cardOpen.value,
    `${cardOpen.value}\n${html`<p style="${styles.note}"><strong>${sentence}</strong></p>`.value}`,
  ),
  text: `${sentence}\n\n${message.text}`,
});

/** "2026-11-25 14:05 UTC": a deadline people can read, unambiguous across time zones. */
export const deadline = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Ends a sentence once: "… Supply Co." stays one period, never "Co..". */
export const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * The seller's brand over a message: their logo and name in a band of their colour atop the card, buttons and links
 * in that colour, and their name in the last line. Applied to every message on its way out (branded-mailer.ts), so no
 * template carries it.
 */
export const branded = (message: EmailMessage, brand: Brand): EmailMessage => {
  const band = html`<p style="margin:0 0 16px;padding:10px 0 0;border-top:4px solid ${brand.color};font-size:17px;font-weight:bold;color:${brand.color}">${brand.logoUrl ? html`<img src="${brand.logoUrl}" alt="" width="32" height="32" style="vertical-align:middle;border:0;margin-right:8px">` : ''}${brand.sellerName}</p>`;
  const signed = `${brand.sellerName} — this message was sent automatically.`;
  return {
    ...message,
    html: message.html
      .replace(cardOpen.value, `${cardOpen.value}\n${band.value}`)
      .replaceAll(styles.button, styles.button.replace('background:#0b5cad', `background:${brand.color}`))
      .replaceAll(styles.link, `color:${brand.color}`)
      .replace(signOff, html`${signed}`.value),
    text: message.text.replace(signOff, signed),
  };
};

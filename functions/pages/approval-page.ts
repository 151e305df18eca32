import { randomBytes } from 'node:crypto';
import { minorUnitDigits } from '#domain/money.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';
import { quoteTableHtml } from '#email/quote-summary.ts';
import { config } from '#functions/config.ts';
import type { LinkAnswer } from '#functions/decisions/link-answer.ts';
import type { ApprovalLink } from '#store/ports.ts';
import { type Html, html, trusted } from './html.ts';
import { repAuthorityHtml } from './rep-review.ts';

export interface Page {
  status: number;
  html: string;
  headers: Record<string, string>;
}

const stylesheet = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;margin:0 auto;max-width:760px;padding:16px}
h1{font-size:1.5rem;margin:.5rem 0 1rem;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border-bottom:1px solid #c8c8c8;padding:.4rem;text-align:left;vertical-align:top}
tfoot th,tfoot td{border-bottom:none}
small{color:#4a4a4a}
label{display:block;font-weight:bold;margin-top:.75rem}
input,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #595959;border-radius:4px}
textarea{min-height:5rem}
.buttons{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}
button{font:inherit;font-weight:bold;padding:.65rem 1.25rem;border-radius:4px;border:2px solid #0b5cad;cursor:pointer}
.approve{background:#0b5cad;color:#fff}
.reject{background:#fff;color:#8a1c1c;border-color:#8a1c1c}
.alert{border-left:4px solid #8a1c1c;background:#fdf2f2;padding:.5rem 1rem}
.note{border-left:4px solid #0b5cad;background:#f1f6fc;padding:.5rem 1rem}
@media (max-width:600px){table,thead,tbody,tfoot,tr,th,td{display:block}thead{display:none}td,th{border:none;padding:.15rem 0}tr{border-bottom:1px solid #c8c8c8;padding:.5rem 0}}
`;

/** Minor units as the text a person types back: 1250 USD → "12.50". */
const majorText = (minor: number, currency: string): string => {
  const digits = minorUnitDigits(currency);
  const padded = String(minor).padStart(digits + 1, '0');
  return digits === 0 ? padded : `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
};

const page = (status: number, title: string, body: Html): Page => {
  // A fresh nonce per response: the one inline stylesheet runs, nothing injected could.
  const nonce = randomBytes(16).toString('base64');
  return {
    status,
    html: html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style nonce="${nonce}">${trusted(stylesheet)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`.value,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    },
  };
};

const titleOf = (link: ApprovalLink, rfq: Rfq): string => {
  if (link.purpose === 'rep-review') return `Review quote ${rfq.rfqId}`;
  if (link.purpose === 'discount-approval') return `Approve a discount on quote ${rfq.rfqId}`;
  return `Approve purchase ${rfq.rfqId} — level ${link.level ?? 1}`;
};

const context = (link: ApprovalLink, rfq: Rfq): Html => html`<p>For <strong>${link.approver}</strong>.
${link.purpose === 'approval-level' ? html`${rfq.buyerEmail} accepted this quote with PO number <strong>${rfq.poNumber ?? '—'}</strong>.` : html`Requested by ${rfq.buyerEmail} (${rfq.companyId}).`}
Decide by <strong>${link.expiresAt.slice(0, 16).replace('T', ' ')} UTC</strong>.</p>
${rfq.note ? html`<p class="note">Buyer's note: ${rfq.note}</p>` : ''}`;

const priceInputs = (quote: Quote): Html => html`<fieldset>
<legend>Unit prices (${quote.currency}) — change a price to adjust it</legend>
${quote.lines.map(
  (line) => html`<label for="price-${line.sku}">${line.name} (${line.sku}), ${line.quantity} ${line.unit}</label>
<input id="price-${line.sku}" name="price:${line.sku}" inputmode="decimal" autocomplete="off" value="${line.unitPrice === null ? '' : majorText(line.unitPrice, quote.currency)}" aria-describedby="authority-${line.sku}${line.unitPrice === null ? ` needs-${line.sku}` : ''}"${line.unitPrice === null ? html` required` : ''}>
${line.unitPrice === null ? html`<small id="needs-${line.sku}">No catalog price (${line.unpriced ?? 'unknown'}): enter one.</small>` : ''}`,
)}
</fieldset>`;

const decisionForm = (
  link: ApprovalLink,
  rfq: Rfq,
  quote: Quote,
  errors: { path: string; message: string }[],
): Html => html`
<h1>${titleOf(link, rfq)}</h1>
${errors.length > 0 ? html`<div class="alert" role="alert"><h2>Nothing was decided yet</h2><ul>${errors.map((e) => html`<li>${e.message}</li>`)}</ul></div>` : ''}
${context(link, rfq)}
${quoteTableHtml(quote)}
<form method="post">
${link.purpose === 'rep-review' ? html`${repAuthorityHtml(quote, config().MAX_REP_DISCOUNT_PERCENT)}${priceInputs(quote)}` : ''}
<label for="comment">Comment (optional; shown to the ${link.purpose === 'approval-level' ? 'buyer' : 'team'})</label>
<textarea id="comment" name="comment" maxlength="2000"></textarea>
<div class="buttons">
<button class="approve" type="submit" name="decision" value="approve">Approve</button>
<button class="reject" type="submit" name="decision" value="reject">Reject</button>
</div>
</form>`;

const message = (status: number, title: string, text: string): Page =>
  page(status, title, html`<h1>${title}</h1><p>${text}</p>`);

/** The page for each state a link can be in. Everything echoed is escaped; no script, no external resource. */
export const renderLinkPage = (answer: LinkAnswer): Page => {
  switch (answer.kind) {
    case 'open':
      return page(200, titleOf(answer.link, answer.rfq), decisionForm(answer.link, answer.rfq, answer.quote, []));
    case 'invalid':
      return page(
        400,
        titleOf(answer.link, answer.rfq),
        decisionForm(answer.link, answer.rfq, answer.quote, answer.errors),
      );
    case 'decided':
      return message(
        200,
        answer.decision === 'approve' ? 'Approved — thank you' : 'Rejected — thank you',
        `Your decision on ${answer.rfq.rfqId} is recorded. You can close this page.`,
      );
    case 'recorded':
      return message(
        202,
        'Approval recorded — thank you',
        `Your approval of ${answer.rfq.rfqId} is recorded. The level still needs: ${answer.waitingFor.join(', ')}.`,
      );
    case 'used':
      return message(409, 'This link was already used', 'A decision was already made with this link. Nothing changed.');
    case 'revoked':
      return message(
        409,
        'This link is no longer valid',
        'Someone else decided first, or the quote changed and a newer link was sent. Nothing changed.',
      );
    case 'gone':
      return message(
        409,
        'Already decided or expired',
        'This request was already decided or has expired. Nothing changed.',
      );
    case 'expired':
      return message(410, 'This link has expired', 'The time to decide with this link is over. Nothing changed.');
    case 'unknown':
      return message(
        404,
        'Link not found',
        'This link is not valid. Check that you copied all of it. Nothing changed.',
      );
  }
};

/** The same answer for API clients (JSON): what happened, no task token, no link internals. */
export const linkAnswerBody = (answer: LinkAnswer): Record<string, unknown> => {
  switch (answer.kind) {
    case 'open':
      return { outcome: 'open', rfqId: answer.rfq.rfqId, purpose: answer.link.purpose, quote: answer.quote };
    case 'invalid':
      return { outcome: 'invalid', errors: answer.errors };
    case 'decided':
      return { outcome: 'decided', rfqId: answer.rfq.rfqId, decision: answer.decision };
    case 'recorded':
      return { outcome: 'recorded', rfqId: answer.rfq.rfqId, waitingFor: answer.waitingFor };
    default:
      return { outcome: answer.kind };
  }
};

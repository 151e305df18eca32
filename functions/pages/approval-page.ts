import { randomBytes } from 'node:crypto';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { minorUnitDigits } from '#domain/money.ts';
import type { QuoteView } from '#domain/quote-view.ts';
import { quoteTableHtml } from '#email/quote-summary.ts';
import { type Html, html, trusted } from './html.ts';
import { repAuthorityHtml } from './rep-review.ts';

type Purpose = 'rep-review' | 'discount-approval' | 'approval-level';

/** Why a link no longer decides anything (see decisions/open-link.ts). */
export type RevokedWhy =
  | { reason: 'superseded' }
  | { reason: 'decided-by-other'; by: string }
  | { reason: 'quote-changed'; version: number }
  | { reason: 'closed'; status: RfqStatus }
  | { reason: 'timed-out' };

/**
 * What a link's page shows — and, without `status`, what an API client gets as JSON. Built per audience by
 * http/approval-link-view.ts from a whitelist; the page never sees the stored link or the full RFQ.
 */
export type LinkPage =
  | {
      outcome: 'open' | 'invalid';
      status: number;
      rfqId: string;
      purpose: Purpose;
      approver: string;
      /** A delegate's link: the out-of-office person the approver decides for. */
      onBehalfOf?: string;
      expiresAt: string;
      level?: number;
      companyId: string;
      buyerEmail: string;
      poNumber?: string;
      note?: string;
      quote: QuoteView;
      /** Only on the rep's own review page: the authority the price inputs are measured against. */
      maxRepDiscountPercent?: number;
      /** Only on the sales manager's escalated review: they may give the review to another rep instead. */
      reassign?: true;
      errors: { path: string; message: string }[];
    }
  | {
      outcome: 'decided';
      status: number;
      rfqId: string;
      purpose: Purpose;
      decision: 'approve' | 'reject' | 'reassign';
      sentToManager?: true;
      closedAs?: RfqStatus;
    }
  | { outcome: 'recorded'; status: number; rfqId: string; waitingFor: string[] }
  | { outcome: 'refused'; status: number; reason: string }
  | { outcome: 'revoked'; status: number; why: RevokedWhy }
  | { outcome: 'used' | 'gone' | 'expired' | 'unknown'; status: number };

type OpenPage = Extract<LinkPage, { outcome: 'open' | 'invalid' }>;

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

const titleOf = (p: OpenPage): string => {
  if (p.purpose === 'rep-review') return `Review quote ${p.rfqId}`;
  if (p.purpose === 'discount-approval') return `Approve a discount on quote ${p.rfqId}`;
  return `Approve purchase ${p.rfqId} — level ${p.level ?? 1}`;
};

const context = (
  p: OpenPage,
): Html => html`<p>For <strong>${p.approver}</strong>${p.onBehalfOf ? html`, standing in for <strong>${p.onBehalfOf}</strong> (out of office)` : ''}.
${p.purpose === 'approval-level' ? html`${p.buyerEmail} accepted this quote with PO number <strong>${p.poNumber ?? '—'}</strong>.` : html`Requested by ${p.buyerEmail} (${p.companyId}).`}
Decide by <strong>${p.expiresAt.slice(0, 16).replace('T', ' ')} UTC</strong>.</p>
${p.note ? html`<p class="note">Buyer's note: ${p.note}</p>` : ''}`;

const priceInputs = (quote: QuoteView): Html => html`<fieldset>
<legend>Unit prices (${quote.currency}) — change a price to adjust it</legend>
${quote.lines.map(
  (line) => html`<label for="price-${line.sku}">${line.name} (${line.sku}), ${line.quantity} ${line.unit}</label>
<input id="price-${line.sku}" name="price:${line.sku}" inputmode="decimal" autocomplete="off" value="${line.unitPrice === null ? '' : majorText(line.unitPrice, quote.currency)}" aria-describedby="authority-${line.sku}${line.unitPrice === null ? ` needs-${line.sku}` : ''}"${line.unitPrice === null ? html` required` : ''}>
${line.unitPrice === null ? html`<small id="needs-${line.sku}">No catalog price (${line.unpriced ?? 'unknown'}): enter one.</small>` : ''}`,
)}
</fieldset>`;

const decisionForm = (p: OpenPage): Html => html`
<h1>${titleOf(p)}</h1>
${p.errors.length > 0 ? html`<div class="alert" role="alert"><h2>Nothing was decided yet</h2><ul>${p.errors.map((e) => html`<li>${e.message}</li>`)}</ul></div>` : ''}
${context(p)}
${quoteTableHtml(p.quote)}
<form method="post">
${p.maxRepDiscountPercent !== undefined ? html`${repAuthorityHtml(p.quote, p.maxRepDiscountPercent)}${priceInputs(p.quote)}` : ''}
<label for="comment">Comment (optional; ${p.purpose === 'approval-level' ? 'recorded with your decision for the buyer and the other approvers' : 'recorded with your decision for the seller team'})</label>
<textarea id="comment" name="comment" maxlength="2000"></textarea>
<div class="buttons">
<button class="approve" type="submit" name="decision" value="approve">Approve</button>
<button class="reject" type="submit" name="decision" value="reject">Reject</button>
</div>
</form>
${p.reassign ? reassignForm : ''}`;

const reassignForm = html`<form method="post">
<h2>Or give the review to another rep</h2>
<label for="reassign-to">The rep's email</label>
<input id="reassign-to" name="reassignTo" type="email" autocomplete="off" required>
<div class="buttons">
<button class="approve" type="submit" name="decision" value="reassign">Reassign the review</button>
</div>
</form>`;

const message = (status: number, title: string, text: string): Page =>
  page(status, title, html`<h1>${title}</h1><p>${text}</p>`);

const closedText: Partial<Record<RfqStatus, string>> = {
  CANCELLED: 'the buyer withdrew the request',
  EXPIRED: 'the request expired',
  FAILED: 'processing of the request failed',
};

const decidedPage = (p: Extract<LinkPage, { outcome: 'decided' }>): Page => {
  if (p.closedAs)
    return message(
      200,
      'Your decision came too late',
      `Your ${p.decision === 'approve' ? 'approval' : 'rejection'} was received, but ${closedText[p.closedAs] ?? `the request is ${p.closedAs}`} (${p.rfqId} is ${p.closedAs}). No order will be placed. You can close this page.`,
    );
  if (p.sentToManager)
    return message(
      200,
      'Sent to the sales manager',
      `Some of your prices on ${p.rfqId} go beyond your own authority, so the quote now waits for the sales manager's approval before it goes to the buyer. You will be told of the decision.`,
    );
  if (p.decision === 'reassign')
    return message(
      200,
      'Reassigned — thank you',
      `The review of ${p.rfqId} now waits for the rep you named; they have been emailed a link. You can close this page.`,
    );
  const what = p.purpose === 'rep-review' && p.decision === 'approve' ? ' The quote goes to the buyer now.' : '';
  return message(
    200,
    p.decision === 'approve' ? 'Approved — thank you' : 'Rejected — thank you',
    `Your decision on ${p.rfqId} is recorded.${what} You can close this page.`,
  );
};

const revokedText = (why: RevokedWhy): string => {
  switch (why.reason) {
    case 'superseded':
      return 'A newer email with a new link was sent to you (a reminder); please use the link in the latest email. Nothing changed.';
    case 'decided-by-other':
      return `This was already decided by ${why.by}; your decision is no longer needed. Nothing changed.`;
    case 'quote-changed':
      return `The quote changed since this link was sent; it is now version ${why.version}, and any decision needed on it comes with a new email. Nothing changed.`;
    case 'closed':
      return `The request is closed (${why.status}); there is nothing left to decide. Nothing changed.`;
    case 'timed-out':
      return 'The time to decide with this link ran out. Nothing changed.';
  }
};

/** The page for each state a link can be in. Everything echoed is escaped; no script, no external resource. */
export const renderLinkPage = (p: LinkPage): Page => {
  switch (p.outcome) {
    case 'open':
    case 'invalid':
      return page(p.status, titleOf(p), decisionForm(p));
    case 'decided':
      return decidedPage(p);
    case 'recorded':
      return message(
        202,
        'Approval recorded — thank you',
        `Your approval of ${p.rfqId} is recorded. The level still needs: ${p.waitingFor.join(', ')}.`,
      );
    case 'refused':
      return message(403, 'You may not decide this', p.reason);
    case 'used':
      return message(409, 'This link was already used', 'A decision was already made with this link. Nothing changed.');
    case 'revoked':
      return message(409, 'This link is no longer valid', revokedText(p.why));
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

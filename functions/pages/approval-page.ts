import { randomBytes } from 'node:crypto';
import type { Brand } from '#domain/brand.ts';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { marginText } from '#domain/margin.ts';
import { formatMoney, minorUnitDigits } from '#domain/money-format.ts';
import type { QuoteView } from '#domain/quote-view.ts';
import { type Html, html, trusted } from '#rendering/html.ts';
import { quoteTableHtml } from '#rendering/quote-summary.ts';
import type { DiscountApprovalContext, LinkPage, PurchaseApprovalContext, RevokedWhy } from './link-page.ts';
import { repAuthorityHtml } from './rep-review.ts';

type OpenPage = Extract<LinkPage, { outcome: 'open' | 'invalid' }>;

export interface Page {
  status: number;
  html: string;
  headers: Record<string, string>;
}

const stylesheet = `
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;margin:0 auto;max-width:760px;padding:16px}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
p,li{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border-bottom:1px solid #c8c8c8;padding:.4rem;text-align:left;vertical-align:top}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tfoot th,tfoot td{border-bottom:none}
tfoot th{text-align:right}
.saving{text-align:right;color:#166534;margin:-.5rem 0 1rem}
.tax-note{font-weight:bold;margin:0 0 1rem}
small,.muted{color:#4a4a4a}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0;overflow-wrap:anywhere;white-space:pre-line}
ol.thread{list-style:none;padding:0;margin:0}
ol.thread li{border-top:1px solid #e0e0e0;padding:.25rem 0}
ol.thread p{margin:.15rem 0;white-space:pre-line}
.context{border:1px solid #c8c8c8;border-radius:6px;padding:.25rem 1rem .75rem;margin:1rem 0}
.decision{border-top:2px solid var(--brand);margin-top:1.5rem;padding-top:.5rem}
label{display:block;font-weight:bold;margin-top:.75rem}
input,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #595959;border-radius:4px}
textarea{min-height:5rem}
.buttons{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}
button{font:inherit;font-weight:bold;padding:.65rem 1.25rem;border-radius:4px;border:2px solid var(--brand);cursor:pointer}
.approve{background:var(--brand);color:#fff}
a{color:var(--brand)}
.brand{display:flex;align-items:center;gap:.5rem;margin:0 0 .5rem;padding-top:.5rem;border-top:4px solid var(--brand);font-weight:bold;font-size:1.05rem;color:var(--brand)}
.reject{background:#fff;color:#8a1c1c;border-color:#8a1c1c}
:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
.alert{border-left:4px solid #8a1c1c;background:#fdf2f2;padding:.5rem 1rem}
.note{border-left:4px solid var(--brand);background:#f1f6fc;padding:.5rem 1rem}
@media (max-width:600px){
thead{display:none}
table,tbody,tr{display:block}
tbody tr{border-bottom:1px solid #c8c8c8;padding:.5rem 0}
caption{display:block}
tbody th,tbody td{display:flex;justify-content:space-between;gap:1rem;border:none;padding:.1rem 0;text-align:right;white-space:normal}
tbody th{display:block;text-align:left}
tbody td::before{content:attr(data-label);color:#4a4a4a;text-align:left}
tfoot{display:block}
tfoot tr{display:flex;justify-content:space-between;gap:1rem}
tfoot th,tfoot td{padding:.15rem 0}
dl.facts{grid-template-columns:1fr}
dl.facts dd{margin-bottom:.35rem}
}
`;

/** Minor units as the text a person types back: 1250 USD → "12.50". */
const majorText = (minor: number, currency: string): string => {
  const digits = minorUnitDigits(currency);
  const padded = String(minor).padStart(digits + 1, '0');
  return digits === 0 ? padded : `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
};

/** A page before it is framed in the seller's brand. */
interface Frame {
  status: number;
  title: string;
  body: Html;
}

const page = (status: number, title: string, body: Html): Frame => ({ status, title, body });

/**
 * The page in the seller's brand: their colour (checked for contrast when the configuration was read) for buttons,
 * links and the band over the page; their logo and name in it. The CSP lets in the logo's origin and nothing else.
 */
const framed = ({ status, title, body }: Frame, brand: Brand): Page => {
  // A fresh nonce per response: the one inline stylesheet runs, nothing injected could.
  const nonce = randomBytes(16).toString('base64');
  const logo = brand.logoUrl ? ` img-src ${new URL(brand.logoUrl).origin};` : '';
  return {
    status,
    html: html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style nonce="${nonce}">:root{--brand:${brand.color}}${trusted(stylesheet)}</style>
</head>
<body>
<header class="brand">${brand.logoUrl ? html`<img src="${brand.logoUrl}" alt="" width="32" height="32">` : ''}${brand.sellerName}</header>
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
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}';${logo} form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    },
  };
};

const titleOf = (p: OpenPage): string => {
  if (p.purpose === 'rep-review') return `Review quote ${p.rfqId}`;
  if (p.purpose === 'discount-approval') return `Approve a discount on quote ${p.rfqId}`;
  return `Approve purchase ${p.rfqId} — level ${p.level ?? 1}`;
};

const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** Who asks, for whom, by when: the facts a decider checks first. */
const facts = (p: OpenPage): Html => {
  const rows: [string, Html | string][] = [
    // The company's approver is asked about a purchase from a supplier: whose quote it is comes first.
    ...(p.purpose === 'approval-level' ? [['Supplier', p.sellerName] as [string, Html | string]] : []),
    [
      'For',
      p.onBehalfOf ? html`${p.approver}, standing in for <strong>${p.onBehalfOf}</strong> (out of office)` : p.approver,
    ],
    [p.purpose === 'approval-level' ? 'Buyer' : 'Requested by', `${p.buyerEmail}, ${p.companyName}`],
    ...(p.poNumber ? [['PO number', p.poNumber] as [string, Html | string]] : []),
    ...(p.requestedDeliveryDate ? [['Delivery wanted by', p.requestedDeliveryDate] as [string, Html | string]] : []),
    ...(p.shipTo ? [['Ship to', p.shipTo] as [string, Html | string]] : []),
    ...(p.quote.validUntil ? [['Quote valid until', p.quote.validUntil] as [string, Html | string]] : []),
    ['Decide by', utc(p.expiresAt)],
  ];
  return html`<dl class="facts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
${p.note ? html`<p class="note"><strong>Buyer's note:</strong> ${p.note}</p>` : ''}`;
};

const decisionWord = { approve: 'approved', reject: 'rejected' } as const;

/** The conversation so far: who said what, when, on which version; a seller note is marked as one. */
const threadSection = (p: OpenPage): Html =>
  p.thread.length === 0
    ? html``
    : html`<section class="context" aria-labelledby="thread-title">
<h2 id="thread-title">The conversation</h2>
<ol class="thread">${p.thread.map(
        (c) =>
          html`<li><p class="muted">${c.author} (${c.role}), ${utc(c.at)}${c.quoteVersion !== null ? `, on version ${c.quoteVersion}` : ''}${c.visibility === 'seller' ? ' — seller note, never shown to the buyer' : ''}</p><p>${c.text}</p></li>`,
      )}</ol>
</section>`;

/** A company approver's "why am I asked": the level, who else, the rules or reason, earlier levels, the budget. */
const purchaseContext = (a: PurchaseApprovalContext, quote: QuoteView): Html => {
  const money = (amount: number) => formatMoney(amount, quote.currency);
  const how =
    a.others.length === 0
      ? 'You are the only approver of this level.'
      : a.mode === 'any'
        ? `Any one approver decides this level; the first decision counts. Also asked: ${a.others.join(', ')}.`
        : `Every approver of this level must approve. Also asked: ${a.others.join(', ')}.`;
  const why =
    a.rules.length > 0
      ? html`<ul>${a.rules.map((r) => html`<li><strong>${r.name}</strong>${r.when ? ` (${r.when})` : ''}</li>`)}</ul>`
      : html`<p>${a.reason ? `This level was added because the order is ${a.reason}.` : a.escalated ? 'No approver was left on this level, so it went to the company admins.' : ''}</p>`;
  const over = a.budget.some((b) => quote.total > b.remaining);
  return html`<section class="context" aria-labelledby="why-title">
<h2 id="why-title">Why you are asked — level ${a.level} of ${a.levels}</h2>
${a.rules.length > 0 ? html`<p>Your company's approval rules ask for this level:</p>` : ''}${why}
${a.escalated && a.rules.length > 0 ? html`<p>Escalated to the company admins: no other approver was left on this level.</p>` : ''}
<p>${how}</p>
${
  a.earlier.length > 0
    ? html`<h3>Decided so far</h3><ul>${a.earlier.flatMap((level) =>
        level.decisions.length === 0
          ? [html`<li>Level ${level.level}: ${level.status.toLowerCase()}</li>`]
          : level.decisions.map(
              (d) =>
                html`<li>Level ${level.level}: ${decisionWord[d.decision]} by ${d.approver} on ${utc(d.at)}${d.comment ? html` — “${d.comment}”` : ''}</li>`,
            ),
      )}</ul>`
    : ''
}
${
  a.budget.length > 0
    ? html`<h3>The buyer's budget</h3><ul>${a.budget.map(
        (b) =>
          html`<li>${b.period === 'month' ? `Month of ${b.start.slice(0, 7)}` : `Quarter from ${b.start}`}: ${money(b.remaining)} left of ${money(b.amount)}</li>`,
      )}</ul>${over ? html`<p class="alert">This order (${money(quote.total)}) is more than the budget left.</p>` : ''}`
    : ''
}
</section>`;
};

/** The sales manager's "what am I approving": the lines below the rep's floor, by how much, the margin, the reason. */
const discountSection = (d: DiscountApprovalContext, currency: string): Html => {
  const money = (amount: number) => formatMoney(amount, currency);
  const marginCell = (line: DiscountApprovalContext['lines'][number]) =>
    line.margin === undefined ? 'cost unknown' : marginText(line.margin, line.requested, money);
  return html`<section class="context" aria-labelledby="discount-title">
<h2 id="discount-title">Beyond the rep's authority</h2>
<p>${d.proposedBy} priced ${d.lines.length === 1 ? 'this line' : `these ${d.lines.length} lines`} below what a rep may give alone, on ${utc(d.at)}. Amounts are a unit unless said.</p>
${d.reason ? html`<p class="note"><strong>The rep's reason:</strong> ${d.reason}</p>` : html`<p>The rep gave no reason.</p>`}
<table>
<thead><tr><th scope="col">Product</th><th scope="col" class="num">Asked, a unit</th><th scope="col" class="num">Rep floor</th><th scope="col" class="num">Below the floor</th><th scope="col" class="num">Cost</th><th scope="col" class="num">Margin</th></tr></thead>
<tbody>
${d.lines.map(
  (l) =>
    html`<tr><th scope="row">${l.name}<br><small>${l.sku} · ${l.quantity.toLocaleString('en-US')} units${l.contractPrice !== undefined ? ` · contract ${money(l.contractPrice)}` : l.listPrice !== undefined ? ` · list ${money(l.listPrice)}` : ''}</small></th><td class="num" data-label="Asked, a unit">${money(l.requested)}</td><td class="num" data-label="Rep floor">${money(l.floor)}</td><td class="num" data-label="Below the floor"><span>${money(l.belowFloor)}<br><small>${money(l.belowFloor * l.quantity)} on ${l.quantity.toLocaleString('en-US')}</small></span></td><td class="num" data-label="Cost">${l.cost === undefined ? '—' : money(l.cost)}</td><td class="num" data-label="Margin">${marginCell(l)}</td></tr>
`,
)}</tbody>
</table>
</section>`;
};

const priceInputs = (quote: QuoteView): Html => html`<fieldset>
<legend>Unit prices (${quote.currency}) — change a price to adjust it</legend>
${quote.lines.map(
  (
    line,
  ) => html`<label for="price-${line.sku}">${line.name} (${line.sku}), ${line.quantity} ${line.unit}${line.targetUnitPrice !== undefined ? ` — the buyer's target: ${formatMoney(line.targetUnitPrice, quote.currency)}` : ''}</label>
<input id="price-${line.sku}" name="price:${line.sku}" inputmode="decimal" autocomplete="off" value="${line.unitPrice === null ? '' : majorText(line.unitPrice, quote.currency)}" aria-describedby="authority-${line.sku}${line.unitPrice === null ? ` needs-${line.sku}` : ''}"${line.unitPrice === null ? html` required` : ''}>
${line.unitPrice === null ? html`<small id="needs-${line.sku}">No catalog price (${line.unpriced ?? 'unknown'}): enter one.</small>` : ''}`,
)}
</fieldset>`;

const decisionForm = (p: OpenPage): Html => html`
<h1>${titleOf(p)}</h1>
${p.errors.length > 0 ? html`<div class="alert" role="alert"><h2>Nothing was decided yet</h2><ul>${p.errors.map((e) => html`<li>${e.message}</li>`)}</ul></div>` : ''}
${facts(p)}
${p.revisionRequest ? html`<p class="note"><strong>${p.revisionRequest.by} asked for a revision on ${utc(p.revisionRequest.at)}:</strong> ${p.revisionRequest.comment ?? '(no comment)'}</p>` : ''}
${p.approval ? purchaseContext(p.approval, p.quote) : ''}
${p.discount ? discountSection(p.discount, p.quote.currency) : ''}
${threadSection(p)}
${quoteTableHtml(p.quote, p.purpose === 'approval-level' ? 'buyer' : 'seller')}
${p.quotePdfUrl ? html`<p><a href="${p.quotePdfUrl}">The quote from ${p.sellerName} as a PDF</a></p>` : ''}
<form method="post" class="decision" aria-labelledby="decision-title">
<h2 id="decision-title">Your decision</h2>
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

const message = (status: number, title: string, text: string): Frame =>
  page(status, title, html`<h1>${title}</h1><p>${text}</p>`);

const closedText: Partial<Record<RfqStatus, string>> = {
  CANCELLED: 'the buyer withdrew the request',
  EXPIRED: 'the request expired',
  FAILED: 'processing of the request failed',
};

type OrderLink = { orderId: string; url: string };

const openOrder = (order: OrderLink): Html =>
  html`<p><a href="${order.url}">Open order ${order.orderId} in the app</a> (you sign in first).</p>`;

/** A dead link whose request became an order: what it led to, and where to see it — not just "nothing changed". */
const deadLink = (status: number, title: string, text: string, order: OrderLink | undefined): Frame =>
  order
    ? page(
        status,
        title,
        html`<h1>${title}</h1><p>${text}</p>
<p>The request became order <strong>${order.orderId}</strong>, placed with the supplier.</p>
${openOrder(order)}`,
      )
    : message(status, title, text);

const decidedPage = (p: Extract<LinkPage, { outcome: 'decided' }>): Frame => {
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
  if (p.order)
    return page(
      200,
      'Approved — thank you',
      html`<h1>Approved — thank you</h1>
<p>Your approval was the last one needed on ${p.rfqId}: order <strong>${p.order.orderId}</strong> is placed with the supplier now, and the buyer is told.</p>
${openOrder(p.order)}`,
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
      return why.status === 'ORDERED'
        ? 'The request is decided; there is nothing left to decide. Nothing changed.'
        : `The request is closed (${why.status}); there is nothing left to decide. Nothing changed.`;
    case 'withdrawn':
      return `Your stand-in for ${why.for} was withdrawn: ${withdrawnText(why)}. Nothing changed.`;
    case 'timed-out':
      return 'The time to decide with this link ran out. Nothing changed.';
  }
};

const withdrawnText = (why: Extract<RevokedWhy, { reason: 'withdrawn' }>): string => {
  const by = why.by ?? why.for;
  switch (why.because) {
    case 'delegation-ended':
      return by === why.for ? `${by} ended the delegation` : `${by} ended ${why.for}’s delegation`;
    case 'delegation-changed':
      return by === why.for
        ? `${by} changed who stands in for them, or when`
        : `${by} changed who stands in for ${why.for}, or when`;
    case 'delegate-not-approver':
      return 'you are not an approver of this company any more';
    case 'delegate-not-staff':
      return 'you are not one of the seller’s staff any more (an account’s rep or the sales manager)';
    case 'person-left':
      return `${why.for} is no longer among the people who decide here`;
  }
};

/**
 * The page for each state a link can be in. Everything echoed is escaped; no script, no external resource but the
 * seller's logo.
 */
export const renderLinkPage = (p: LinkPage, brand: Brand): Page => framed(frameOf(p), brand);

const frameOf = (p: LinkPage): Frame => {
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
      return deadLink(
        409,
        'This link was already used',
        'A decision was already made with this link. Nothing changed.',
        p.order,
      );
    case 'revoked':
      return deadLink(409, 'This link is no longer valid', revokedText(p.why), p.order);
    case 'gone':
      return message(
        409,
        'Already decided or expired',
        'This request was already decided or has expired. Nothing changed.',
      );
    case 'sending':
      return message(
        409,
        'Still being sent — try again in a moment',
        'This request is being sent to you again after a delay, so your decision reached no one. In a moment a new email with a fresh link arrives: decide with that one. Nothing changed.',
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

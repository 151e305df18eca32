import { html } from './html.ts';

/**
 * The buyer's quote page, `GET /rfqs/{rfqId}/page`: where the "Your quote is ready" email leads. Accepting commits the
 * buyer's company to a purchase, so it is done as the signed-in buyer — the same bearer token, the same API routes and
 * the same authorization as any API client — rather than with a bearer link anybody holding the email could use.
 *
 * The page itself is a static shell with no data in it: its script (same origin, no inline code) reads the RFQ with
 * the buyer's token and posts accept / revise / decline to the JSON API. The token arrives in the URL fragment
 * (`#token=...`, which browsers never send to a server, a log or a Referer) or is pasted into the sign-in form, and is
 * kept in sessionStorage only. On AWS the fragment is where a Cognito hosted-UI sign-in returns the ID token; locally
 * `npm start` prints dev tokens.
 */
export const buyerQuotePolicy =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const buyerQuotePage = (rfqId: string): string =>
  html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Quote ${rfqId}</title>
<link rel="stylesheet" href="/assets/buyer-quote.css">
<script src="/assets/buyer-quote.js" defer></script>
</head>
<body>
<header><p class="brand">quote-to-order</p></header>
<main id="main" data-rfq-id="${rfqId}" aria-labelledby="title">
<h1 id="title">Quote ${rfqId}</h1>
<noscript><p class="notice">This page needs JavaScript to sign you in. API clients can use <code>GET /rfqs/${rfqId}</code>.</p></noscript>
<p id="status" role="status" aria-live="polite"></p>

<section id="signin" aria-labelledby="signin-title" hidden>
<h2 id="signin-title">Sign in</h2>
<form id="signin-form">
<label for="token">Your access token</label>
<textarea id="token" name="token" rows="4" required autocomplete="off" spellcheck="false"></textarea>
<p class="hint">Locally, <code>npm start</code> prints one for each demo user.</p>
<button type="submit">Sign in</button>
</form>
</section>

<section id="quote" aria-labelledby="quote-title" hidden>
<h2 id="quote-title">Quote</h2>
<dl class="facts">
<div><dt>Status</dt><dd id="rfq-status"></dd></div>
<div><dt>Quote version</dt><dd id="quote-version"></dd></div>
<div><dt>Valid until</dt><dd id="valid-until"></dd></div>
<div><dt>Your account rep</dt><dd id="rep"></dd></div>
<div><dt>PO number</dt><dd id="po-number"></dd></div>
<div><dt>Order</dt><dd id="order-id"></dd></div>
</dl>
<div class="table-wrap">
<table>
<caption>Quoted lines</caption>
<thead><tr><th scope="col">SKU</th><th scope="col">Item</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Line total</th><th scope="col">Price basis</th></tr></thead>
<tbody id="lines"></tbody>
<tfoot>
<tr><th scope="row" colspan="4">Subtotal</th><td class="num" id="subtotal"></td><td></td></tr>
<tr><th scope="row" colspan="4">Total</th><td class="num" id="total"></td><td></td></tr>
</tfoot>
</table>
</div>
</section>

<section id="decide" aria-labelledby="decide-title" hidden>
<h2 id="decide-title">Your decision</h2>
<div id="budget" class="budget" hidden><p id="budget-left"></p><p id="budget-over" hidden>This quote is more than your budget left: if you accept, your company's admins are asked to approve it as over budget.</p></div>
<form id="accept-form" class="decision">
<h3>Accept</h3>
<label for="po">Purchase order number</label>
<input id="po" name="poNumber" required maxlength="64" autocomplete="off">
<button type="submit">Accept the quote</button>
</form>
<form id="revise-form" class="decision">
<h3>Ask for a revision</h3>
<label for="revise-comment">What should change?</label>
<textarea id="revise-comment" name="comment" rows="3" required maxlength="2000"></textarea>
<button type="submit" class="secondary">Ask for a revision</button>
</form>
<form id="decline-form" class="decision">
<h3>Decline</h3>
<label for="decline-reason">Reason</label>
<textarea id="decline-reason" name="reason" rows="3" required maxlength="2000"></textarea>
<button type="submit" class="danger">Decline the quote</button>
</form>
</section>

<p><button type="button" id="refresh" class="secondary" hidden>Refresh</button>
<button type="button" id="signout" class="secondary" hidden>Sign out</button></p>
</main>
</body>
</html>
`.value;

/**
 * The buyer quote page's script, served from `/assets/buyer-quote.js` (the page's CSP allows only same-origin script,
 * never inline). It builds every piece of data into the page with textContent, so nothing from the API is ever parsed
 * as HTML. Plain ES2020 for any current browser; no build step, no dependencies.
 */
export const buyerQuoteScript = String.raw`'use strict';
(function () {
  var main = document.getElementById('main');
  var rfqId = main.getAttribute('data-rfq-id');
  var storageKey = 'quote-to-order.token';
  var byId = function (id) { return document.getElementById(id); };

  // A token in the fragment (a sign-in redirect, or a link printed by npm start) is kept for this tab only and
  // removed from the address bar at once, so it is not bookmarked, shared or left in the history.
  var fragment = /(?:^#|&)(?:token|id_token)=([^&]+)/.exec(location.hash);
  if (fragment) {
    sessionStorage.setItem(storageKey, decodeURIComponent(fragment[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  var token = function () { return sessionStorage.getItem(storageKey); };

  var say = function (text, kind) {
    var status = byId('status');
    status.textContent = text;
    status.className = kind || '';
  };

  var api = function (method, path, body) {
    var headers = { authorization: 'Bearer ' + token() };
    if (body) headers['content-type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, cache: 'no-store' })
      .then(function (response) {
        return response.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (ignored) { data = null; }
          if (!response.ok) {
            var error = new Error((data && (data.detail || data.title)) || ('HTTP ' + response.status));
            error.status = response.status;
            error.problem = data;
            throw error;
          }
          return data;
        });
      });
  };

  var money = function (minor, currency) {
    if (minor === null || minor === undefined) return '—';
    var format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency });
    return format.format(minor / Math.pow(10, format.resolvedOptions().maximumFractionDigits));
  };
  var text = function (id, value) { byId(id).textContent = value === null || value === undefined || value === '' ? '—' : String(value); };
  var columns = ['SKU', 'Item', 'Quantity', 'Unit price', 'Line total', 'Price basis'];
  var cell = function (row, value, className) {
    var td = document.createElement('td');
    td.textContent = value;
    // Narrow screens stack each row as a card; the label comes from here (CSS attr()), not from extra markup.
    td.setAttribute('data-label', columns[row.children.length]);
    if (className) td.className = className;
    row.appendChild(td);
  };

  // The version on screen: a decision names it, so a quote changed meanwhile is never accepted unseen.
  var shownVersion = null;

  var show = function (rfq) {
    shownVersion = rfq.version;
    text('rfq-status', rfq.status.replace(/_/g, ' ').toLowerCase());
    text('quote-version', rfq.version);
    text('valid-until', rfq.validUntil);
    text('rep', rfq.accountRepEmail);
    text('po-number', rfq.poNumber);
    text('order-id', rfq.orderId);
    var lines = byId('lines');
    lines.replaceChildren();
    rfq.lines.forEach(function (line) {
      var row = document.createElement('tr');
      cell(row, line.sku);
      cell(row, line.name);
      cell(row, line.quantity + ' ' + line.unit, 'num');
      cell(row, money(line.unitPrice, rfq.currency), 'num');
      cell(row, money(line.lineTotal, rfq.currency), 'num');
      cell(row, line.priceSource);
      lines.appendChild(row);
    });
    text('subtotal', money(rfq.subtotal, rfq.currency));
    text('total', money(rfq.total, rfq.currency));
    byId('quote').hidden = false;
    byId('decide').hidden = rfq.status !== 'QUOTED';
    // The buyer's budget left, before they accept: only the buyer company's people get it from the API.
    var budget = rfq.budget || [];
    byId('budget').hidden = budget.length === 0;
    text('budget-left', budget.map(function (b) {
      return 'Budget left for the ' + (b.period === 'month' ? 'month of ' : 'quarter from ') + b.start + ': ' +
        money(b.remaining, rfq.currency) + ' of ' + money(b.amount, rfq.currency) + '.';
    }).join(' '));
    byId('budget-over').hidden = !budget.some(function (b) { return rfq.total > b.remaining; });
    byId('refresh').hidden = false;
    byId('signout').hidden = false;
  };

  var signedOut = function (message) {
    sessionStorage.removeItem(storageKey);
    byId('signin').hidden = false;
    byId('quote').hidden = true;
    byId('decide').hidden = true;
    byId('refresh').hidden = true;
    byId('signout').hidden = true;
    say(message || 'Sign in to see this quote.');
  };

  var load = function () {
    if (!token()) return signedOut();
    byId('signin').hidden = true;
    return api('GET', '/rfqs/' + encodeURIComponent(rfqId)).then(show, function (error) {
      if (error.status === 401) return signedOut('Your sign-in has expired or is not valid; please sign in again.');
      if (error.status === 404 || error.status === 403) return say('This quote does not exist or is not yours to see.', 'error');
      say('Could not load the quote: ' + error.message, 'error');
    });
  };

  var decide = function (formId, action, field, done) {
    var form = byId(formId);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = {};
      body[field] = form.elements[field].value.trim();
      body.quoteVersion = shownVersion;
      var buttons = document.querySelectorAll('#decide button');
      buttons.forEach(function (b) { b.disabled = true; });
      say('Sending…');
      api('POST', '/rfqs/' + encodeURIComponent(rfqId) + '/' + action, body).then(
        function (rfq) {
          if (rfq && rfq.status) show(rfq);
          // The workflow moves the RFQ on a moment later; until then the decision stays hidden, so nobody sends it twice.
          byId('decide').hidden = true;
          say(done, 'ok');
          setTimeout(load, 1500);
          setTimeout(load, 5000);
        },
        function (error) {
          if (error.status === 409 && error.problem && error.problem.currentVersion) {
            say('The quote changed to version ' + error.problem.currentVersion + ' since you opened it. Nothing was sent; it is shown again below — please review it and decide again.', 'error');
            load();
            return;
          }
          say('Not sent: ' + error.message, 'error');
        },
      ).then(function () { buttons.forEach(function (b) { b.disabled = false; }); });
    });
  };

  byId('signin-form').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem(storageKey, byId('token').value.trim());
    byId('token').value = '';
    say('');
    load();
  });
  byId('refresh').addEventListener('click', load);
  byId('signout').addEventListener('click', function () { signedOut('Signed out.'); });
  decide('accept-form', 'accept', 'poNumber', 'Accepted. Your company\'s approvers have been asked to sign off.');
  decide('revise-form', 'revise', 'comment', 'Sent to your account rep for a revised quote.');
  decide('decline-form', 'decline', 'reason', 'Declined. Your account rep has been told.');
  load();
})();
`;

import { randomUUID } from 'node:crypto';

/**
 * One quote-to-order through the public API of a deployed stack (or the local one), as its people do it, signed in:
 * the seller's admin sets up a product and the smoke company (one approval rule: every order needs its approver),
 * the buyer submits, the rep approves the quote (`POST /rfqs/{rfqId}/review`), the buyer accepts with a PO number,
 * the company's approver signs off in the API (`POST /rfqs/{rfqId}/approval`, found in `GET /me/tasks` — email links
 * cannot be followed from outside the mailbox), and the order appears.
 *
 * Afterwards it cleans up what it created: an RFQ that did not finish is cancelled, the smoke product is deactivated
 * (no DELETE routes exist; an inactive product is offered to nobody). The company record stays: on AWS it must match
 * the smoke buyer's `custom:companyId`, so it is the same reserved company on every run.
 */
export interface SmokeTokens {
  /** ID tokens (Cognito) or dev tokens (local): a seller admin, the company's rep, a buyer and an approver of the smoke company. */
  admin: string;
  rep: string;
  buyer: string;
  approver: string;
}

export interface SmokeOptions {
  /** The API's base URL, e.g. the stack's SiteUrl. */
  api: string;
  tokens: SmokeTokens;
  /** One line per step, as it happens. */
  log: (line: string) => void;
  /** How long to wait for the workflow to move the RFQ on (default two minutes). */
  stepTimeoutMs?: number;
  pollMs?: number;
}

export interface SmokeResult {
  rfqId: string;
  orderId: string;
  total: number;
  currency: string;
  steps: string[];
}

/** A JWT's claims, read without verifying: the API verifies; the smoke only needs to know who it is. */
const claimsOf = (token: string): Record<string, unknown> => {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('a token is not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
};

const who = (token: string, role: string): { email: string; companyId?: string } => {
  const claims = claimsOf(token);
  if (typeof claims.email !== 'string') throw new Error(`the ${role} token has no email claim (use the ID token)`);
  return {
    email: claims.email,
    ...(typeof claims['custom:companyId'] === 'string' && { companyId: claims['custom:companyId'] }),
  };
};

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of the API, checked by the step that reads them
  body: any;
}

export const runSmoke = async (options: SmokeOptions): Promise<SmokeResult> => {
  const base = options.api.endsWith('/') ? options.api : `${options.api}/`;
  const started = Date.now();
  const steps: string[] = [];
  const step = (text: string) => {
    const line = `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${text}`;
    steps.push(text);
    options.log(line);
  };
  const call = async (method: string, path: string, token: string, body?: unknown, headers = {}): Promise<Answer> => {
    const response = await fetch(new URL(path.replace(/^\//, ''), base), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const expectStatus = (answer: Answer, expected: number, what: string) => {
    if (answer.status !== expected) {
      throw new Error(`${what}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  };
  const statusOf = async (rfqId: string, token: string) =>
    expectStatus(await call('GET', `/rfqs/${rfqId}`, token), 200, `GET /rfqs/${rfqId}`);
  const reaches = async (rfqId: string, status: string, token: string) => {
    const deadline = Date.now() + (options.stepTimeoutMs ?? 120_000);
    for (;;) {
      const rfq = await statusOf(rfqId, token);
      if (rfq.status === status) return rfq;
      if (['REJECTED', 'DECLINED', 'EXPIRED', 'CANCELLED', 'FAILED', 'APPROVAL_REJECTED'].includes(rfq.status)) {
        throw new Error(`RFQ ${rfqId} ended ${rfq.status} while waiting for ${status}`);
      }
      if (Date.now() > deadline) throw new Error(`RFQ ${rfqId} is still ${rfq.status}, not ${status}`);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    }
  };

  /** A status comes a moment before the workflow has asked its person; their task list says when a decision is open. */
  const asked = async (rfqId: string, token: string, kind: string): Promise<{ quoteVersion: number }> => {
    const deadline = Date.now() + (options.stepTimeoutMs ?? 120_000);
    for (;;) {
      const tasks = expectStatus(await call('GET', '/me/tasks', token), 200, 'GET /me/tasks');
      const task = tasks.items.find((t: { kind: string; rfqId: string }) => t.kind === kind && t.rfqId === rfqId);
      if (task) return task;
      if (Date.now() > deadline) throw new Error(`RFQ ${rfqId}: no ${kind} task ever appeared in GET /me/tasks`);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    }
  };

  const { tokens } = options;
  const rep = who(tokens.rep, 'rep');
  const buyer = who(tokens.buyer, 'buyer');
  const approver = who(tokens.approver, 'approver');
  if (!buyer.companyId) throw new Error('the buyer token has no custom:companyId: use a buyer of the smoke company');
  if (approver.companyId !== buyer.companyId)
    throw new Error('the approver token names another company than the buyer: use an approver of the smoke company');
  const run = randomUUID().slice(0, 8);
  const sku = 'SMOKE-WIDGET';
  const product = {
    sku,
    name: 'Smoke-test widget (not for sale)',
    unit: 'each',
    listPrice: 1_00,
    currency: 'USD',
    cost: 50,
    category: 'smoke-test',
    active: true,
  };
  let rfqId: string | undefined;
  let finished = false;
  try {
    step(`smoke run ${run} against ${base}`);
    const openapi = await fetch(new URL('openapi.json', base));
    const document = expectStatus({ status: openapi.status, body: await openapi.json() }, 200, 'GET /openapi.json');
    step(`API up: ${document.info?.title ?? 'openapi.json'} ${document.info?.version ?? ''}`);
    expectStatus(await call('PUT', `/products/${sku}`, tokens.admin, product), 200, 'PUT product');
    step(`admin: product ${sku} listed at $1.00`);
    const company = {
      companyId: buyer.companyId,
      name: 'Smoke test company',
      accountRepEmail: rep.email,
      paymentTerms: 'NET30',
      currency: 'USD',
      users: [
        { email: buyer.email, name: 'Smoke buyer', roles: ['buyer'] },
        { email: approver.email, name: 'Smoke approver', roles: ['approver'] },
      ],
    };
    const everyOrder = {
      ruleId: 'smoke-every-order',
      name: 'Every smoke order',
      when: { field: 'total', op: 'gte', value: 0 },
      levels: [{ approvers: [approver.email], mode: 'any' }],
    };
    expectStatus(await call('PUT', `/companies/${buyer.companyId}`, tokens.admin, company), 200, 'PUT company');
    expectStatus(
      await call('PUT', `/companies/${buyer.companyId}/approval-rules`, tokens.admin, { rules: [everyOrder] }),
      200,
      'PUT approval rules',
    );
    step(
      `admin: company ${buyer.companyId}, rep ${rep.email}, buyer ${buyer.email}, every order approved by ${approver.email}`,
    );

    const submitted = expectStatus(
      await call(
        'POST',
        '/rfqs',
        tokens.buyer,
        { lines: [{ sku, quantity: 3 }], note: `smoke ${run}` },
        {
          'idempotency-key': `smoke-${run}`,
        },
      ),
      201,
      'POST /rfqs',
    );
    rfqId = submitted.rfqId as string;
    step(`buyer: RFQ ${rfqId} submitted`);
    const priced = await reaches(rfqId, 'IN_REVIEW', tokens.rep);
    step(
      `workflow: priced, quote v${priced.quote?.version} ${priced.quote?.total} ${priced.quote?.currency}; waiting for the rep`,
    );
    const task = await asked(rfqId, tokens.rep, 'review');
    step(`rep: review of v${task.quoteVersion} is in GET /me/tasks`);

    expectStatus(
      await call('POST', `/rfqs/${rfqId}/review`, tokens.rep, {
        decision: 'approve',
        comment: 'smoke test',
        quoteVersion: task.quoteVersion,
      }),
      202,
      'POST review',
    );
    step('rep: quote approved (POST /rfqs/{rfqId}/review)');
    const quoted = await reaches(rfqId, 'QUOTED', tokens.buyer);
    step(`workflow: QUOTED, valid until ${quoted.quote?.validUntil ?? quoted.validUntil ?? '?'}`);

    const accepted = await call('POST', `/rfqs/${rfqId}/accept`, tokens.buyer, {
      poNumber: `SMOKE-${run}`,
      quoteVersion: quoted.version,
    });
    expectStatus(accepted, 202, 'POST accept');
    step(`buyer: accepted with PO SMOKE-${run}`);

    await reaches(rfqId, 'PENDING_APPROVAL', tokens.buyer);
    const approval = await asked(rfqId, tokens.approver, 'purchase-approval');
    step(`approver: sign-off of v${approval.quoteVersion} is in GET /me/tasks`);
    expectStatus(
      await call('POST', `/rfqs/${rfqId}/approval`, tokens.approver, {
        decision: 'approve',
        comment: 'smoke test',
        quoteVersion: approval.quoteVersion,
      }),
      202,
      'POST approval',
    );
    step('approver: purchase approved (POST /rfqs/{rfqId}/approval)');

    const ordered = await reaches(rfqId, 'ORDERED', tokens.buyer);
    finished = true;
    const order = expectStatus(await call('GET', `/orders/${ordered.orderId}`, tokens.buyer), 200, 'GET order');
    step(`workflow: ORDERED — order ${order.orderId}, ${order.total} ${order.currency} (minor units)`);
    return { rfqId, orderId: order.orderId, total: order.total, currency: order.currency, steps };
  } finally {
    if (rfqId && !finished) {
      const cancel = await call('POST', `/rfqs/${rfqId}/cancel`, tokens.buyer, { reason: 'smoke test cleanup' }).catch(
        (error: Error) => ({ status: 0, body: error.message }),
      );
      step(`cleanup: RFQ ${rfqId} cancelled (${cancel.status})`);
    }
    const retired = await call('PUT', `/products/${sku}`, tokens.admin, { ...product, active: false }).catch(
      (error: Error) => ({ status: 0, body: error.message }),
    );
    step(`cleanup: product ${sku} deactivated (${retired.status})`);
  }
};

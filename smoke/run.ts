import { parseArgs } from 'node:util';
import { runSmoke, type SmokeTokens } from './quote-to-order.ts';

/**
 * `npm run smoke -- --api <SiteUrl>`: one quote-to-order through the public API (smoke/quote-to-order.ts), printing
 * each step; exit 0 only when the RFQ became an order. Tokens: SMOKE_ADMIN_TOKEN, SMOKE_REP_TOKEN, SMOKE_BUYER_TOKEN
 * and SMOKE_APPROVER_TOKEN (Cognito ID tokens, docs/deploy.md "Smoke test"); without them, the local stack's
 * `POST /dev/token` mints a fresh company's people for this run.
 */
const { values } = parseArgs({ options: { api: { type: 'string' } } });
if (!values.api) {
  console.error('usage: npm run smoke -- --api <base URL of the API, e.g. the SiteUrl output>');
  process.exit(2);
}
const api = values.api.endsWith('/') ? values.api : `${values.api}/`;

const fromEnvironment = (): SmokeTokens | undefined => {
  const {
    SMOKE_ADMIN_TOKEN: admin,
    SMOKE_REP_TOKEN: rep,
    SMOKE_BUYER_TOKEN: buyer,
    SMOKE_APPROVER_TOKEN: approver,
  } = process.env;
  return admin && rep && buyer && approver ? { admin, rep, buyer, approver } : undefined;
};

/** Local only: the dev issuer signs tokens the local API accepts; a deployed stack has no such route. */
const fromDevIssuer = async (): Promise<SmokeTokens> => {
  const company = `smoke-${Date.now().toString(36)}`;
  const mint = async (email: string, groups: string[], companyId?: string) => {
    const response = await fetch(new URL('dev/token', api), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, groups, ...(companyId && { companyId }) }),
    });
    if (!response.ok) {
      throw new Error(
        `no SMOKE_*_TOKEN set and ${api}dev/token answered ${response.status}: set the four tokens for a deployed stack`,
      );
    }
    return ((await response.json()) as { token: string }).token;
  };
  return {
    admin: await mint('smoke-admin@seller.example', ['admin']),
    rep: await mint('smoke-rep@seller.example', ['rep']),
    buyer: await mint(`buyer@${company}.example`, ['buyer'], company),
    approver: await mint(`approver@${company}.example`, ['approver'], company),
  };
};

try {
  const tokens = fromEnvironment() ?? (await fromDevIssuer());
  const result = await runSmoke({ api, tokens, log: (line) => console.log(line) });
  console.log(`smoke: PASS — RFQ ${result.rfqId} became order ${result.orderId}`);
} catch (error) {
  console.error(`smoke: FAIL — ${(error as Error).message}`);
  process.exit(1);
}

import type { Role } from '#domain/company.ts';
import { integrationScopes, oauthScope } from '#domain/integration.ts';
import { type ErpCredentials, runErpDemo } from './demo-erp.ts';
import { escalationStack, runEscalationDemo } from './demo-escalation.ts';
import { type DemoTarget, runDemo, type TimelineEntry } from './demo-scenario.ts';
import type { LocalStack } from './stack.ts';

/**
 * `npm run demo`: one RFQ from submission to order. Uses the stack of a running `npm start` when one answers at
 * API_URL (default http://127.0.0.1:3000, inbox at SES_URL, default http://127.0.0.1:8005); otherwise starts its own
 * and stops it afterwards. Exits 0 only when the RFQ is ORDERED.
 *
 * `npm run demo -- --scenario escalation`: nobody answers the rep's review nor the approvers, and the escalations
 * carry the RFQ to an order. Its waits must be seconds long, so it always starts its own stack (on free ports).
 *
 * `npm run demo -- --scenario erp`: that order goes on into the seller's ERP, which the seeded Demo ERP's client
 * stands in for: confirmed, shipped in two parts, invoiced. On a running `npm start` it needs the Demo ERP's
 * credentials that `npm start` prints, as ERP_CLIENT_ID and ERP_CLIENT_SECRET; without them it starts its own stack.
 */
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const sesUrl = process.env.SES_URL ?? 'http://127.0.0.1:8005';

const answers = async (url: string): Promise<boolean> => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
};

const runningStack = async (): Promise<DemoTarget | undefined> => {
  if (!(await answers(`${apiUrl}/openapi.json`)) || !(await answers(`${sesUrl}/store`))) return undefined;
  return {
    api: apiUrl,
    ses: sesUrl,
    async tokenFor(user: { email: string; groups: Role[]; companyId?: string }) {
      const response = await fetch(`${apiUrl}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(user),
      });
      if (!response.ok) throw new Error(`POST /dev/token: HTTP ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
  };
};

let started = Date.now();
const print = (entry: TimelineEntry): void => {
  const clock = entry.at.toISOString().slice(11, 23);
  const elapsed = `+${((entry.at.getTime() - started) / 1000).toFixed(1)}s`.padStart(7);
  console.log(`${clock} ${elapsed}  ${entry.status.padEnd(16)} ${entry.who.padEnd(24)} ${entry.what}`);
};

// Exiting through process.exit runs the DynamoDB Local launcher's exit hook, so an interrupted demo leaves no java.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

const scenarioArgument = process.argv.indexOf('--scenario');
const scenario = scenarioArgument >= 0 ? process.argv[scenarioArgument + 1] : 'order';

const main = async (): Promise<number> => {
  if (scenario !== 'order' && scenario !== 'escalation' && scenario !== 'erp') {
    console.error(`unknown scenario "${scenario}": use order (the default), escalation or erp`);
    return 2;
  }
  const escalation = scenario === 'escalation';
  const { ERP_CLIENT_ID: clientId, ERP_CLIENT_SECRET: clientSecret } = process.env;
  const erpOnRunningStack = scenario === 'erp' && clientId && clientSecret;
  let own: LocalStack | undefined;
  let target = escalation || (scenario === 'erp' && !erpOnRunningStack) ? undefined : await runningStack();
  let erp: ErpCredentials | undefined =
    target && clientId && clientSecret
      ? { clientId, clientSecret, tokenUrl: `${apiUrl}/oidc/token`, tokenScopes: integrationScopes.map(oauthScope) }
      : undefined;
  if (target) {
    console.log(`Using the running stack at ${apiUrl} (inbox ${sesUrl}).`);
  } else {
    if (escalation)
      console.log('The escalation scenario needs waits of seconds: starting its own stack on free ports…');
    else if (scenario === 'erp')
      console.log(
        'Without ERP_CLIENT_ID and ERP_CLIENT_SECRET (the Demo ERP’s, as npm start prints them): starting a stack of its own…',
      );
    else console.log('No stack answers at', apiUrl, '— starting one for the demo…');
    const { startLocalStack } = await import('./stack.ts');
    own = await startLocalStack({
      ...(escalation ? escalationStack : {}),
      log: (p) => {
        if (p.state === 'ready') console.log(`▸ ${p.service.padEnd(15)}… ready (${((p.ms ?? 0) / 1000).toFixed(1)} s)`);
      },
    });
    target = { api: own.urls.api, ses: own.urls.ses, tokenFor: own.tokenFor };
    erp = own.integration;
  }
  try {
    console.log(`\n${'time'.padEnd(12)} ${'elapsed'.padStart(7)}  ${'status'.padEnd(16)} ${'who'.padEnd(24)} what`);
    started = Date.now();
    if (escalation) {
      const result = await runEscalationDemo(target, print);
      console.log(
        `\n${result.rfqId} is ${result.status} (order ${result.orderId}) although nobody first asked answered.`,
      );
      return result.status === 'ORDERED' ? 0 : 1;
    }
    if (scenario === 'erp') {
      if (!erp) throw new Error('the stack has no Demo ERP: start it seeded');
      const result = await runErpDemo(target, erp, print);
      console.log(`\nOrder ${result.orderId} is ${result.status}: confirmed, shipped in two parts and invoiced.`);
      return result.status === 'closed' ? 0 : 1;
    }
    const result = await runDemo(target, print);
    console.log(`\n${result.rfqId} is ${result.status}: order ${result.orderId}, ${result.total}.`);
    if (!own) console.log(`The emails are in the inbox: ${sesUrl}/`);
    return result.status === 'ORDERED' ? 0 : 1;
  } finally {
    await own?.stop();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

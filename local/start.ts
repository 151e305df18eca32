import { parseArgs } from 'node:util';
import { demoPassword, demoUsers } from './seed/seed.ts';
import type { LocalStack, Progress, StackOptions } from './stack.ts';

/**
 * `npm start`: the whole system on this machine, seeded, with a dev token per seeded user.
 * Ports: flags (`--api-port 3100`) or env (`API_PORT=3100`), else the defaults below. `--persist` keeps data in `.data/`;
 * `--time-scale 0.001` (or TIME_SCALE) shortens every workflow wait and retry by that factor.
 */
const defaults = { api: 3000, ses: 8005, stepFunctions: 8083, dynamodb: 8000, events: 8010 };

const { values: flags } = parseArgs({
  options: {
    persist: { type: 'boolean', default: false },
    'api-port': { type: 'string' },
    'ses-port': { type: 'string' },
    'sfn-port': { type: 'string' },
    'dynamodb-port': { type: 'string' },
    'events-port': { type: 'string' },
    'time-scale': { type: 'string' },
  },
});

const port = (flag: string | undefined, env: string | undefined, fallback: number): number => {
  const value = Number(flag ?? env ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`${flag ?? env} is not a port number`);
  return value;
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const progress = (p: Progress): void => {
  if (p.state !== 'ready') return;
  const detail = p.detail ? ` ${p.detail}` : '';
  console.log(`▸ ${p.service.padEnd(15)}… ready (${seconds(p.ms ?? 0)})${detail}`);
};

const banner = async (stack: LocalStack): Promise<void> => {
  const { urls } = stack;
  console.log(`
Ready.
  App (buyers)    ${urls.app}   sign in as ${demoUsers.find((u) => u.groups.includes('buyer'))?.email} / ${demoPassword}
  API             ${urls.api}
  Inbox (email)   ${urls.inbox}
  OpenAPI         ${urls.openapi}
  Step Functions  ${urls.stepFunctions}   (aws stepfunctions --endpoint-url ${urls.stepFunctions} ...)
  DynamoDB        ${urls.dynamodb}   table ${stack.tableName}

Dev tokens (12 h; more with POST ${urls.api}/dev/token {"email","groups","companyId"}):`);
  const width = Math.max(...demoUsers.map((u) => u.email.length));
  for (const user of demoUsers) {
    const role = `${user.groups.join('+')}${user.companyId ? ` @${user.companyId}` : ''}`;
    const token = await stack.tokenFor({
      email: user.email,
      groups: user.groups,
      ...(user.companyId && { companyId: user.companyId }),
    });
    console.log(`  ${user.email.padEnd(width)}  ${role.padEnd(23)}  ${token}`);
  }
  const buyer = demoUsers.find((u) => u.groups.includes('buyer'))!;
  const buyerToken = await stack.tokenFor({ email: buyer.email, groups: buyer.groups, companyId: buyer.companyId! });
  console.log(`
Try it (${buyer.email} asks for a quote; the rep's review link then arrives in the inbox):
  export BUYER_TOKEN='${buyerToken}'
  curl -s ${urls.api}/rfqs -H "Authorization: Bearer $BUYER_TOKEN" -H 'Content-Type: application/json' \\
    -H "Idempotency-Key: $(date +%s)" -d '{"lines":[{"sku":"FAS-HCS-M8-50","quantity":200},{"sku":"ELE-SCN-2D","quantity":20}]}'

Then, once the rep has approved it from the inbox, ${buyer.email} follows it in the app (sign in with the
demo password): ${urls.app}rfqs/<rfqId>

${integrationHowTo(stack)}
Or drive one RFQ all the way to an order: npm run demo
Ctrl-C stops everything.`);
};

/** How the seeded integration client (the demo ERP) gets its token and follows the feed: docs/integration.md. */
const integrationHowTo = ({ integration, urls }: LocalStack): string =>
  integration
    ? `The demo ERP (integration client ${integration.clientId}) gets a token with client credentials:
  export ERP_TOKEN=$(curl -s -u '${integration.clientId}:${integration.clientSecret}' ${integration.tokenUrl} \\
    -d grant_type=client_credentials -d 'scope=${integration.tokenScopes.join(' ')}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
  curl -s '${urls.api}/integration/events?limit=5' -H "Authorization: Bearer $ERP_TOKEN"
Watch it take an order through confirmation, two shipments and an invoice:
  ERP_CLIENT_ID='${integration.clientId}' ERP_CLIENT_SECRET='${integration.clientSecret}' npm run demo -- --scenario erp
`
    : '';

const main = async (): Promise<void> => {
  const env = process.env;
  const options: StackOptions = {
    persist: flags.persist ?? false,
    ports: {
      api: port(flags['api-port'], env.API_PORT, defaults.api),
      ses: port(flags['ses-port'], env.SES_PORT, defaults.ses),
      stepFunctions: port(flags['sfn-port'], env.SFN_PORT, defaults.stepFunctions),
      dynamodb: port(flags['dynamodb-port'], env.DYNAMODB_PORT, defaults.dynamodb),
      events: port(flags['events-port'], env.EVENTS_PORT, defaults.events),
    },
    log: progress,
    kpiHistory: true,
  };
  const timeScale = flags['time-scale'] ?? env.TIME_SCALE;
  if (timeScale !== undefined) {
    // e.g. 0.001: a 48 h review wait runs out in under three minutes, to watch reminders and expiry happen.
    options.timeScale = Number(timeScale);
    if (!(options.timeScale > 0)) throw new Error(`--time-scale ${timeScale} is not a positive number`);
  }
  let stack: LocalStack | undefined;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    // Before the stack is up, or on a second Ctrl-C, exit at once: the DynamoDB Local launcher's exit hook kills java.
    if (stopping || !stack) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // `kill <npm's pid>`: npm passes SIGTERM to its shell, which dies without passing it on. Orphaned, we stop ourselves.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && shutdown('SIGTERM'), 500).unref();
  const notes = [options.persist && 'data kept in .data/', options.timeScale && `workflow time ×${options.timeScale}`];
  const extra = notes.filter(Boolean).join(', ');
  console.log(
    `quote-to-order — starting the local stack on Node ${process.versions.node}${extra ? ` (${extra})` : ''}`,
  );
  // Imported now, not at the top, so the line above shows before the AWS SDK and the local services load.
  const { startLocalStack } = await import('./stack.ts');
  stack = await startLocalStack(options);
  await banner(stack);
};

main().catch((error: unknown) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import { Buffer } from 'node:buffer';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from './test-stack.ts';
import { people, placedOrder, seed } from './world.ts';

/**
 * docs/integration.md's "Post a shipment" examples, run as an ERP team would paste them: the curl lines in bash and
 * the Node snippet in node, with the API, a token and an order in the environment.
 */
const api = useTestStack('integration-docs', { seed: false, holdWorkflow: true });
beforeAll(() => seed(api));
const run = promisify(execFile);

const section = (() => {
  const text = readFileSync(new URL('../../docs/integration.md', import.meta.url), 'utf8');
  const start = text.indexOf('## Post a shipment');
  return text.slice(start, text.indexOf('\n## ', start + 1));
})();
const example = (language: 'sh' | 'js'): string => {
  const found = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(section)?.[1];
  if (!found) throw new Error(`docs/integration.md's "Post a shipment" has no ${language} example`);
  return found;
};

describe('docs/integration.md: post a shipment', () => {
  it('confirms and ships with its curl lines, then ships the rest and invoices with its Node snippet', async () => {
    const orderId = await placedOrder(api);
    const made = await api.call('POST', '/integrations', {
      as: people.admin,
      body: { name: 'Docs ERP', scopes: ['orders.write'] },
    });
    expect(made.status, made.text).toBe(201);
    const granted = await fetch(made.body.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${made.body.clientId}:${made.body.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: made.body.tokenScopes.join(' ') }),
    });
    const { access_token: token } = (await granted.json()) as { access_token: string };
    const env = { ...process.env, API: api.urls.api, TOKEN: token, ORDER_ID: orderId };

    const curl = await run('bash', ['-euo', 'pipefail', '-c', example('sh')], { env });
    const answers = curl.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string });
    expect(answers.map((a) => a.status)).toEqual(['confirmed', 'partly-shipped']);

    const script = join(tmpdir(), `post-a-shipment-${orderId}.mjs`);
    writeFileSync(script, example('js'));
    const node = await run(process.execPath, [script], { env });
    expect(node.stdout.trim().split('\n')).toEqual(['shipped', 'closed']);

    const order = await api.call('GET', `/orders/${orderId}`, { as: people.acmeBuyer });
    expect(order.body.shipments.map((s: { shipmentId: string }) => s.shipmentId)).toEqual(['SHP-1', 'SHP-2']);
    expect(order.body.invoices).toMatchObject([{ invoiceNumber: 'INV-90017', amount: order.body.total }]);
  });
});

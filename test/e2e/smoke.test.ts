import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTestStack } from './test-stack.ts';

/** The smoke run against `api`, given no tokens: it asks the API's own local issuer for them, or says it cannot. */
const smoke = (api: string, timeout: number) =>
  promisify(execFile)('npx', ['tsx', 'smoke/run.ts', '--api', api], {
    env: {
      ...process.env,
      SMOKE_ADMIN_TOKEN: '',
      SMOKE_REP_TOKEN: '',
      SMOKE_BUYER_TOKEN: '',
      SMOKE_APPROVER_TOKEN: '',
    },
    timeout,
  });

/** `npm run smoke -- --api URL` as an operator runs it after a deploy, here against the whole local stack. */
describe('npm run smoke', () => {
  const stack = useTestStack('smoke');

  it('drives one RFQ to an order through the signed-in routes, printing each step, and cleans up', async () => {
    const { stdout } = await smoke(stack.urls.api, 120_000);
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^smoke: PASS — RFQ \S+ became order \S+$/);
    const said = lines.map((line) => line.replace(/^\s*[\d.]+ s {2}/, ''));
    for (const step of [
      /^admin: product SMOKE-WIDGET listed/,
      /^buyer: RFQ \S+ submitted$/,
      /^rep: quote approved \(POST \/rfqs\/\{rfqId\}\/review\)$/,
      /^buyer: accepted with PO SMOKE-/,
      /^approver: purchase approved \(POST \/rfqs\/\{rfqId\}\/approval\)$/,
      /^workflow: ORDERED — order \S+, 300 USD/,
      /^cleanup: product SMOKE-WIDGET deactivated \(200\)$/,
    ]) {
      expect(
        said.some((line) => step.test(line)),
        String(step),
      ).toBe(true);
    }
    const rfqId = /RFQ (\S+) became/.exec(lines.at(-1) ?? '')?.[1] ?? '';
    const rfq = await stack.call('GET', `/rfqs/${rfqId}`, { as: { email: 'ops@seller.example', groups: ['admin'] } });
    expect(rfq.body.status).toBe('ORDERED');
  });

  it('says what is missing when it cannot get tokens, and fails', async () => {
    const run = smoke('http://127.0.0.1:9/', 60_000);
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^smoke: FAIL — /) });
  });
});

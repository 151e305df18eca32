import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runDemo } from '../../local/demo-scenario.ts';
import { type LocalStack, startLocalStack } from '../../local/stack.ts';

/** `npm run demo`'s own scenario, on the whole local stack (sharing the run's DynamoDB Local and SES). */
describe('the demo', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({
      reuse: { dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint') },
      tableName: `demo-${randomUUID().slice(0, 8)}`,
    });
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('takes Acme’s request to an order: rep approval, PO, team lead and finance sign-off from their email links', async () => {
    const result = await runDemo({ api: stack.urls.api, ses: stack.urls.ses, tokenFor: stack.tokenFor });

    expect(result.status).toBe('ORDERED');
    // 250 × $14.20 (contract tier ≥ 200) + 120 × $11.80 (tier ≥ 100) + 20 × $165.00 (the rep's price, within authority)
    expect(result.total).toBe('$8,266.00');
    expect(result.timeline.find((e) => e.status === 'QUOTED')?.what).toMatch(/^quote v2: \$8,266\.00/);
    expect(result.timeline.map((e) => e.status).filter((s) => s !== '—')).toEqual([
      'SUBMITTED',
      'IN_REVIEW',
      'QUOTED',
      'PENDING_APPROVAL',
      'ORDERED',
      'ORDERED',
    ]);
    expect(result.timeline.filter((e) => e.status === '—').map((e) => e.who)).toEqual([
      'riley@northwind.example',
      'dana@acme.example',
      'sam@acme.example',
      'morgan@acme.example',
    ]);
    const orderEvents = stack.events.events().filter((e) => e['detail-type'] === 'order.created');
    expect(orderEvents).toHaveLength(1);
    expect(JSON.stringify(orderEvents[0]?.detail)).toContain(result.orderId);
  });
});

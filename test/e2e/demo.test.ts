import { describe, expect, it } from 'vitest';
import { runDemo } from '../../local/demo-scenario.ts';
import { useTestStack } from './test-stack.ts';

/** `npm run demo`'s own scenario, on the whole local stack (sharing the run's DynamoDB Local and SES). */
describe('the demo', () => {
  const stack = useTestStack('demo');

  it('takes Acme’s request to an order: rep approval, a revision and the thread, PO, team lead and finance sign-off from their email links', async () => {
    const result = await runDemo({ api: stack.urls.api, ses: stack.urls.ses, tokenFor: stack.tokenFor });

    expect(result.status).toBe('ORDERED');
    // First 250 × $14.20 (contract tier ≥ 200) + 120 × $11.80 (tier ≥ 100) + 20 × $165.00 (the rep's price); the
    // revision keeps those agreed prices and takes 30 scanners at $160.00 (still within the rep's authority).
    expect(result.total).toBe('$9,766.00');
    const quotes = result.timeline.filter((e) => e.status === 'QUOTED').map((e) => e.what);
    expect(quotes).toEqual([
      expect.stringMatching(/^quote v2: \$8,266\.00/),
      expect.stringMatching(/^quote v4: \$9,766\.00/),
    ]);
    expect(result.timeline.map((e) => e.status).filter((s) => s !== '—')).toEqual([
      'SUBMITTED',
      'IN_REVIEW',
      'QUOTED',
      'IN_REVIEW',
      'QUOTED',
      'PENDING_APPROVAL',
      'ORDERED',
      'ORDERED',
    ]);
    const acts = result.timeline.filter((e) => e.status === '—');
    expect(acts.map((e) => e.who)).toEqual([
      'riley@northwind.example',
      'dana@acme.example',
      'riley@northwind.example',
      'riley@northwind.example',
      'dana@acme.example',
      'dana@acme.example',
      'sam@acme.example',
      'morgan@acme.example',
    ]);
    expect(acts[4]?.what).toContain('ELE-SCN-2D quantity 20 → 30 (dana@acme.example)');
    expect(acts[4]?.what).toContain('ELE-SCN-2D unitPrice $165.00 → $160.00');
    const orderEvents = stack.events.events().filter((e) => e['detail-type'] === 'order.created');
    expect(orderEvents).toHaveLength(1);
    expect(JSON.stringify(orderEvents[0]?.detail)).toContain(result.orderId);
  });
});

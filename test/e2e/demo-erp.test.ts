import { describe, expect, it } from 'vitest';
import { runErpDemo } from '../../local/demo-erp.ts';
import { useTestStack } from './test-stack.ts';

/** `npm run demo -- --scenario erp`, on the whole local stack with the seeded Demo ERP's client credentials. */
describe('the ERP demo', () => {
  const stack = useTestStack('demo-erp');

  it('takes Acme’s order through the Demo ERP: the feed, a signed webhook, the UBL order, a confirmation, two shipments and an invoice', async () => {
    expect(stack.integration, 'the run’s seeding has the Demo ERP').toBeDefined();
    const result = await runErpDemo(
      { api: stack.urls.api, ses: stack.urls.ses, tokenFor: stack.tokenFor },
      stack.integration!,
    );

    expect(result.status).toBe('closed');
    const erpSteps = result.timeline.filter((e) => e.who === 'Demo ERP').map((e) => e.what);
    expect(erpSteps).toEqual([
      expect.stringMatching(/^got a token for quote-to-order\/orders\.read/),
      expect.stringMatching(/^follows the event feed after position \d+$/),
      expect.stringMatching(new RegExp(`^reads order.created of ${result.orderId} in the feed`)),
      expect.stringMatching(/^received the webhook .+, its signature verified$/),
      expect.stringMatching(/^reads the UBL order PO-\d{4}-\d{5}: L1 × 250, L2 × 120, L3 × 30$/),
      expect.stringMatching(/→ confirmed$/),
      expect.stringMatching(/: L1 × 125, L2 × 60, L3 × 15 → partly-shipped$/),
      expect.stringMatching(/: L1 × 125, L2 × 60, L3 × 15 → shipped$/),
      expect.stringMatching(/^invoices INV-.+: \$9,766\.00 due \d{4}-\d{2}-\d{2} → closed$/),
    ]);
    const buyerSaw = result.timeline.filter((e) => e.who === 'dana@acme.example').map((e) => e.what);
    expect(buyerSaw.at(-2)).toMatch(/placed → confirmed → shipped .+-S1 → shipped .+-S2 → invoiced INV-.+ \(closed\)$/);
    expect(buyerSaw.at(-1)).toMatch(/^was mailed: “Part of order .+ shipped/);
    // The demo takes its webhook endpoint away again: the Demo ERP is as npm start left it.
    expect(await stack.store.webhooks.endpoint(stack.integration!.integrationId)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { escalationStack, runEscalationDemo } from '../../local/demo-escalation.ts';
import { useTestStack } from './test-stack.ts';

/** `npm run demo -- --scenario escalation`, on the whole local stack with its seconds-long waits. */
describe('the escalation demo', () => {
  const stack = useTestStack('demo-escalation', escalationStack);

  it('takes Globex’s request to an order though neither the rep nor the approvers answer: the escalations decide', async () => {
    const result = await runEscalationDemo({ api: stack.urls.api, ses: stack.urls.ses, tokenFor: stack.tokenFor });

    expect(result.status).toBe('ORDERED');
    expect(result.timeline.map((e) => e.status).filter((s) => s !== '—')).toEqual([
      'SUBMITTED',
      'IN_REVIEW',
      'QUOTED',
      'PENDING_APPROVAL',
      'ORDERED',
    ]);
    const deciders = result.timeline.filter((e) => e.what.startsWith('approved from the email'));
    expect(deciders.map((e) => e.who)).toEqual(['taylor@northwind.example', 'jonas@globex.example']);
    expect(deciders.map((e) => e.what)).toEqual([
      expect.stringContaining('Escalated: review quote'),
      expect.stringContaining('Escalated: approve purchase'),
    ]);
    const orders = stack.events.events().filter((e) => e['detail-type'] === 'order.created');
    expect(JSON.stringify(orders)).toContain(result.orderId);
  });
});

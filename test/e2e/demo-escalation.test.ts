import { describe, expect } from 'vitest';
import { escalationStack, runEscalationDemo } from '../../local/demo-escalation.ts';
import { appTest as it } from './app/app-test.ts';
import { photographMail } from './app/browser.ts';
import { useTestStack } from './test-stack.ts';

/**
 * `npm run demo -- --scenario escalation`, on the whole local stack with its seconds-long waits; the escalation emails
 * it sent are photographed as their readers get them (test-artifacts/app/email-escalated-*).
 */
describe('the escalation demo', () => {
  const stack = useTestStack('demo-escalation', escalationStack);

  it('takes Globex’s request to an order though neither the rep nor the approvers answer: the escalations decide', async ({
    page,
  }) => {
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

    const escalated = async (to: string, subject: string) => {
      const found = (await stack.inbox.emailsTo(to)).find(
        (m) => m.subject.startsWith(subject) && m.subject.includes(result.rfqId),
      );
      expect(found, `${subject} to ${to}`).toBeDefined();
      return found!;
    };
    const purchase = await escalated('jonas@globex.example', 'Escalated: approve purchase');
    expect(purchase.text).toContain('Supplier: Northwind Industrial');
    await photographMail(page, stack.urls.app, purchase, 'escalated-purchase-approval');
    await photographMail(
      page,
      stack.urls.app,
      await escalated('taylor@northwind.example', 'Escalated: review quote'),
      'escalated-review',
    );
    await photographMail(
      page,
      stack.urls.app,
      await escalated('riley@northwind.example', 'Escalated to the sales manager'),
      'escalated-review-still-yours',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { ApiAnswer } from '../../bench/api-calls.ts';
import { readQuoteWhenTold } from '../../bench/flow.ts';
import type { Email } from '../../local/inbox.ts';

const rfqId = 'rfq_0123456789abcdef';
const mail = (subject: string): Email => ({
  messageId: subject,
  at: 0,
  to: ['dana@acme.example'],
  subject,
  html: '',
  text: subject,
});

/**
 * The buyer's mail in the order the workflow sends it, and the RFQ as the app shows it after each: the request's
 * acknowledgement (which names the RFQ and says "quote") arrives while the rep still reviews.
 */
const buyerSees = (views: { version: number | null; actions: string[]; open: boolean; status: string }[]) => {
  const mails = [mail(`We received your request for quote ${rfqId}`), mail(`Your quote ${rfqId} is ready`)];
  let read = 0;
  return {
    inbox: {
      next: async (_what: string, matches: (email: Email) => boolean) => {
        const email = mails.find(matches);
        if (!email) throw new Error('no such mail');
        mails.splice(mails.indexOf(email), 1);
        return email;
      },
    },
    api: {
      call: async (): Promise<ApiAnswer> => ({ status: 200, text: JSON.stringify(views[read++]) }),
    },
    reads: () => read,
  };
};

describe("the flow benchmark's buyer", () => {
  it('accepts the quote the app offers, not on the acknowledgement of the request', async () => {
    const buyer = buyerSees([
      { version: null, actions: ['cancel'], open: true, status: 'IN_REVIEW' },
      { version: 1, actions: ['accept', 'revise', 'decline', 'cancel'], open: true, status: 'QUOTED' },
    ]);
    await expect(readQuoteWhenTold(buyer, rfqId, {})).resolves.toBe(1);
    expect(buyer.reads()).toBe(2);
  });

  it('stops when the RFQ closes before a quote is offered', async () => {
    const buyer = buyerSees([{ version: null, actions: [], open: false, status: 'CANCELLED' }]);
    await expect(readQuoteWhenTold(buyer, rfqId, {})).rejects.toThrow(/closed as CANCELLED/);
  });
});

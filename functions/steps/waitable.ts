import type { RfqStatus } from '#domain/lifecycle.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';

/** The RFQ is not where the workflow expects it (cancelled meanwhile, or a newer quote): the wait must not start. */
export class NotWaitable extends Error {
  override readonly name = 'NotWaitable';
}

export const assertWaitable = (rfq: Rfq, status: RfqStatus, quoteVersion: number): Quote => {
  if (rfq.status !== status) throw new NotWaitable(`RFQ ${rfq.rfqId} is ${rfq.status}, not ${status}`);
  if (!rfq.quote || rfq.quote.version !== quoteVersion) {
    throw new NotWaitable(`RFQ ${rfq.rfqId} has quote v${rfq.quote?.version ?? 0}, not v${quoteVersion}`);
  }
  return rfq.quote;
};

import * as z from 'zod';
import { companyName, priceRfq } from '#application/reprice.ts';
import { rfqReceivedEmail } from '#email/rfq-received.ts';
import { appLinks } from '#rendering/app-links.ts';
import type { StepDeps } from './deps.ts';
import { emailOnce, loadRfq, systemActor } from './marks.ts';
import type { WorkflowState } from './state.ts';
import { step } from './step.ts';

const input = z.object({ rfqId: z.string().min(1) });

/**
 * The first step: tells the buyer their request arrived (once), prices it as quote v1 (SUBMITTED → IN_REVIEW) and fixes how long each human wait may take,
 * from config, into the execution's state — so every wait is bounded and tests can shorten them.
 */
export const priceQuote = async ({ rfqId }: z.output<typeof input>, deps: StepDeps): Promise<WorkflowState> => {
  let rfq = await loadRfq(deps, rfqId);
  if (rfq.status === 'SUBMITTED') {
    const quote = await priceRfq(deps, rfq, 1);
    rfq = await deps.store.rfqs.transition(
      rfq,
      'price',
      { quote },
      {
        actor: systemActor(deps),
        action: 'priced',
        detail: { quoteVersion: 1, total: quote.total, unpricedLines: quote.unpricedLines },
      },
    );
  }
  await emailOnce(deps, rfqId, 'received', [
    rfqReceivedEmail({
      rfq,
      companyName: await companyName(deps, rfq),
      rfqUrl: appLinks(deps.config.PUBLIC_BASE_URL).rfq(rfqId),
    }),
  ]);
  const { config } = deps;
  return {
    rfqId,
    // A retry after a successful transition finds the quote already there.
    quoteVersion: rfq.quote?.version ?? 1,
    timeouts: {
      reviewSeconds: config.REVIEW_TIMEOUT_SECONDS,
      approvalSeconds: config.APPROVAL_TIMEOUT_SECONDS,
      escalationSeconds: config.ESCALATION_TIMEOUT_SECONDS,
      quoteSeconds: config.QUOTE_VALIDITY_SECONDS ?? config.QUOTE_VALIDITY_DAYS * 24 * 3600,
    },
  };
};

export const handler = step('PriceQuote', input, priceQuote);

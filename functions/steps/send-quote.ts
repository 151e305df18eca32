import { companyName } from '#application/reprice.ts';
import { dayOf } from '#domain/calendar.ts';
import { threadView } from '#domain/comment.ts';
import { canApply } from '#domain/lifecycle.ts';
import { quoteOf } from '#domain/quote-of.ts';
import { quoteSentEmail } from '#email/quote-sent.ts';
import { appLinks } from '#rendering/app-links.ts';
import type { StepDeps } from './deps.ts';
import { publishOnce } from './lifecycle-events.ts';
import { emailOnce, loadRfq, systemActor } from './marks.ts';
import { type WaitRequest, waitRequestSchema } from './state.ts';
import { step } from './step.ts';
import { NotWaitable } from './waitable.ts';

/**
 * BuyerDecision's request step: stores the wait (task token) first, then makes the RFQ QUOTED with its validUntil,
 * then publishes `quote.sent` and emails the buyer — so an accept can never arrive before there is a wait to answer. The wait runs out when the
 * quote does (the state's TimeoutSecondsPath is the same duration).
 */
export const sendQuote = async (request: WaitRequest, deps: StepDeps): Promise<{ validUntil: string }> => {
  let rfq = await loadRfq(deps, request.rfqId);
  const resent = rfq.status === 'QUOTED' && rfq.quote?.version === request.quoteVersion;
  if (!resent && !canApply('sendQuote', rfq.status)) {
    throw new NotWaitable(`RFQ ${rfq.rfqId} is ${rfq.status}; its quote cannot be sent`);
  }
  if (!rfq.quote || rfq.quote.version !== request.quoteVersion) {
    throw new NotWaitable(`RFQ ${rfq.rfqId} has quote v${rfq.quote?.version ?? 0}, not v${request.quoteVersion}`);
  }
  const now = deps.now();
  const asked = new Date(now.getTime() + request.expiresInSeconds * 1000).toISOString();
  // A quote put back on offer (a refused revision) stays valid until its own date, not a fresh period.
  const lastDay = resent && rfq.quote.validUntil ? `${rfq.quote.validUntil}T23:59:59.999Z` : undefined;
  const expiresAt = lastDay && lastDay < asked ? lastDay : asked;
  // A retried attempt has a new task token; the wait must point at it, whatever the first attempt wrote.
  await deps.store.waits.put({
    rfqId: rfq.rfqId,
    kind: 'buyer-decision',
    quoteVersion: request.quoteVersion,
    taskToken: request.taskToken,
    createdAt: now.toISOString(),
    expiresAt,
  });
  if (!resent) {
    rfq = await deps.store.rfqs.transition(
      rfq,
      'sendQuote',
      {
        quote: { ...rfq.quote, validUntil: dayOf(expiresAt) },
        quotedVersion: rfq.quote.version,
        quotedUntil: dayOf(expiresAt),
      },
      {
        actor: systemActor(deps),
        action: 'quoted',
        detail: { quoteVersion: request.quoteVersion, validUntil: expiresAt },
      },
    );
  }
  const quote = quoteOf(rfq);
  await publishOnce(deps, rfq, 'quote.sent', `v${quote.version}`);
  await emailOnce(deps, rfq.rfqId, `quote:v${quote.version}`, [
    quoteSentEmail({
      rfq,
      quote,
      companyName: await companyName(deps, rfq),
      sellerName: deps.config.SELLER_NAME,
      validUntil: expiresAt,
      rfqUrl: appLinks(deps.config.PUBLIC_BASE_URL).rfq(rfq.rfqId),
      pdfUrl: appLinks(deps.config.PUBLIC_BASE_URL).quotePdf(rfq.rfqId),
      // The buyer never reads a seller note.
      thread: threadView(await deps.store.rfqs.comments(rfq.rfqId), false),
    }),
  ]);
  return { validUntil: expiresAt };
};

export const handler = step('SendQuote', waitRequestSchema, sendQuote);

import { useEffect, useState } from 'preact/hooks';
import { problemText, type Schemas } from '../api/client.ts';
import type { AppMessage } from '../i18n/en.ts';
import { t } from '../i18n/language.ts';
import { Link, navigate } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { Unsendable, useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { calendarDay, when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { ApprovalProgress } from './approval-progress.tsx';
import { QuoteLines } from './quote-lines.tsx';
import { QuotePdfButton } from './quote-pdf.tsx';
import { RequestedLines } from './requested-lines.tsx';
import { type Decision, Decisions, Withdraw } from './rfq-decisions.tsx';
import { addToDraft } from './rfq-draft.ts';
import { type RfqStatus, StatusBadge } from './status.tsx';
import { Thread, useComments } from './thread.tsx';
import { Timeline } from './timeline.tsx';
import { VersionChanges } from './version-changes.tsx';

type Rfq = Schemas['Rfq'];

const told: Record<Decision, AppMessage> = {
  accept: 'rfq.told.accept',
  revise: 'rfq.told.revise',
  decline: 'rfq.told.decline',
  cancel: 'rfq.told.cancel',
};

/** What the page is, in the buyer's words: an order once one was placed, the quote while it waits for them. */
const pageTitleOf = (rfq: Rfq): string =>
  rfq.orderId ? t('rfq.title.order') : rfq.status === 'QUOTED' ? t('rfq.title.quote') : t('rfq.title.request');

/** One RFQ: where it stands, the quote, the buyer's decisions, approval progress and everything that happened. */
export const RfqPage = (props: { rfqId: string }) => {
  const { api, person } = useSignedIn();
  const [notice, setNotice] = useState('');
  /**
   * The status the buyer decided in: the API answers a decision before the workflow moves the RFQ on, so until the
   * status changes the page keeps looking (a QUOTED answer right after accepting is not the end) and offers no second try.
   */
  const [decidedIn, setDecidedIn] = useState<RfqStatus | undefined>();
  const [loaded, reload] = useLoad(async () => {
    const { data, error } = await api.GET('/rfqs/{rfqId}', { params: { path: { rfqId: props.rfqId } } });
    if (!data) throw new Error(problemText(error, t('rfq.failed')));
    return data;
  }, [props.rfqId]);
  const comments = useComments(props.rfqId, loaded.state === 'ready' ? loaded.value.updatedAt : undefined);

  // While the workflow moves the RFQ on (review, approvals, ordering), look again now and then.
  const status = loaded.state === 'ready' ? loaded.value.status : undefined;
  // Nothing moves it on its own once it is closed, or while the quote waits for this buyer's decision.
  const settled = loaded.state === 'ready' && (!loaded.value.open || loaded.value.actions.includes('accept'));
  useEffect(() => {
    if (!status || (settled && status !== decidedIn)) return;
    const timer = window.setTimeout(reload, 3000);
    return () => window.clearTimeout(timer);
  }, [loaded, status, settled, decidedIn, reload]);

  const decision = useAction((chosen: Decision, fields: Record<string, string>) => {
    const path = { rfqId: props.rfqId };
    if (chosen === 'cancel')
      return api.POST('/rfqs/{rfqId}/cancel', {
        params: { path },
        body: fields.reason ? { reason: fields.reason } : {},
      });
    // A decision names the quote version the buyer is looking at, so a quote changed meanwhile is never decided blind.
    const quoteVersion = loaded.state === 'ready' ? loaded.value.version : null;
    if (quoteVersion === null) throw new Unsendable(t('rfq.noQuoteYet'));
    if (chosen === 'accept')
      return api.POST('/rfqs/{rfqId}/accept', {
        params: { path },
        body: { poNumber: fields.poNumber ?? '', quoteVersion },
      });
    if (chosen === 'revise')
      return api.POST('/rfqs/{rfqId}/revise', {
        params: { path },
        body: { comment: fields.comment ?? '', quoteVersion },
      });
    return api.POST('/rfqs/{rfqId}/decline', { params: { path }, body: { reason: fields.reason ?? '', quoteVersion } });
  }, t('rfq.decisionFailed'));

  const decide = async (chosen: Decision, fields: Record<string, string>) => {
    setNotice('');
    if (!(await decision.run(chosen, fields))) return;
    setNotice(t(told[chosen]));
    if (loaded.state === 'ready') setDecidedIn(loaded.value.status);
    reload();
  };

  const copy = (rfq: Rfq) => {
    addToDraft(
      person.email,
      rfq.request.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    );
    navigate('rfqs/new');
  };

  return (
    <Show loaded={loaded}>
      {(rfq) => (
        <>
          <PageTitle secondary={rfq.rfqId}>{pageTitleOf(rfq)}</PageTitle>
          <dl class="facts panel">
            <dt>{t('rfq.status')}</dt>
            <dd>
              <StatusBadge status={rfq.status} />
            </dd>
            <dt>{t('rfq.submitted')}</dt>
            <dd>{t('rfq.submittedBy', { when: when(rfq.createdAt), buyer: rfq.buyerEmail })}</dd>
            {rfq.validUntil && (
              <>
                <dt>{t('rfq.validUntil')}</dt>
                <dd>{calendarDay(rfq.validUntil)}</dd>
              </>
            )}
            {rfq.version !== null && (
              <>
                <dt>{t('rfq.version')}</dt>
                <dd>{rfq.version}</dd>
              </>
            )}
            {rfq.poNumber && (
              <>
                <dt>{t('rfq.poNumber')}</dt>
                <dd>{rfq.poNumber}</dd>
              </>
            )}
            {rfq.orderId && (
              <>
                <dt>{t('rfq.order')}</dt>
                <dd>
                  <Link to={`orders/${rfq.orderId}`}>{rfq.orderId}</Link>
                </dd>
              </>
            )}
            {rfq.request.requestedDeliveryDate && (
              <>
                <dt>{t('rfq.requestedDelivery')}</dt>
                <dd>{calendarDay(rfq.request.requestedDeliveryDate)}</dd>
              </>
            )}
            {rfq.request.shipTo && (
              <>
                <dt>{t('rfq.shipTo')}</dt>
                <dd class="address">{rfq.request.shipTo}</dd>
              </>
            )}
          </dl>
          <p role="status" class={notice ? 'notice' : undefined}>
            {notice}
          </p>
          <ActionProblem action={decision} />

          {rfq.actions.includes('accept') && rfq.status !== decidedIn && (
            <Decisions rfq={rfq} busy={decision.busy} onDecide={decide} />
          )}

          {/* Above the quote: once accepted, where the approvals stand is what the buyer comes back for. */}
          {rfq.approvals.length > 0 && (
            <ApprovalProgress steps={rfq.approvals} waiting={rfq.status === 'PENDING_APPROVAL'} />
          )}

          {/* Above the quote too: after a revision, what changed is what the buyer reads first, not below 1,000 lines. */}
          <VersionChanges rfqId={rfq.rfqId} refreshKey={rfq.version} reader="buyer" />

          <section aria-labelledby="quote-heading">
            <h2 id="quote-heading">
              {rfq.lines.some((l) => l.unitPrice !== null) ? t('rfq.theQuote') : t('rfq.whatYouAsked')}
            </h2>
            {rfq.lines.length > 0 ? (
              <QuoteLines
                lines={rfq.lines}
                currency={rfq.currency}
                discountTotal={rfq.discountTotal}
                total={rfq.total}
                tax={rfq}
              />
            ) : (
              <RequestedLines lines={rfq.request.lines} />
            )}
            {rfq.request.note && (
              <p>
                <strong>{t('rfq.yourNote')}</strong> {rfq.request.note}
              </p>
            )}
          </section>

          <Thread rfqId={rfq.rfqId} comments={comments} />

          <Timeline history={rfq.history} currency={rfq.currency} />

          <div class="actions">
            {/* While the seller reworks a quote, the buyer's view and the PDF are the version last sent, still on offer. */}
            {rfq.validUntil && <QuotePdfButton rfqId={rfq.rfqId} />}
            <button type="button" class="secondary-action" onClick={() => copy(rfq)}>
              {t('rfq.copy')}
            </button>
            {rfq.actions.includes('cancel') && (
              <Withdraw busy={decision.busy} onWithdraw={(reason) => decide('cancel', { reason })} />
            )}
          </div>
        </>
      )}
    </Show>
  );
};

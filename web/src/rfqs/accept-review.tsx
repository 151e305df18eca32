import { useEffect, useRef } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';

type Rfq = Schemas['Rfq'];

/** The lines a phone shows in the review before "…and N more": the whole quote is on the page below. */
const shownLines = 10;

/**
 * The step between typing a PO number and accepting, because accepting cannot be undone: what is being ordered (the
 * lines, the total) under which PO number — and a warning when the company already placed an order under that PO
 * (the API says which: GET /rfqs/{rfqId}/po-number-uses). The heading takes the focus, so the keyboard and a screen
 * reader start here.
 */
export const AcceptReview = (props: {
  rfq: Rfq;
  poNumber: string;
  busy: boolean;
  onAccept: () => void;
  onBack: () => void;
}) => {
  const { api } = useSignedIn();
  const { rfq, poNumber } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [uses] = useLoad(async () => {
    const { data } = await api.GET('/rfqs/{rfqId}/po-number-uses', {
      params: { path: { rfqId: rfq.rfqId }, query: { poNumber } },
    });
    // Without the answer the review still stands: the warning is a help, not a gate.
    return data?.orders ?? [];
  }, [rfq.rfqId, poNumber]);
  const total = money(rfq.total, rfq.currency);
  const more = rfq.lines.length - shownLines;

  return (
    <section class="panel accept-review" aria-labelledby="accept-review-heading">
      <h2 id="accept-review-heading" ref={heading} tabIndex={-1}>
        {t('acceptReview.heading')}
      </h2>
      <p>{t('acceptReview.text')}</p>
      <ul class="review-lines">
        {rfq.lines.slice(0, shownLines).map((line) => (
          <li key={line.sku}>
            <span>{t('acceptReview.line', { quantity: line.quantity, unit: line.unit, name: line.name })}</span>
            <span class="number">{money(line.lineTotal, rfq.currency)}</span>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="secondary">{t('acceptReview.more', { count: more })}</p>}
      <dl class="facts">
        <dt>{t('acceptReview.total')}</dt>
        <dd>
          <strong>{total}</strong>
        </dd>
        <dt>{t('rfq.poNumber')}</dt>
        <dd>{poNumber}</dd>
      </dl>
      {uses.state === 'loading' && <p aria-busy="true">{t('acceptReview.checking')}</p>}
      {uses.state === 'ready' && uses.value.length > 0 && (
        <div class="warning" role="alert">
          <p>{t('acceptReview.poUsed', { poNumber, count: uses.value.length })}</p>
          <ul class="po-uses">
            {uses.value.map((order) => (
              <li key={order.orderId}>
                <Link to={`orders/${order.orderId}`}>{order.orderId}</Link>
                <span class="secondary">{t('acceptReview.placed', { when: when(order.createdAt) })}</span>
              </li>
            ))}
          </ul>
          <p>{t('acceptReview.anyway')}</p>
        </div>
      )}
      <div class="actions">
        <button type="button" disabled={props.busy} onClick={props.onAccept}>
          {t('acceptReview.accept', { total })}
        </button>
        <button type="button" class="secondary-action" onClick={props.onBack}>
          {t('acceptReview.change')}
        </button>
      </div>
    </section>
  );
};

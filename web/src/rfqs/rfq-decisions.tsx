import { useState } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { AcceptReview } from './accept-review.tsx';

/** What a buyer decides on an RFQ, as its `actions` allow: accept, revise, decline, or withdraw it. */
export type Decision = 'accept' | 'revise' | 'decline' | 'cancel';

/**
 * The quote's decisions: accept with a PO number (after a review of what it orders), ask for a revision, or decline
 * with a reason.
 */
export const Decisions = (props: {
  rfq: Schemas['Rfq'];
  busy: boolean;
  onDecide: (decision: Decision, fields: Record<string, string>) => void;
}) => {
  const [poNumber, setPoNumber] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [reviewing, setReviewing] = useState(false);
  if (reviewing)
    return (
      <AcceptReview
        rfq={props.rfq}
        poNumber={poNumber.trim()}
        busy={props.busy}
        onAccept={() => props.onDecide('accept', { poNumber: poNumber.trim() })}
        onBack={() => setReviewing(false)}
      />
    );
  return (
    <section class="panel decisions" aria-labelledby="decide-heading">
      <h2 id="decide-heading">{t('decide.heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setReviewing(true);
        }}
      >
        <label>
          {t('decide.poNumber')}
          <input
            value={poNumber}
            required
            maxLength={64}
            autocomplete="off"
            onInput={(e) => setPoNumber(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={props.busy}>
          {t('decide.review')}
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onDecide('revise', { comment });
        }}
      >
        <label>
          {t('decide.whatChange')}
          <textarea
            rows={2}
            required
            maxLength={2000}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="secondary-action" disabled={props.busy}>
          {t('decide.revise')}
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onDecide('decline', { reason });
        }}
      >
        <label>
          {t('decide.declineReason')}
          <textarea
            rows={2}
            required
            maxLength={2000}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="danger" disabled={props.busy}>
          {t('decide.decline')}
        </button>
      </form>
    </section>
  );
};

/** Withdrawing the RFQ, asked once more with an optional reason. */
export const Withdraw = (props: { busy: boolean; onWithdraw: (reason: string) => void }) => {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <button type="button" class="danger" onClick={() => setOpen(true)}>
        {t('decide.withdrawAsk')}
      </button>
    );
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onWithdraw(reason.trim());
      }}
    >
      <label>
        {t('decide.withdrawWhy')}
        <input value={reason} maxLength={2000} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="submit" class="danger" disabled={props.busy}>
        {t('decide.withdraw')}
      </button>
      <button type="button" class="link" onClick={() => setOpen(false)}>
        {t('decide.keep')}
      </button>
    </form>
  );
};

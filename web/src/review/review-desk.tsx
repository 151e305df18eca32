import { useEffect, useState } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { useHome } from '../app.tsx';
import { type RfqStatus, statusLabel } from '../rfqs/status.tsx';
import { type Comments, Thread } from '../rfqs/thread.tsx';
import { Timeline } from '../rfqs/timeline.tsx';
import { VersionChanges } from '../rfqs/version-changes.tsx';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { Unsendable, useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { calendarDay, when } from '../ui/dates.ts';
import { typedPrice } from '../ui/money-input.ts';
import { DiscountLines } from './discount-lines.tsx';
import { lineProblemsOf, type ReviewEdits, reviewEdits } from './review-edits.ts';
import { type Desk, LinesTable } from './review-lines.tsx';

type History = Schemas['Rfq']['history'];

/** What the seller's side calls a status where the buyer's words ("your decision") would mislead. */
const sellerWords: Partial<Record<RfqStatus, string>> = {
  IN_REVIEW: 'In review',
  QUOTED: 'Quoted — with the buyer',
  PENDING_APPROVAL: 'In the buyer’s approval chain',
  REJECTED: 'Rejected by us',
};
const SellerStatus = (props: { status: RfqStatus }) => (
  <span class={`badge badge-${props.status.toLowerCase()}`}>
    {sellerWords[props.status] ?? statusLabel(props.status)}
  </span>
);

const decided = {
  'rep-review': { approve: 'approved', reject: 'rejected' },
  'discount-approval': { approve: 'approved the discount on', reject: 'rejected the discount on' },
} as const;

/**
 * The review screen: what the email review page shows — every line with cost, margin, floors and the rep's authority
 * in the review page's own words — and the same decision (approve, with adjusted prices, or reject), sent through the
 * API with the quote version shown. The API applies the rules; this screen shows its answer and its problems.
 */
export const ReviewDesk = (props: { desk: Desk; history: History; comments: Comments; onDecided: () => void }) => {
  const { api } = useSignedIn();
  const home = useHome();
  const { desk } = props;
  const purpose = desk.open?.purpose;
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [added, setAdded] = useState({ sku: '', quantity: '1' });
  const [comment, setComment] = useState('');
  const [unreadable, setUnreadable] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => {
    setPrices(Object.fromEntries(desk.lines.map((l) => [l.sku, typedPrice(l.unitPrice, desk.currency)])));
    setQuantities(Object.fromEntries(desk.lines.map((l) => [l.lineId, String(l.quantity)])));
    setRemoved(new Set());
    setAdded({ sku: '', quantity: '1' });
    setUnreadable({});
  }, [desk]);

  const review = useAction((decision: 'approve' | 'reject', edits: ReviewEdits) => {
    if (Object.keys(edits.unreadable).length > 0)
      throw new Unsendable('Some prices or quantities could not be read; see the lines marked.');
    if (edits.addProblem) throw new Unsendable(edits.addProblem);
    return api.POST('/rfqs/{rfqId}/review', {
      params: { path: { rfqId: desk.rfqId } },
      body: {
        decision,
        quoteVersion: desk.quoteVersion ?? 0,
        ...(edits.adjustments.length > 0 && { adjustments: edits.adjustments }),
        ...(edits.lines.length > 0 && { lines: edits.lines }),
        ...(edits.add.length > 0 && { add: edits.add }),
        ...(comment.trim() && { comment: comment.trim() }),
      },
    });
  }, 'Your decision could not be recorded. Try again.');
  const problems = Object.keys(unreadable).length > 0 ? unreadable : lineProblemsOf(review.problem);

  const decide = async (decision: 'approve' | 'reject') => {
    if (!purpose || desk.quoteVersion === null) return;
    const edits = reviewEdits(
      desk,
      { prices, quantities, removed, added },
      purpose === 'rep-review' && decision === 'approve',
    );
    setUnreadable(edits.unreadable);
    if (!(await review.run(decision, edits))) return;
    const changes = [
      edits.adjustments.length > 0 && `${edits.adjustments.length} adjusted price(s)`,
      edits.lines.length > 0 && `${edits.lines.length} changed line(s)`,
      edits.add.length > 0 && `${edits.add[0]?.sku} added`,
    ].filter(Boolean);
    const changed = changes.length > 0 ? ` with ${changes.join(', ')}` : '';
    setMessage(`You ${decided[purpose][decision]} RFQ ${desk.rfqId}${changed}.`);
    setComment('');
    props.onDecided();
  };

  return (
    <>
      <p class="notice" role="status">
        {message}
      </p>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <SellerStatus status={desk.status} />
        </dd>
        <dt>Buyer</dt>
        <dd>
          {desk.buyerEmail} at {desk.companyName}
        </dd>
        {desk.submittedBy !== desk.buyerEmail && (
          <>
            <dt>Entered by</dt>
            <dd>{desk.submittedBy}, for the buyer</dd>
          </>
        )}
        <dt>Account rep</dt>
        <dd>{desk.accountRepEmail}</dd>
        {desk.requestedDeliveryDate && (
          <>
            <dt>Wanted by</dt>
            <dd>{calendarDay(desk.requestedDeliveryDate)}</dd>
          </>
        )}
        {desk.note && (
          <>
            <dt>{desk.submittedBy === desk.buyerEmail ? 'Buyer’s note' : `Note from ${desk.submittedBy}`}</dt>
            <dd>{desk.note}</dd>
          </>
        )}
        <dt>Quote</dt>
        <dd>
          version {desk.quoteVersion ?? '—'}
          {desk.validUntil && `, valid until ${calendarDay(desk.validUntil)}`}
        </dd>
        {desk.open && (
          <>
            <dt>Decide by</dt>
            <dd>{when(desk.open.dueAt)}</dd>
          </>
        )}
      </dl>
      {desk.discount && desk.status === 'DISCOUNT_APPROVAL' && <DiscountLines desk={desk} discount={desk.discount} />}
      <VersionChanges rfqId={desk.rfqId} refreshKey={desk.quoteVersion} reader="seller" />
      <h2>Lines</h2>
      <p class="secondary">
        A rep may price a line up to {desk.maxRepDiscountPercent}% below its contract price on their own; deeper goes to
        the sales manager, and nobody sells below cost.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          decide('approve');
        }}
      >
        <LinesTable
          desk={desk}
          editable={purpose === 'rep-review'}
          prices={prices}
          quantities={quantities}
          removed={removed}
          problems={problems}
          onPrice={(sku, typed) => setPrices((p) => ({ ...p, [sku]: typed }))}
          onQuantity={(lineId, typed) => setQuantities((q) => ({ ...q, [lineId]: typed }))}
          onRemove={(lineId, remove) =>
            setRemoved((r) => {
              const next = new Set(r);
              if (remove) next.add(lineId);
              else next.delete(lineId);
              return next;
            })
          }
        />
        {purpose === 'rep-review' && (
          <fieldset class="add-line">
            <legend>Add a product to the quote (priced from the contract)</legend>
            <label>
              SKU
              <input
                value={added.sku}
                autoComplete="off"
                onInput={(event) => setAdded((a) => ({ ...a, sku: event.currentTarget.value }))}
              />
            </label>
            <label>
              Quantity
              <input
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                value={added.quantity}
                onInput={(event) => setAdded((a) => ({ ...a, quantity: event.currentTarget.value }))}
              />
            </label>
          </fieldset>
        )}
        {purpose ? (
          <div class="panel">
            <label>
              {purpose === 'rep-review'
                ? 'Comment (shown to the buyer with the quote; with a discount, your reason for the sales manager)'
                : 'Comment for the rep (optional)'}
              <textarea
                value={comment}
                maxLength={2000}
                rows={2}
                onInput={(event) => setComment(event.currentTarget.value)}
              />
            </label>
            <ActionProblem action={review} />
            <div class="actions">
              <button type="submit" disabled={review.busy}>
                {purpose === 'rep-review' ? 'Approve the quote' : 'Approve the discount'}
              </button>
              <button type="button" class="danger" disabled={review.busy} onClick={() => decide('reject')}>
                {purpose === 'rep-review' ? 'Reject the RFQ' : 'Reject the discount'}
              </button>
            </div>
          </div>
        ) : (
          <p class="panel">
            {desk.preparing
              ? 'The review request is on its way to the rep; look again in a moment.'
              : 'Nothing waits for your decision on this RFQ.'}{' '}
            <Link to={home}>Back to your list</Link>
          </p>
        )}
      </form>
      <Thread rfqId={desk.rfqId} comments={props.comments} />
      <Timeline history={props.history} currency={desk.currency} />
    </>
  );
};

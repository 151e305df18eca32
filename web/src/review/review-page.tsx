import { useEffect, useState } from 'preact/hooks';
import { marginText } from '#domain/margin.ts';
import { type Problem, problemText, type Schemas } from '../api/client.ts';
import type { operations } from '../api/openapi.d.ts';
import { type RfqStatus, statusLabels } from '../rfqs/status.tsx';
import { Thread } from '../rfqs/thread.tsx';
import { Timeline } from '../rfqs/timeline.tsx';
import { VersionChanges } from '../rfqs/version-changes.tsx';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { calendarDay, when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';
import { minorUnitsOf, typedPrice } from '../ui/money-input.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import './review.css';

type Desk = Schemas['ReviewDesk'];
type Line = Desk['lines'][number];
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
    {sellerWords[props.status] ?? statusLabels[props.status]}
  </span>
);

/** Margin a unit and as a share of the price, as the line carries it. */
const marginCell = (line: Line, currency: string): string =>
  line.margin === undefined || line.unitPrice === null
    ? '—'
    : marginText(line.margin, line.unitPrice, (amount) => money(amount, currency));

/** The lines a sales manager is asked about: the price asked, the rep's floor, how far below it, and the margin left. */
const DiscountLines = (props: { desk: Desk; discount: NonNullable<Desk['discount']> }) => {
  const { desk, discount } = props;
  const lineOf = new Map(desk.lines.map((l) => [l.sku, l]));
  return (
    <section class="panel" aria-labelledby="discount-heading">
      <h2 id="discount-heading">Beyond the rep’s authority</h2>
      <dl class="facts">
        <dt>Proposed by</dt>
        <dd>{discount.proposedBy}</dd>
        <dt>Rep’s reason</dt>
        <dd>{discount.comment ?? 'No reason given'}</dd>
      </dl>
      <div class="table-scroll">
        <table class="list">
          <caption class="visually-hidden">Lines priced below the rep’s floor</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" class="number">
                Asked
              </th>
              <th scope="col" class="number">
                Rep floor
              </th>
              <th scope="col" class="number">
                Below the floor by
              </th>
              <th scope="col" class="number">
                Margin at the asked price
              </th>
            </tr>
          </thead>
          <tbody>
            {discount.lines.map((d) => {
              const line = lineOf.get(d.sku);
              return (
                <tr key={d.sku}>
                  <td>
                    {line?.name ?? d.sku}
                    <div class="secondary">
                      {d.sku} · {d.reason}
                    </div>
                  </td>
                  <td class="number" data-label="Asked">
                    {money(d.requested, desk.currency)}
                  </td>
                  <td class="number" data-label="Rep floor">
                    {money(d.floor, desk.currency)}
                  </td>
                  <td class="number" data-label="Below the floor by">
                    {money(d.belowFloorBy, desk.currency)} a unit
                    {line && (
                      <div class="secondary">
                        {money(d.belowFloorBy * line.quantity, desk.currency)} on {line.quantity.toLocaleString()}{' '}
                        {line.unit}
                      </div>
                    )}
                  </td>
                  <td class="number" data-label="Margin at the asked price">
                    {line ? marginCell(line, desk.currency) : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
};

/** The quote's lines for seller eyes: list and contract price, cost, the price (editable in a rep review), margin. */
const LinesTable = (props: {
  desk: Desk;
  editable: boolean;
  prices: Record<string, string>;
  quantities: Record<string, string>;
  removed: ReadonlySet<string>;
  problems: Record<string, string>;
  onPrice: (sku: string, typed: string) => void;
  onQuantity: (lineId: string, typed: string) => void;
  onRemove: (lineId: string, removed: boolean) => void;
}) => {
  const { desk } = props;
  return (
    <div class="table-scroll">
      <table class="list review-lines">
        <caption class="visually-hidden">The quote’s lines with cost, margin and your pricing authority</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" class="number">
              Quantity
            </th>
            <th scope="col" class="number">
              List / contract
            </th>
            <th scope="col" class="number">
              Cost
            </th>
            <th scope="col" class="number">
              Unit price
            </th>
            <th scope="col" class="number">
              Margin
            </th>
            <th scope="col" class="number">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {desk.lines.map((line) => {
            const problem = props.problems[line.sku];
            const removed = props.removed.has(line.lineId);
            return (
              <tr key={line.lineId} class={problem ? 'troubled' : removed ? 'removed' : undefined}>
                <td>
                  {line.name}
                  <div class="secondary">
                    {line.sku}
                    {line.targetUnitPrice !== undefined &&
                      ` · buyer’s target ${money(line.targetUnitPrice, desk.currency)}`}
                  </div>
                  <div class="secondary authority" id={`authority-${line.sku}`}>
                    {line.authority}
                  </div>
                  {props.editable && (
                    <label class="inline remove-line">
                      <input
                        type="checkbox"
                        checked={removed}
                        onChange={(event) => props.onRemove(line.lineId, event.currentTarget.checked)}
                      />{' '}
                      Remove this line
                    </label>
                  )}
                </td>
                <td class="number" data-label="Quantity">
                  {props.editable ? (
                    <label class="inline quantity">
                      <span class="visually-hidden">Quantity of {line.name}</span>
                      <input
                        type="number"
                        min={1}
                        step={1}
                        inputMode="numeric"
                        disabled={removed}
                        value={props.quantities[line.lineId] ?? ''}
                        onInput={(event) => props.onQuantity(line.lineId, event.currentTarget.value)}
                      />{' '}
                      {line.unit}
                    </label>
                  ) : (
                    `${line.quantity.toLocaleString()} ${line.unit}`
                  )}
                </td>
                <td class="number" data-label="List / contract">
                  {money(line.listPrice, desk.currency)}
                  {line.contractPrice !== null && (
                    <div class="secondary">contract {money(line.contractPrice, desk.currency)}</div>
                  )}
                </td>
                <td class="number" data-label="Cost">
                  {money(line.cost, desk.currency)}
                </td>
                <td class="number" data-label="Unit price">
                  {props.editable ? (
                    <label class="price">
                      <span class="visually-hidden">Unit price of {line.name}</span>
                      <input
                        inputMode="decimal"
                        value={props.prices[line.sku] ?? ''}
                        aria-invalid={problem ? 'true' : undefined}
                        aria-describedby={`authority-${line.sku}${problem ? ` problem-${line.sku}` : ''}`}
                        onInput={(event) => props.onPrice(line.sku, event.currentTarget.value)}
                      />
                    </label>
                  ) : (
                    money(line.unitPrice, desk.currency)
                  )}
                  <div class="secondary">{line.priceSource}</div>
                  {problem && (
                    <div class="error" id={`problem-${line.sku}`}>
                      {problem}
                    </div>
                  )}
                </td>
                <td class="number" data-label="Margin">
                  {marginCell(line, desk.currency)}
                </td>
                <td class="number" data-label="Line total">
                  {money(line.lineTotal, desk.currency)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              Total
            </th>
            <td class="number">{money(desk.total, desk.currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
};

/** The API's field problems that name a line (`price:SKU`), by sku; the rest stay in the sentence. */
const lineProblems = (problem: Partial<Problem> | undefined): Record<string, string> =>
  Object.fromEntries(
    (problem?.errors ?? []).flatMap((e) => (e.path.startsWith('price:') ? [[e.path.slice(6), e.message]] : [])),
  );

type LineEdit = NonNullable<
  NonNullable<operations['reviewRfq']['requestBody']>['content']['application/json']['lines']
>[number];

const decided = {
  'rep-review': { approve: 'approved', reject: 'rejected' },
  'discount-approval': { approve: 'approved the discount on', reject: 'rejected the discount on' },
} as const;

/**
 * The review screen: what the email review page shows — every line with cost, margin, floors and the rep's authority
 * in the review page's own words — and the same decision (approve, with adjusted prices, or reject), sent through the
 * API with the quote version shown. The API applies the rules; this screen shows its answer and its problems.
 */
const ReviewDesk = (props: { desk: Desk; history: History; onDecided: () => void }) => {
  const { api, person } = useSignedIn();
  const { desk } = props;
  const purpose = desk.open?.purpose;
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [added, setAdded] = useState({ sku: '', quantity: '1' });
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPrices(Object.fromEntries(desk.lines.map((l) => [l.sku, typedPrice(l.unitPrice, desk.currency)])));
    setQuantities(Object.fromEntries(desk.lines.map((l) => [l.lineId, String(l.quantity)])));
    setRemoved(new Set());
    setAdded({ sku: '', quantity: '1' });
    setProblems({});
  }, [desk]);

  const decide = async (decision: 'approve' | 'reject') => {
    if (!purpose || desk.quoteVersion === null) return;
    const unreadable: Record<string, string> = {};
    const adjustments = desk.lines.flatMap((line) => {
      const typed = prices[line.sku] ?? '';
      if (purpose !== 'rep-review' || decision === 'reject' || typed.trim() === '') return [];
      const unitPrice = minorUnitsOf(typed, desk.currency);
      if (unitPrice === undefined) unreadable[line.sku] = `“${typed}” is not a price in ${desk.currency}`;
      return unitPrice === undefined || unitPrice === line.unitPrice ? [] : [{ sku: line.sku, unitPrice }];
    });
    const editing = purpose === 'rep-review' && decision === 'approve';
    const edits = desk.lines.flatMap((line): LineEdit[] => {
      if (!editing) return [];
      if (removed.has(line.lineId)) return [{ lineId: line.lineId, remove: true }];
      const typed = (quantities[line.lineId] ?? '').trim();
      const quantity = Number(typed);
      if (!/^\d+$/.test(typed) || quantity < 1)
        unreadable[line.sku] = `“${typed}” is not a quantity (a whole number, 1 or more)`;
      return quantity === line.quantity || unreadable[line.sku] ? [] : [{ lineId: line.lineId, quantity }];
    });
    const addedQuantity = Number(added.quantity.trim());
    const add = editing && added.sku.trim() !== '' ? [{ sku: added.sku.trim(), quantity: addedQuantity }] : [];
    setProblems(unreadable);
    if (Object.keys(unreadable).length > 0) {
      setError('Some prices or quantities could not be read; see the lines marked.');
      return;
    }
    if (add.length > 0 && !(Number.isInteger(addedQuantity) && addedQuantity >= 1)) {
      setError(`“${added.quantity}” is not a quantity for the product to add (a whole number, 1 or more).`);
      return;
    }
    setBusy(true);
    setError('');
    const { data, error: problem } = await api.POST('/rfqs/{rfqId}/review', {
      params: { path: { rfqId: desk.rfqId } },
      body: {
        decision,
        quoteVersion: desk.quoteVersion,
        ...(adjustments.length > 0 && { adjustments }),
        ...(edits.length > 0 && { lines: edits }),
        ...(add.length > 0 && { add }),
        ...(comment.trim() && { comment: comment.trim() }),
      },
    });
    setBusy(false);
    if (!data) {
      setProblems(lineProblems(problem));
      setError(problemText(problem, 'Your decision could not be recorded. Try again.'));
      return;
    }
    const changes = [
      adjustments.length > 0 && `${adjustments.length} adjusted price(s)`,
      edits.length > 0 && `${edits.length} changed line(s)`,
      add.length > 0 && `${add[0]?.sku} added`,
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
            {error && (
              <p class="error" role="alert">
                {error}
              </p>
            )}
            <div class="actions">
              <button type="submit" disabled={busy}>
                {purpose === 'rep-review' ? 'Approve the quote' : 'Approve the discount'}
              </button>
              <button type="button" class="danger" disabled={busy} onClick={() => decide('reject')}>
                {purpose === 'rep-review' ? 'Reject the RFQ' : 'Reject the discount'}
              </button>
            </div>
          </div>
        ) : (
          <p class="panel">
            {desk.preparing
              ? 'The review request is on its way to the rep; look again in a moment.'
              : 'Nothing waits for your decision on this RFQ.'}{' '}
            <Link to={person.groups.includes('rep') ? 'queue' : 'discounts'}>Back to your list</Link>
          </p>
        )}
      </form>
      <Thread rfqId={desk.rfqId} />
      <Timeline history={props.history} />
    </>
  );
};

export const ReviewPage = (props: { rfqId: string }) => {
  const { api } = useSignedIn();
  const [loaded, reload] = useLoad(async () => {
    const path = { params: { path: { rfqId: props.rfqId } } };
    const [desk, rfq] = await Promise.all([api.GET('/rfqs/{rfqId}/review', path), api.GET('/rfqs/{rfqId}', path)]);
    if (!desk.data) throw new Error(problemText(desk.error, 'This RFQ could not be loaded.'));
    return { desk: desk.data, history: rfq.data?.history ?? [] };
  }, [props.rfqId]);
  const title =
    loaded.state === 'ready' && loaded.value.desk.status === 'DISCOUNT_APPROVAL'
      ? `Discount on RFQ ${props.rfqId}`
      : `Review RFQ ${props.rfqId}`;
  return (
    <>
      <PageTitle {...(loaded.state === 'ready' && { secondary: loaded.value.desk.companyName })}>{title}</PageTitle>
      <Show loaded={loaded}>
        {({ desk, history }) => <ReviewDesk desk={desk} history={history} onDecided={reload} />}
      </Show>
    </>
  );
};

import { useMemo, useRef, useState } from 'preact/hooks';
import { navigate } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { money } from '../ui/money.ts';
import { PageTitle } from '../ui/page.tsx';
import { useCatalogCheck } from './catalog-check.ts';
import { ClearLines } from './clear-lines.tsx';
import { draftEstimate } from './draft-estimate.ts';
import { type DraftLine, lineProblems, maxLines, quantityOf } from './draft-lines.ts';
import { DraftLinesTable } from './draft-lines-table.tsx';
import { LineSources } from './line-sources.tsx';
import { clearDraft, useDraft } from './rfq-draft.ts';

/** The buyer a rep submits for: the RFQ is theirs, the rep is recorded as its submitter. */
export interface ForBuyer {
  companyId: string;
  buyerEmail: string;
}

/**
 * A new RFQ from a search, a quick-order pad or a CSV of up to 1,000 lines. Every line is checked against the catalog
 * before submitting and a bad one is shown where it is, to fix in place; the draft stays in this browser meanwhile.
 * A rep passes `forBuyer` (and gives the page its title): the lines are priced for that company, and the RFQ is the
 * buyer's.
 */
export const NewRfqPage = (props: { forBuyer?: ForBuyer }) => {
  const { api, person } = useSignedIn();
  const { forBuyer } = props;
  const draftOwner = forBuyer ? `${person.email}:${forBuyer.companyId}:${forBuyer.buyerEmail}` : person.email;
  const [draft, setDraft] = useDraft(draftOwner);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [notice, setNotice] = useState('');
  // Only the first render decides: the panel then stays as the person leaves it, open after a CSV or closed.
  const [toolsOpen] = useState(() => draft.lines.length === 0);
  const lineRefs = useRef(new Map<string, HTMLInputElement>());

  const catalog = useCatalogCheck(
    api,
    draft.lines.map((l) => l.sku),
    forBuyer?.companyId,
  );
  const problems = useMemo(() => lineProblems(draft.lines, catalog), [draft.lines, catalog]);
  const troubled = useMemo(() => new Set(problems.map((p) => p.lineId)), [problems]);
  const numberOf = useMemo(() => new Map(draft.lines.map((l, i) => [l.id, i + 1])), [draft.lines]);
  const shown = onlyProblems ? draft.lines.filter((l) => troubled.has(l.id)) : draft.lines;
  const currency = catalog.currency;
  const estimate = useMemo(() => draftEstimate(draft.lines, catalog.known), [draft.lines, catalog.known]);

  const addLines = (lines: DraftLine[], what: string) => {
    const room = maxLines - draft.lines.length;
    const taken = lines.slice(0, Math.max(0, room));
    setDraft({ ...draft, lines: [...draft.lines, ...taken] });
    setNotice(
      taken.length < lines.length
        ? `Added ${taken.length.toLocaleString()} of ${lines.length.toLocaleString()} lines ${what}: an RFQ takes up to ${maxLines.toLocaleString()}.`
        : `Added ${lines.length.toLocaleString()} ${lines.length === 1 ? 'line' : 'lines'} ${what}.`,
    );
  };
  const change = (id: string, field: 'sku' | 'quantity', value: string) =>
    setDraft({ ...draft, lines: draft.lines.map((l) => (l.id === id ? { ...l, [field]: value.trim() } : l)) });
  const remove = (id: string) => setDraft({ ...draft, lines: draft.lines.filter((l) => l.id !== id) });

  const send = useAction(
    () =>
      api.POST('/rfqs', {
        params: { header: { 'Idempotency-Key': draft.idempotencyKey } },
        body: {
          lines: draft.lines.map((l) => ({ sku: l.sku, quantity: quantityOf(l.quantity) ?? 0 })),
          ...(draft.note.trim() && { note: draft.note.trim() }),
          ...(draft.requestedDeliveryDate && { requestedDeliveryDate: draft.requestedDeliveryDate }),
          ...forBuyer,
        },
      }),
    'The RFQ could not be submitted. Try again; it will not be sent twice.',
  );
  const submit = async (event: Event) => {
    event.preventDefault();
    const sent = await send.run();
    if (!sent) return;
    clearDraft(draftOwner);
    navigate(forBuyer ? `review/${sent.data.rfqId}` : `rfqs/${sent.data.rfqId}`);
  };

  const blocked = draft.lines.length === 0 || problems.length > 0 || catalog.pending || send.busy;

  return (
    <>
      {!forBuyer && <PageTitle>New RFQ</PageTitle>}
      {/* With lines in the draft the tools fold away, so a phone opens on the lines rather than three panels. */}
      <details class="line-sources" open={toolsOpen}>
        <summary>Add lines: find products, quick order or a CSV file</summary>
        <LineSources onAdd={addLines} {...(forBuyer && { companyId: forBuyer.companyId })} />
      </details>
      <p role="status" class="notice">
        {notice}
      </p>

      <form onSubmit={submit} aria-labelledby="lines-heading">
        <h2 id="lines-heading">
          Lines <span class="secondary">({draft.lines.length})</span>
        </h2>
        {problems.length > 0 && (
          <div class="panel problems" role="alert">
            <p class="error">
              {troubled.size} {troubled.size === 1 ? 'line needs' : 'lines need'} fixing before you can submit:
            </p>
            <ul>
              {problems.slice(0, 20).map((p) => (
                <li key={`${p.lineId}-${p.field}`}>
                  <a
                    href={`#${p.field}-${p.lineId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      setOnlyProblems(false);
                      requestAnimationFrame(() => lineRefs.current.get(`${p.field}-${p.lineId}`)?.focus());
                    }}
                  >
                    Line {numberOf.get(p.lineId)}: {p.message}
                  </a>
                </li>
              ))}
            </ul>
            {problems.length > 20 && <p>…and {problems.length - 20} more.</p>}
            <label class="inline">
              <input
                type="checkbox"
                checked={onlyProblems}
                onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
              />
              Show only the lines that need fixing
            </label>
          </div>
        )}
        {draft.lines.length === 0 ? (
          <p>No lines yet: find products, type them in the quick-order pad, or upload a CSV.</p>
        ) : (
          <>
            <DraftLinesTable
              lines={shown}
              numberOf={numberOf}
              problems={problems}
              troubled={troubled}
              catalog={catalog}
              estimate={estimate}
              forBuyer={!!forBuyer}
              lineRefs={lineRefs.current}
              onChange={change}
              onRemove={remove}
            />
            {currency && (
              <p class="narrow-only">
                Estimate at catalog prices: <strong>{money(estimate.total, currency)}</strong> (
                {forBuyer ? 'before your review' : "the rep's quote may differ"})
              </p>
            )}
          </>
        )}
        <div class="two-up request-details">
          <label>
            {forBuyer ? 'Note on the request (optional)' : 'Note for the sales rep (optional)'}
            <textarea
              rows={3}
              maxLength={2000}
              value={draft.note}
              onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
            />
          </label>
          <label>
            Requested delivery date (optional)
            <input
              type="date"
              value={draft.requestedDeliveryDate}
              onInput={(e) => setDraft({ ...draft, requestedDeliveryDate: e.currentTarget.value })}
            />
          </label>
        </div>
        <ActionProblem action={send} />
        <div class="actions">
          <button type="submit" disabled={blocked}>
            {send.busy ? 'Submitting…' : 'Submit the RFQ'}
          </button>
          <ClearLines draft={draft} onChange={setDraft} />
          {catalog.pending && <span aria-busy="true">Checking the lines against the catalog…</span>}
        </div>
      </form>
    </>
  );
};

import { useMemo, useRef, useState } from 'preact/hooks';
import { problemText } from '../api/client.ts';
import { navigate } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { money } from '../ui/money.ts';
import { PageTitle } from '../ui/page.tsx';
import { useCatalogCheck } from './catalog-check.ts';
import { draftEstimate } from './draft-estimate.ts';
import { aLine, type DraftLine, lineProblems, linesFromPad, maxLines, quantityOf } from './draft-lines.ts';
import { ProductSearch } from './product-search.tsx';
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
  const [pad, setPad] = useState('');
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState('');
  const [notice, setNotice] = useState('');
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

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const { linesFromCsv } = await import('./csv-upload.ts');
    const { lines, problems: found } = linesFromCsv(await file.text());
    setFileProblems(found.map((p) => `${file.name}: ${p}`));
    if (!found.length) addLines(lines, `from ${file.name}`);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure('');
    setSending(true);
    const { data, error } = await api.POST('/rfqs', {
      params: { header: { 'Idempotency-Key': draft.idempotencyKey } },
      body: {
        lines: draft.lines.map((l) => ({ sku: l.sku, quantity: quantityOf(l.quantity) ?? 0 })),
        ...(draft.note.trim() && { note: draft.note.trim() }),
        ...(draft.requestedDeliveryDate && { requestedDeliveryDate: draft.requestedDeliveryDate }),
        ...forBuyer,
      },
    });
    setSending(false);
    if (!data) {
      setFailure(problemText(error, 'The RFQ could not be submitted. Try again; it will not be sent twice.'));
      return;
    }
    clearDraft(draftOwner);
    navigate(forBuyer ? `review/${data.rfqId}` : `rfqs/${data.rfqId}`);
  };

  const blocked = draft.lines.length === 0 || problems.length > 0 || catalog.pending || sending;

  return (
    <>
      {!forBuyer && <PageTitle>New RFQ</PageTitle>}
      <section class="panel" aria-labelledby="find-products">
        <h2 id="find-products">Find products</h2>
        <ProductSearch
          onAdd={(sku) => addLines([aLine(sku, 1)], `(${sku})`)}
          {...(forBuyer && { companyId: forBuyer.companyId })}
        />
      </section>
      <div class="two-up">
        <section class="panel" aria-labelledby="quick-order">
          <h2 id="quick-order">Quick order</h2>
          <label>
            SKU and quantity, one line each
            <textarea
              rows={4}
              value={pad}
              placeholder={'FAS-HCS-M8-50, 200\nSAF-GLV-CUT-L 40'}
              onInput={(e) => setPad(e.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="secondary-action"
            disabled={!pad.trim()}
            onClick={() => {
              addLines(linesFromPad(pad), 'from the quick-order pad');
              setPad('');
            }}
          >
            Add these lines
          </button>
        </section>
        <section class="panel" aria-labelledby="csv-upload">
          <h2 id="csv-upload">Upload a CSV</h2>
          <label>
            CSV file with sku and quantity columns (up to 1,000 lines)
            <input type="file" accept=".csv,text/csv" onChange={(e) => upload(e.currentTarget.files?.[0])} />
          </label>
          {fileProblems.map((p) => (
            <p class="error" role="alert" key={p}>
              {p}
            </p>
          ))}
        </section>
      </div>
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
            <div class="table-scroll">
              <table class="lines">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">SKU</th>
                    <th scope="col">Product</th>
                    <th scope="col">Quantity</th>
                    <th scope="col" class="number">
                      {forBuyer ? 'Their price' : 'Your price'}
                    </th>
                    <th scope="col" class="number">
                      Estimate
                    </th>
                    <th scope="col">
                      <span class="visually-hidden">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((line) => {
                    const n = numberOf.get(line.id);
                    const item = catalog.known.get(line.sku);
                    const skuProblem = problems.find((p) => p.lineId === line.id && p.field === 'sku');
                    const quantityProblem = problems.find((p) => p.lineId === line.id && p.field === 'quantity');
                    const quantity = quantityOf(line.quantity);
                    const price = quantity ? estimate.priceOf(line.sku) : undefined;
                    return (
                      <tr key={line.id} class={troubled.has(line.id) ? 'troubled' : undefined}>
                        <td>{n}</td>
                        <td>
                          <input
                            id={`sku-${line.id}`}
                            ref={(el) => {
                              if (el) lineRefs.current.set(`sku-${line.id}`, el);
                            }}
                            aria-label={`SKU, line ${n}`}
                            value={line.sku}
                            size={14}
                            aria-invalid={skuProblem ? 'true' : undefined}
                            aria-describedby={skuProblem ? `sku-problem-${line.id}` : undefined}
                            onChange={(e) => change(line.id, 'sku', e.currentTarget.value)}
                          />
                          {skuProblem && (
                            <div class="error" id={`sku-problem-${line.id}`}>
                              {skuProblem.message}
                            </div>
                          )}
                        </td>
                        <td>{item?.name ?? <span class="secondary">—</span>}</td>
                        <td>
                          <input
                            id={`quantity-${line.id}`}
                            ref={(el) => {
                              if (el) lineRefs.current.set(`quantity-${line.id}`, el);
                            }}
                            aria-label={`Quantity, line ${n}`}
                            inputMode="numeric"
                            value={line.quantity}
                            size={7}
                            aria-invalid={quantityProblem ? 'true' : undefined}
                            aria-describedby={quantityProblem ? `quantity-problem-${line.id}` : undefined}
                            onChange={(e) => change(line.id, 'quantity', e.currentTarget.value)}
                          />
                          {quantityProblem && (
                            <div class="error" id={`quantity-problem-${line.id}`}>
                              {quantityProblem.message}
                            </div>
                          )}
                        </td>
                        <td class="number">
                          {item && currency ? money(price?.unitPrice ?? item.yourPrice, currency) : '—'}
                          {item && (
                            <div class="secondary">
                              {price?.tierFrom ? `contract tier ≥ ${price.tierFrom}` : item.priceSource}
                            </div>
                          )}
                        </td>
                        <td class="number">
                          {price?.unitPrice != null && quantity && currency
                            ? money(price.unitPrice * quantity, currency)
                            : '—'}
                        </td>
                        <td>
                          <button
                            type="button"
                            class="link"
                            onClick={() => remove(line.id)}
                            aria-label={`Remove line ${n}`}
                          >
                            Remove
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                {currency && (
                  <tfoot class="wide-only">
                    <tr>
                      <th scope="row" colSpan={5}>
                        Estimate at catalog prices ({forBuyer ? 'before your review' : "the rep's quote may differ"})
                      </th>
                      <td class="number">{money(estimate.total, currency)}</td>
                      <td />
                    </tr>
                  </tfoot>
                )}
              </table>
            </div>
            {currency && (
              <p class="narrow-only">
                Estimate at catalog prices: <strong>{money(estimate.total, currency)}</strong> (
                {forBuyer ? 'before your review' : "the rep's quote may differ"})
              </p>
            )}
          </>
        )}
        <div class="two-up">
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
        {failure && (
          <p class="error" role="alert">
            {failure}
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={blocked}>
            {sending ? 'Submitting…' : 'Submit the RFQ'}
          </button>
          {draft.lines.length > 0 && (
            <button
              type="button"
              class="secondary-action"
              onClick={() => {
                setDraft({ ...draft, lines: [], note: '', requestedDeliveryDate: '' });
                setNotice('The draft is empty.');
              }}
            >
              Clear all lines
            </button>
          )}
          {catalog.pending && <span aria-busy="true">Checking the lines against the catalog…</span>}
        </div>
      </form>
    </>
  );
};

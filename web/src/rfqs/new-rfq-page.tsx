import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/language.ts';
import { navigate } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { useAction } from '../ui/action.ts';
import { ActionProblem } from '../ui/action-problem.tsx';
import { money } from '../ui/money.ts';
import { PageTitle } from '../ui/page.tsx';
import { useCatalogCheck } from './catalog-check.ts';
import { ClearLines } from './clear-lines.tsx';
import { draftEstimate } from './draft-estimate.ts';
import { lineProblemText } from './draft-line-words.ts';
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

  /** `from` says where the lines came from, in words that end the sentence ("from the CSV file"). */
  const addLines = (lines: DraftLine[], from: string) => {
    const room = maxLines - draft.lines.length;
    const taken = lines.slice(0, Math.max(0, room));
    setDraft({ ...draft, lines: [...draft.lines, ...taken] });
    setNotice(
      taken.length < lines.length
        ? t('draft.addedSome', { taken: taken.length, offered: lines.length, from, max: maxLines })
        : t('draft.added', { count: lines.length, from }),
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
    t('draft.submitFailed'),
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
      {!forBuyer && <PageTitle>{t('draft.title')}</PageTitle>}
      {/* With lines in the draft the tools fold away, so a phone opens on the lines rather than three panels. */}
      <details class="line-sources" open={toolsOpen}>
        <summary>{t('draft.tools')}</summary>
        <LineSources onAdd={addLines} {...(forBuyer && { companyId: forBuyer.companyId })} />
      </details>
      <p role="status" class="notice">
        {notice}
      </p>

      <form onSubmit={submit} aria-labelledby="lines-heading">
        <h2 id="lines-heading">
          {t('draft.lines')} <span class="secondary">({draft.lines.length})</span>
        </h2>
        {problems.length > 0 && (
          <div class="panel problems" role="alert">
            <p class="error">{t('draft.needFixing', { count: troubled.size })}</p>
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
                    {t('draft.lineProblem', { n: numberOf.get(p.lineId) ?? 0, problem: lineProblemText(p) })}
                  </a>
                </li>
              ))}
            </ul>
            {problems.length > 20 && <p>{t('draft.andMore', { count: problems.length - 20 })}</p>}
            <label class="inline">
              <input
                type="checkbox"
                checked={onlyProblems}
                onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
              />
              {t('draft.onlyProblems')}
            </label>
          </div>
        )}
        {draft.lines.length === 0 ? (
          <p>{t('draft.noLines')}</p>
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
                {t('draft.estimateLabel')} <strong>{money(estimate.total, currency)}</strong> (
                {forBuyer ? t('draft.beforeYourReview') : t('draft.quoteMayDiffer')})
              </p>
            )}
          </>
        )}
        <div class="two-up request-details">
          <label>
            {forBuyer ? t('draft.noteOnRequest') : t('draft.noteForRep')}
            <textarea
              rows={3}
              maxLength={2000}
              value={draft.note}
              onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('draft.deliveryDate')}
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
            {send.busy ? t('draft.submitting') : t('draft.submit')}
          </button>
          <ClearLines draft={draft} onChange={setDraft} />
          {catalog.pending && <span aria-busy="true">{t('draft.checking')}</span>}
        </div>
      </form>
    </>
  );
};

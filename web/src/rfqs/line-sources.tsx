import { useState } from 'preact/hooks';
import { t } from '../i18n/language.ts';
import { aLine, type DraftLine, linesFromPad } from './draft-lines.ts';
import { ProductSearch } from './product-search.tsx';

/**
 * Where a draft's lines come from: a search of the catalog, the quick-order pad (what a spreadsheet copy gives) or a
 * CSV of up to 1,000 lines, read in the browser; each hands its lines on with the words for the notice.
 */
export const LineSources = (props: { onAdd: (lines: DraftLine[], what: string) => void; companyId?: string }) => {
  const [pad, setPad] = useState('');
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const { linesFromCsv } = await import('./csv-upload.ts');
    const { lines, problems: found } = linesFromCsv(await file.text());
    setFileProblems(found.map((p) => `${file.name}: ${p}`));
    if (!found.length) props.onAdd(lines, t('draft.fromFile', { file: file.name }));
  };
  return (
    <>
      <section class="panel" aria-labelledby="find-products">
        <h2 id="find-products">{t('draft.findProducts')}</h2>
        <ProductSearch
          onAdd={(sku) => props.onAdd([aLine(sku, 1)], t('draft.fromSearch', { sku }))}
          {...(props.companyId && { companyId: props.companyId })}
        />
      </section>
      <div class="two-up">
        <section class="panel" aria-labelledby="quick-order">
          <h2 id="quick-order">{t('draft.quickOrder')}</h2>
          <label>
            {t('draft.padLabel')}
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
              props.onAdd(linesFromPad(pad), t('draft.fromPad'));
              setPad('');
            }}
          >
            {t('draft.addPad')}
          </button>
        </section>
        <section class="panel" aria-labelledby="csv-upload">
          <h2 id="csv-upload">{t('draft.csv')}</h2>
          <label>
            {t('draft.csvLabel')}
            <input type="file" accept=".csv,text/csv" onChange={(e) => upload(e.currentTarget.files?.[0])} />
          </label>
          {fileProblems.map((p) => (
            <p class="error" role="alert" key={p}>
              {p}
            </p>
          ))}
        </section>
      </div>
    </>
  );
};

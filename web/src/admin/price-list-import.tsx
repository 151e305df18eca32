import { useState } from 'preact/hooks';
import { type Api, problemText } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { RowProblems } from '../ui/row-problems.tsx';
import type { PriceListRow } from './price-list-csv.ts';
import { saveProduct } from './product-form.tsx';

/** Rows are saved a few at a time: the API takes each as it takes one PUT, and answers each row for itself. */
const saveAll = async (api: Api, rows: PriceListRow[], onProgress: (done: number) => void) => {
  const problems: { row: number; sku: string; problem: string }[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      const problem =
        'problem' in row
          ? row.problem
          : await saveProduct(api, row.product).then(({ error }) =>
              error ? problemText(error, 'The product could not be saved.') : undefined,
            );
      if (problem) problems.push({ row: row.row, sku: row.sku, problem });
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return problems.sort((a, b) => a.row - b.row);
};

export const ImportPriceList = (props: { onImported: () => void }) => {
  const { api } = useSignedIn();
  const [progress, setProgress] = useState<{ done: number; of: number } | undefined>();
  const [result, setResult] = useState('');
  const [problems, setProblems] = useState<{ row: number; sku: string; problem: string }[]>([]);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setResult('');
    setProblems([]);
    const { readPriceList } = await import('./price-list-csv.ts');
    const { rows, problems: fileProblems } = readPriceList(await file.text());
    if (fileProblems.length > 0) {
      setResult(`${file.name}: ${fileProblems.join(' ')}`);
      return;
    }
    setProgress({ done: 0, of: rows.length });
    const refused = await saveAll(api, rows, (done) => setProgress({ done, of: rows.length })).catch(
      (error: unknown) => error as Error,
    );
    setProgress(undefined);
    if (refused instanceof Error) {
      setResult(`${file.name} stopped part way: ${refused.message}. Rows saved so far stay saved; import it again.`);
      return;
    }
    setProblems(refused);
    const saved = rows.length - refused.length;
    setResult(
      `Saved ${saved.toLocaleString()} of ${rows.length.toLocaleString()} products from ${file.name}` +
        (refused.length ? `; ${refused.length.toLocaleString()} rows have problems, listed below.` : '.'),
    );
    props.onImported();
  };
  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a price list</h2>
      <label>
        CSV file with sku, name, unit, listPrice, currency and optionally cost, category, active (prices like 12.50)
        <input type="file" accept=".csv,text/csv" onChange={(e) => upload(e.currentTarget.files?.[0])} />
      </label>
      {progress && (
        <p>
          <progress value={progress.done} max={progress.of} aria-label="Products saved" /> {progress.done} of{' '}
          {progress.of}
        </p>
      )}
      <p role="status" class={problems.length ? 'error' : 'notice'}>
        {result}
      </p>
      {problems.length > 0 && (
        <RowProblems caption="Rows not saved" problems={problems.map((p) => ({ ...p, message: p.problem }))} />
      )}
    </section>
  );
};

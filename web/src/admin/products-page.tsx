import { useState } from 'preact/hooks';
import { type Api, problemText, type Schemas } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';
import { minorUnitsOf, typedPrice } from '../ui/money-input.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { RowProblems } from '../ui/row-problems.tsx';
import type { PriceListRow } from './price-list-csv.ts';
import './admin.css';

type Product = Schemas['Product'];

/** Saves one product; answers the API's sentence when it refuses it (the fields it names included). */
const save = async (api: Api, product: Product): Promise<string | undefined> => {
  const { data, error } = await api.PUT('/products/{sku}', { params: { path: { sku: product.sku } }, body: product });
  return data ? undefined : problemText(error, 'The product could not be saved.');
};

/** Rows are saved a few at a time: the API takes each as it takes one PUT, and answers each row for itself. */
const saveAll = async (api: Api, rows: PriceListRow[], onProgress: (done: number) => void) => {
  const problems: { row: number; sku: string; problem: string }[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      const problem = 'problem' in row ? row.problem : await save(api, row.product);
      if (problem) problems.push({ row: row.row, sku: row.sku, problem });
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return problems.sort((a, b) => a.row - b.row);
};

const ImportPriceList = (props: { onImported: () => void }) => {
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

/** One product's form: what the API's PUT takes, prices typed in major units; the API's refusal shown as it said it. */
const EditProduct = (props: { product: Product; onSaved: (message: string) => void; onCancel: () => void }) => {
  const { api } = useSignedIn();
  const { product } = props;
  const [name, setName] = useState(product.name);
  const [unit, setUnit] = useState(product.unit);
  const [category, setCategory] = useState(product.category ?? '');
  const [listPrice, setListPrice] = useState(typedPrice(product.listPrice, product.currency));
  const [cost, setCost] = useState(typedPrice(product.cost, product.currency));
  const [active, setActive] = useState(product.active);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const list = minorUnitsOf(listPrice, product.currency);
    const costUnits = cost.trim() === '' ? undefined : minorUnitsOf(cost, product.currency);
    if (list === undefined || (cost.trim() !== '' && costUnits === undefined)) {
      setError(`Type prices in ${product.currency}, like 12.50.`);
      return;
    }
    setBusy(true);
    const problem = await save(api, {
      sku: product.sku,
      name,
      unit,
      listPrice: list,
      currency: product.currency,
      ...(costUnits !== undefined && { cost: costUnits }),
      ...(category.trim() && { category: category.trim() }),
      active,
    });
    setBusy(false);
    if (problem) setError(problem);
    else props.onSaved(`Saved ${product.sku}.`);
  };
  return (
    <form
      class="panel product-form"
      aria-labelledby="edit-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="edit-heading">Edit {product.sku}</h2>
      <div class="fields">
        <label>
          Name
          <input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Unit
          <input value={unit} required maxLength={20} onInput={(e) => setUnit(e.currentTarget.value)} />
        </label>
        <label>
          Category
          <input value={category} maxLength={100} onInput={(e) => setCategory(e.currentTarget.value)} />
        </label>
        <label>
          List price ({product.currency})
          <input inputMode="decimal" value={listPrice} required onInput={(e) => setListPrice(e.currentTarget.value)} />
        </label>
        <label>
          Cost ({product.currency})
          <input inputMode="decimal" value={cost} onInput={(e) => setCost(e.currentTarget.value)} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          Active (offered in the catalog)
        </label>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          Save {product.sku}
        </button>
        <button type="button" class="secondary-action" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
};

/** The seller admin's products: every product with its cost, found by SKU or name, edited one by one or from a CSV. */
export const ProductsPage = () => {
  const { api } = useSignedIn();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [cursor, setCursor] = useState<string | undefined>();
  const [editing, setEditing] = useState<Product | undefined>();
  const [message, setMessage] = useState('');
  const [loaded, reload] = useLoad(async () => {
    const { data, error } = await api.GET('/products', {
      params: { query: { ...(q && { q }), ...(cursor && { cursor }), limit: 25 } },
    });
    if (!data) throw new Error(problemText(error, 'The products could not be loaded.'));
    return data;
  }, [q, cursor]);

  return (
    <>
      <PageTitle>Products</PageTitle>
      <p class="notice" role="status">
        {message}
      </p>
      {editing && (
        <EditProduct
          key={editing.sku}
          product={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(text) => {
            setEditing(undefined);
            setMessage(text);
            reload();
          }}
        />
      )}
      <form
        class="filters"
        aria-label="Find products"
        onSubmit={(event) => {
          event.preventDefault();
          setCursor(undefined);
          setQ(typed.trim());
        }}
      >
        <label>
          Find by SKU or name
          <input type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit">Find</button>
      </form>
      <Show loaded={loaded}>
        {(page) =>
          page.items.length === 0 ? (
            <p>No product matches.</p>
          ) : (
            <>
              <div class="table-scroll">
                <table class="list">
                  <caption class="visually-hidden">Products by SKU</caption>
                  <thead>
                    <tr>
                      <th scope="col">Product</th>
                      <th scope="col">Category</th>
                      <th scope="col" class="number">
                        List price
                      </th>
                      <th scope="col" class="number">
                        Cost
                      </th>
                      <th scope="col">Status</th>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((p) => (
                      <tr key={p.sku}>
                        <td>
                          {p.name}
                          <div class="secondary">
                            {p.sku} · per {p.unit}
                          </div>
                        </td>
                        <td data-label="Category">{p.category ?? '—'}</td>
                        <td class="number" data-label="List price">
                          {money(p.listPrice, p.currency)}
                        </td>
                        <td class="number" data-label="Cost">
                          {money(p.cost, p.currency)}
                        </td>
                        <td data-label="Status">{p.active ? 'Active' : 'Inactive'}</td>
                        <td>
                          <button
                            type="button"
                            class="secondary-action"
                            onClick={() => {
                              setMessage('');
                              setEditing(p);
                            }}
                          >
                            Edit <span class="visually-hidden">{p.sku}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div class="actions">
                {cursor && (
                  <button type="button" class="secondary-action" onClick={() => setCursor(undefined)}>
                    First page
                  </button>
                )}
                {page.cursor && (
                  <button type="button" class="secondary-action" onClick={() => setCursor(page.cursor)}>
                    Next page
                  </button>
                )}
              </div>
            </>
          )
        }
      </Show>
      <ImportPriceList onImported={reload} />
    </>
  );
};

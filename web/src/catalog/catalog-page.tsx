import { useState } from 'preact/hooks';
import { categoryName } from '#domain/category-name.ts';
import { problemText, type Schemas } from '../api/client.ts';
import { Link, navigate } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { ShowMore, usePaged } from '../ui/paged.tsx';
import { AddToDraft } from './add-to-draft.tsx';

type Catalog = Schemas['Catalog'];

const Tiers = (props: { tiers: Catalog['items'][number]['tiers']; currency: string; unit: string }) =>
  props.tiers.length === 0 ? (
    <span class="secondary">—</span>
  ) : (
    <ul class="tiers">
      {props.tiers.map((t) => (
        <li key={t.minQty}>
          {t.minQty.toLocaleString()}+ {props.unit}: {money(t.unitPrice, props.currency)}
        </li>
      ))}
    </ul>
  );

/** The catalog at my company's prices: search by SKU or name, one category, more by cursor, add to the RFQ draft. */
export const CatalogPage = (props: { q: string; category: string }) => {
  const { api } = useSignedIn();
  const [categories, setCategories] = useState<string[]>([]);
  const catalog = usePaged(
    async (cursor) => {
      const { data, error } = await api.GET('/catalog', {
        params: {
          query: {
            limit: 25,
            ...(props.q && { q: props.q }),
            ...(props.category && { category: props.category }),
            ...(cursor && { cursor }),
          },
        },
      });
      if (!data) throw new Error(problemText(error, 'The catalog could not be loaded.'));
      setCategories((known) =>
        [...new Set([...known, ...data.items.flatMap((i) => (i.category ? [i.category] : []))])].sort(),
      );
      return data;
    },
    [props.q, props.category],
  );
  const loaded = catalog.loaded;

  const filter = (next: { q?: string; category?: string }) => {
    const query = new URLSearchParams({ q: next.q ?? props.q, category: next.category ?? props.category });
    for (const [k, v] of [...query]) if (!v) query.delete(k);
    navigate(query.size ? `?${query}` : '', { replace: true });
  };

  return (
    <>
      <PageTitle secondary={loaded.state === 'ready' ? `prices for ${loaded.value.companyName}` : undefined}>
        Catalog
      </PageTitle>
      <search class="filters">
        <label>
          Search by SKU or name
          <input type="search" value={props.q} onInput={(e) => filter({ q: e.currentTarget.value })} />
        </label>
        <label>
          Category
          <select value={props.category} onChange={(e) => filter({ category: e.currentTarget.value })}>
            <option value="">All categories</option>
            {[...new Set([...categories, ...(props.category ? [props.category] : [])])].map((c) => (
              <option key={c} value={c}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        </label>
        <Link to="rfqs/new" class="button secondary-action">
          Go to the RFQ draft
        </Link>
      </search>
      <Show loaded={loaded}>
        {(page) => {
          const { items } = page;
          if (items.length === 0) return <p>No active product matches{props.q ? ` “${props.q}”` : ''}.</p>;
          return (
            <>
              <table class="list">
                <caption class="visually-hidden">Products at your company's prices</caption>
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Category</th>
                    <th scope="col" class="number">
                      Your price
                    </th>
                    <th scope="col" class="number">
                      List price
                    </th>
                    <th scope="col">Volume tiers</th>
                    <th scope="col">
                      <span class="visually-hidden">Add</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.sku}>
                      <td>
                        {item.name}
                        <div class="secondary">
                          {item.sku} · per {item.unit}
                        </div>
                      </td>
                      <td data-label="Category">{item.category ? categoryName(item.category) : '—'}</td>
                      <td class="number" data-label="Your price">
                        <strong>{money(item.yourPrice, page.currency)}</strong>
                        <div class="secondary">{item.priceSource}</div>
                      </td>
                      <td class="number" data-label="List price">
                        {money(item.listPrice, page.currency)}
                      </td>
                      <td data-label="Volume tiers">
                        <Tiers tiers={item.tiers} currency={page.currency} unit={item.unit} />
                      </td>
                      <td>
                        <AddToDraft sku={item.sku} name={item.name} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ShowMore paged={catalog} label="Show more products" />
            </>
          );
        }}
      </Show>
    </>
  );
};

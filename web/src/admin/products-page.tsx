import { useState } from 'preact/hooks';
import { categoryName } from '#domain/category-name.ts';
import { problemText } from '../api/client.ts';
import { useSignedIn } from '../signed-in.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { ShowMore, usePaged } from '../ui/paged.tsx';
import { ImportPriceList } from './price-list-import.tsx';
import { EditProduct, type Product } from './product-form.tsx';
import './admin.css';

/** The seller admin's products: every product with its cost, found by SKU or name, edited one by one or from a CSV. */
export const ProductsPage = () => {
  const { api } = useSignedIn();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Product | undefined>();
  const [message, setMessage] = useState('');
  const products = usePaged(
    async (cursor) => {
      const { data, error } = await api.GET('/products', {
        params: { query: { ...(q && { q }), ...(cursor && { cursor }), limit: 25 } },
      });
      if (!data) throw new Error(problemText(error, 'The products could not be loaded.'));
      return data;
    },
    [q],
  );

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
            products.reload();
          }}
        />
      )}
      <form
        class="filters"
        aria-label="Find products"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(typed.trim());
        }}
      >
        <label>
          Find by SKU or name
          <input type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit">Find</button>
      </form>
      <Show loaded={products.loaded}>
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
                        <td data-label="Category">{p.category ? categoryName(p.category) : '—'}</td>
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
              <ShowMore paged={products} label="Show more products" />
            </>
          )
        }
      </Show>
      <ImportPriceList onImported={products.reload} />
    </>
  );
};

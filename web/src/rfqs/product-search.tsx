import { useState } from 'preact/hooks';
import { problemText } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { useSignedIn } from '../signed-in.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';
import { Show } from '../ui/page.tsx';

/** A search of the catalog by SKU or name, with the company's price, and a button to add each result to the RFQ. */
export const ProductSearch = (props: { onAdd: (sku: string) => void; companyId?: string }) => {
  const { api } = useSignedIn();
  const [q, setQ] = useState('');
  const [found] = useLoad(async () => {
    if (!q.trim()) return undefined;
    const { data, error } = await api.GET('/catalog', {
      params: { query: { q: q.trim(), limit: 8, ...(props.companyId && { companyId: props.companyId }) } },
    });
    if (!data) throw new Error(problemText(error, t('draft.searchFailed')));
    return data;
  }, [q, props.companyId]);
  return (
    <>
      <label>
        {t('catalog.search')}
        <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      <Show loaded={found}>
        {(page) =>
          page &&
          (page.items.length === 0 ? (
            <p>{t('draft.noProduct', { q })}</p>
          ) : (
            <ul class="results">
              {page.items.map((item) => (
                <li key={item.sku}>
                  <span>
                    {item.name} <span class="secondary">{item.sku}</span>
                  </span>
                  <span class="number">{money(item.yourPrice, page.currency)}</span>
                  <button
                    type="button"
                    class="secondary-action"
                    onClick={() => props.onAdd(item.sku)}
                    aria-label={t('draft.addProduct', { name: item.name })}
                  >
                    {t('catalog.add')}
                  </button>
                </li>
              ))}
            </ul>
          ))
        }
      </Show>
    </>
  );
};

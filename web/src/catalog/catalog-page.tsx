import { useState } from 'preact/hooks';
import { categoryName } from '#domain/category-name.ts';
import { problemText, type Schemas } from '../api/client.ts';
import { t } from '../i18n/language.ts';
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
      {props.tiers.map((tier) => (
        <li key={tier.minQty}>
          {t('catalog.tier', { minQty: tier.minQty, unit: props.unit, price: money(tier.unitPrice, props.currency) })}
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
      if (!data) throw new Error(problemText(error, t('catalog.failed')));
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
      <PageTitle
        secondary={loaded.state === 'ready' ? t('catalog.pricesFor', { company: loaded.value.companyName }) : undefined}
      >
        {t('catalog.title')}
      </PageTitle>
      <search class="filters">
        <label>
          {t('catalog.search')}
          <input type="search" value={props.q} onInput={(e) => filter({ q: e.currentTarget.value })} />
        </label>
        <label>
          {t('catalog.category')}
          <select value={props.category} onChange={(e) => filter({ category: e.currentTarget.value })}>
            <option value="">{t('catalog.allCategories')}</option>
            {[...new Set([...categories, ...(props.category ? [props.category] : [])])].map((c) => (
              <option key={c} value={c}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        </label>
        <Link to="rfqs/new" class="button secondary-action">
          {t('catalog.toDraft')}
        </Link>
      </search>
      <Show loaded={loaded}>
        {(page) => {
          const { items } = page;
          if (items.length === 0)
            return <p>{props.q ? t('catalog.noMatchFor', { q: props.q }) : t('catalog.noMatch')}</p>;
          return (
            <>
              <table class="list">
                <caption class="visually-hidden">{t('catalog.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('catalog.product')}</th>
                    <th scope="col">{t('catalog.category')}</th>
                    <th scope="col" class="number">
                      {t('catalog.yourPrice')}
                    </th>
                    <th scope="col" class="number">
                      {t('catalog.listPrice')}
                    </th>
                    <th scope="col">{t('catalog.tiers')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('catalog.add')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.sku}>
                      <td>
                        {item.name}
                        <div class="secondary">{t('catalog.skuPerUnit', { sku: item.sku, unit: item.unit })}</div>
                      </td>
                      <td data-label={t('catalog.category')}>{item.category ? categoryName(item.category) : '—'}</td>
                      <td class="number" data-label={t('catalog.yourPrice')}>
                        <strong>{money(item.yourPrice, page.currency)}</strong>
                        <div class="secondary">{item.priceSource}</div>
                      </td>
                      <td class="number" data-label={t('catalog.listPrice')}>
                        {money(item.listPrice, page.currency)}
                      </td>
                      <td data-label={t('catalog.tiers')}>
                        <Tiers tiers={item.tiers} currency={page.currency} unit={item.unit} />
                      </td>
                      <td>
                        <AddToDraft sku={item.sku} name={item.name} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ShowMore paged={catalog} label={t('catalog.more')} />
            </>
          );
        }}
      </Show>
    </>
  );
};

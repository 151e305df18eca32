import { useEffect, useState } from 'preact/hooks';
import type { Api, Schemas } from '../api/client.ts';

export type CatalogItem = Schemas['Catalog']['items'][number];

export interface CatalogCheck {
  /** The company's price for each SKU the catalog sells. */
  known: ReadonlyMap<string, CatalogItem>;
  /** Every SKU the catalog was asked about (known or not). */
  checked: ReadonlySet<string>;
  currency: string | undefined;
  pending: boolean;
}

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * Asks the catalog about the draft's SKUs, 100 a request (`GET /catalog?skus=`), each SKU once: 1,000 lines cost ten
 * requests, and a fixed line costs one more. Seller staff name the company whose prices they mean.
 */
export const useCatalogCheck = (api: Api, skus: readonly string[], companyId?: string): CatalogCheck => {
  const [state, setState] = useState<CatalogCheck>({
    known: new Map(),
    checked: new Set(),
    currency: undefined,
    pending: false,
  });
  const wanted = [...new Set(skus.filter((s) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(s)))].filter(
    (s) => !state.checked.has(s),
  );
  const key = wanted.join(',');
  useEffect(() => {
    if (!key) {
      setState((s) => (s.pending ? { ...s, pending: false } : s));
      return;
    }
    let current = true;
    setState((s) => ({ ...s, pending: true }));
    Promise.all(
      chunk(key.split(','), 100).map((part) =>
        api.GET('/catalog', { params: { query: { skus: part.join(','), ...(companyId && { companyId }) } } }),
      ),
    ).then((answers) => {
      if (!current) return;
      setState((s) => {
        const known = new Map(s.known);
        const checked = new Set(s.checked);
        let currency = s.currency;
        answers.forEach(({ data }, i) => {
          if (!data) return;
          currency = data.currency;
          for (const item of data.items) known.set(item.sku, item);
          for (const sku of chunk(key.split(','), 100)[i] ?? []) checked.add(sku);
        });
        return { known, checked, currency, pending: false };
      });
    });
    return () => {
      current = false;
    };
  }, [api, key, companyId]);
  return state;
};

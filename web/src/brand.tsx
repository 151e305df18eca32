import type { Brand } from '#domain/brand.ts';

/**
 * The seller's brand from `/app/config.json` (functions/config.ts is its one source): applied once at start — the
 * accent colour every button and link uses, the window's title — and shown by `BrandMark` where the app names itself.
 */
export const applyBrand = (brand: Brand): void => {
  document.documentElement.style.setProperty('--accent', brand.color);
  document.documentElement.dataset.seller = brand.sellerName;
  document.title = brand.sellerName;
};

/** Whose app the window's title names: the seller, once the brand is applied. */
export const sellerName = (): string => document.documentElement.dataset.seller ?? '';

/** The seller's logo and name; the logo is decoration beside the name, so it has no text of its own. */
export const BrandMark = (props: { brand: Brand }) => (
  <span class="brand">
    {props.brand.logoUrl && <img src={props.brand.logoUrl} alt="" width={28} height={28} />}
    {props.brand.sellerName}
  </span>
);

/**
 * A product category as people read it. The catalog keys categories by slug ("electronics", "power-tools"), which
 * filters and approval rules compare; a person reads "Electronics", "Power tools". A category someone already wrote
 * as words (capitals or spaces) is shown as written.
 */
export const categoryName = (category: string): string => {
  if (/[A-Z\s]/.test(category)) return category;
  const words = category.replaceAll(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

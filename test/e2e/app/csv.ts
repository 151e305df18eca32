/** A 1,000-line CSV of real catalog SKUs, with the given lines (1-based) made bad, as a buyer's export might be. */
export const aCsv = (skus: readonly string[], bad: Record<number, [sku: string, quantity: string]>): string => {
  const rows = ['sku,quantity'];
  for (let n = 1; n <= 1000; n++) {
    const [sku, quantity] = bad[n] ?? [skus[n % skus.length]!, String((n % 7) + 1)];
    rows.push(`${sku},${quantity}`);
  }
  return `${rows.join('\n')}\n`;
};

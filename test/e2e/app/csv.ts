/** Rows as a spreadsheet saves them: a line each, and a newline at the end. */
export const csvText = (rows: readonly string[]): string => `${rows.join('\n')}\n`;

/** A CSV file as a person picks it in the file dialog (for Playwright's `setInputFiles`). */
export const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** A 1,000-line CSV of real catalog SKUs, with the given lines (1-based) made bad, as a buyer's export might be. */
export const aCsv = (skus: readonly string[], bad: Record<number, [sku: string, quantity: string]>): string => {
  const rows = ['sku,quantity'];
  for (let n = 1; n <= 1000; n++) {
    const [sku, quantity] = bad[n] ?? [skus[n % skus.length]!, String((n % 7) + 1)];
    rows.push(`${sku},${quantity}`);
  }
  return csvText(rows);
};

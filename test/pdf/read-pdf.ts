import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The metrics of the 14 standard fonts, which pdf.js reads to lay out text drawn in them (our Helvetica). */
const standardFontDataUrl = `${join(dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/package.json'))), 'standard_fonts')}/`;

/**
 * A PDF read back as a person's PDF reader would: with Mozilla's pdf.js, page by page, each text line as one string
 * (items on one baseline joined left to right). Tests check what the document says, not how it was drawn.
 */
export const pdfLines = async (bytes: Uint8Array): Promise<{ pages: number; lines: string[]; title?: string }> => {
  const loading = getDocument({ data: new Uint8Array(bytes), standardFontDataUrl });
  const doc = await loading.promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const rows = new Map<number, { x: number; text: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5] as number);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4] as number, text: item.str }]);
    }
    for (const [, row] of [...rows].sort(([a], [b]) => b - a))
      lines.push(
        row
          .sort((a, b) => a.x - b.x)
          .map((i) => i.text)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
  }
  const info = (await doc.getMetadata()).info as { Title?: string };
  const pages = doc.numPages;
  await loading.destroy();
  return { pages, lines, ...(info.Title && { title: info.Title }) };
};

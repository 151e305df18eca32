import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { formatMoney } from '#domain/money-format.ts';
import { paymentTermsText } from '#domain/payment-terms.ts';
import type { QuoteDocument } from '#domain/quote-document.ts';
import { quoteFooting } from '#domain/quote-footing.ts';
import { quoteLabels } from '#rendering/quote-summary.ts';

/**
 * The quote as a PDF, drawn with pdf-lib: pure JavaScript whose standard fonts (Helvetica) carry their metrics in the
 * package, so esbuild bundles it whole into the Lambda and nothing is read from disk at run time. (pdfkit 0.20 loads
 * its font metrics through a run-time `createRequire` of package-internal imports that a bundle cannot follow; pdfmake
 * sits on pdfkit.) The standard fonts speak WinAnsi (Latin-1 plus € — ‘’ “” •): any other character prints as "?"
 * rather than failing the document.
 */

const pageSize = { width: 612, height: 792 }; // US Letter, in points
const margin = 48;
const ink = rgb(0.1, 0.1, 0.1);
const muted = rgb(0.33, 0.33, 0.33);
const rule = rgb(0.78, 0.78, 0.78);
const saving = rgb(0.09, 0.4, 0.2);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Signs our own texts use (price bases: "list − 5%", "tier ≥ 100") in the letters WinAnsi has. */
const spelledOut: Record<string, string> = { '−': '-', '≥': '>=', '≤': '<=', '\u00a0': ' ', '\u202f': ' ' };

/** Text each font can encode: NFC first (é as one character), our signs spelled out, "?" for what WinAnsi lacks. */
const printable = (font: PDFFont) => {
  const known = new Set(font.getCharacterSet());
  return (text: string): string =>
    [...text.normalize('NFC')]
      .map((c) => spelledOut[c] ?? c)
      .map((c) => (c.length > 1 || known.has(c.codePointAt(0) ?? 0) ? c : '?'))
      .join('');
};

/** Words wrapped to `width`; a word wider than the column (a long SKU) is cut where it must be. */
const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const lines: string[] = [];
  let current = '';
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
};

/** Where drawing goes next: the current page and the baseline, with a new page when the next block does not fit. */
class Cursor {
  page: PDFPage;
  y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly onNewPage: (cursor: Cursor) => void,
  ) {
    this.page = doc.addPage([pageSize.width, pageSize.height]);
    this.y = pageSize.height - margin;
  }
  need(height: number): void {
    if (this.y - height >= margin + 24) return;
    this.page = this.doc.addPage([pageSize.width, pageSize.height]);
    this.y = pageSize.height - margin;
    this.onNewPage(this);
  }
}

const columns = (width: number) => {
  const amount = 92;
  const quantity = 80;
  return {
    product: { x: margin, width: width - quantity - 2 * amount - 18 },
    quantity: { right: margin + width - 2 * amount - 12 },
    unitPrice: { right: margin + width - amount - 6 },
    lineTotal: { right: margin + width },
  };
};

/** #rrggbb as pdf-lib's colour. */
const rgbOf = (hex: string) =>
  rgb(
    Number.parseInt(hex.slice(1, 3), 16) / 255,
    Number.parseInt(hex.slice(3, 5), 16) / 255,
    Number.parseInt(hex.slice(5, 7), 16) / 255,
  );

/**
 * `color` is the seller's brand colour: a band over the first page and the seller's name in it. (The logo stays off
 * the PDF: fetching an image while printing would make the document depend on another server answering.)
 */
export const quotePdf = async (q: QuoteDocument, color: string): Promise<Uint8Array> => {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const clean = { regular: printable(fonts.regular), bold: printable(fonts.bold) };
  const money = (amount: number | null) => (amount === null ? 'needs a price' : formatMoney(amount, q.currency));
  const contentWidth = pageSize.width - 2 * margin;
  const col = columns(contentWidth);

  doc.setTitle(`Quote ${q.quoteName} (version ${q.version})`);
  doc.setSubject(`Quote for ${q.buyer.companyName}`);
  doc.setAuthor(q.seller.name);
  doc.setCreator('quote-to-order');
  doc.setProducer('quote-to-order with pdf-lib');
  doc.setCreationDate(new Date(q.issuedAt));
  doc.setModificationDate(new Date(q.issuedAt));

  const text = (
    cursor: Cursor,
    value: string,
    at: { x?: number; right?: number; size?: number; bold?: boolean; color?: typeof ink },
  ) => {
    const size = at.size ?? 10;
    const font = at.bold ? fonts.bold : fonts.regular;
    const shown = (at.bold ? clean.bold : clean.regular)(value);
    const x = at.right === undefined ? (at.x ?? margin) : at.right - font.widthOfTextAtSize(shown, size);
    cursor.page.drawText(shown, { x, y: cursor.y, size, font, color: at.color ?? ink });
  };
  const line = (cursor: Cursor, y: number) =>
    cursor.page.drawLine({
      start: { x: margin, y },
      end: { x: margin + contentWidth, y },
      thickness: 0.5,
      color: rule,
    });

  const tableHeader = (cursor: Cursor) => {
    cursor.y -= 4;
    text(cursor, quoteLabels.product, { x: col.product.x, bold: true, size: 9 });
    text(cursor, quoteLabels.quantity, { right: col.quantity.right, bold: true, size: 9 });
    text(cursor, quoteLabels.unitPrice, { right: col.unitPrice.right, bold: true, size: 9 });
    text(cursor, quoteLabels.lineTotal, { right: col.lineTotal.right, bold: true, size: 9 });
    line(cursor, cursor.y - 5);
    cursor.y -= 18;
  };
  const continued = (cursor: Cursor) => {
    text(cursor, `Quote ${q.quoteName}, version ${q.version} (continued)`, { size: 9, color: muted });
    cursor.y -= 20;
    tableHeader(cursor);
  };
  const cursor = new Cursor(doc, continued);

  cursor.page.drawRectangle({ x: margin, y: cursor.y + 16, width: contentWidth, height: 4, color: rgbOf(color) });
  text(cursor, q.seller.name, { size: 11, bold: true, color: rgbOf(color) });
  text(cursor, `Quote ${q.quoteName}`, { right: margin + contentWidth, size: 18, bold: true });
  cursor.y -= 14;
  text(cursor, q.seller.email, { size: 9, color: muted });
  text(cursor, `Version ${q.version}`, { right: margin + contentWidth, size: 10 });
  cursor.y -= 30;

  const facts: [string, string][] = [
    ['For', `${q.buyer.companyName}, ${q.buyer.email}`],
    ['Account rep', q.accountRepEmail],
    ['Issued', q.issuedAt.slice(0, 10)],
    ['Valid until', q.validUntil.slice(0, 10)],
    ['Payment terms', paymentTermsText(q.buyer.paymentTerms)],
    ...(q.poNumber ? [['Your PO number', q.poNumber] as [string, string]] : []),
    ...(q.requestedDeliveryDate ? [['Requested delivery', q.requestedDeliveryDate] as [string, string]] : []),
    ...(q.shipTo ? [['Ship to', q.shipTo.replace(/\s*\n\s*/g, ', ')] as [string, string]] : []),
  ];
  for (const [label, value] of facts) {
    const wrapped = wrap(clean.regular(value), fonts.regular, 10, contentWidth - 120);
    cursor.need(14 * wrapped.length);
    text(cursor, label, { size: 10, bold: true });
    for (const part of wrapped) {
      text(cursor, part, { x: margin + 120, size: 10 });
      cursor.y -= 14;
    }
  }
  if (q.note) {
    const wrapped = wrap(clean.regular(q.note), fonts.regular, 10, contentWidth - 120);
    text(cursor, 'Your note', { size: 10, bold: true });
    for (const part of wrapped) {
      cursor.need(14);
      text(cursor, part, { x: margin + 120, size: 10 });
      cursor.y -= 14;
    }
  }
  cursor.y -= 16;
  cursor.need(60);
  tableHeader(cursor);

  for (const l of q.lines) {
    const name = wrap(clean.regular(l.name), fonts.regular, 10, col.product.width);
    const basis = wrap(
      clean.regular(`${l.sku} · ${l.unpriced ? `${l.priceSource}: ${l.unpriced}` : l.priceSource}`),
      fonts.regular,
      8,
      col.product.width,
    );
    const height = 12 * name.length + 10 * basis.length + 8;
    cursor.need(height);
    const top = cursor.y;
    text(cursor, `${l.quantity.toLocaleString('en-US')} ${l.unit}`, { right: col.quantity.right });
    text(cursor, money(l.unitPrice), { right: col.unitPrice.right });
    text(cursor, money(l.lineTotal), { right: col.lineTotal.right });
    for (const part of name) {
      text(cursor, part, { x: col.product.x });
      cursor.y -= 12;
    }
    for (const part of basis) {
      text(cursor, part, { x: col.product.x, size: 8, color: muted });
      cursor.y -= 10;
    }
    cursor.y = top - height;
    line(cursor, cursor.y + 10);
    cursor.y -= 4;
  }

  // Under the lines, the total they sum to (with its tax), the saving and any tax note: the rule of every surface
  // (domain/quote-footing.ts).
  const footing = quoteFooting(q, (minor) => formatMoney(minor, q.currency));
  cursor.need(18 + 14 + 40 + 14 * footing.above.length);
  cursor.y -= 6;
  for (const row of footing.above) {
    text(cursor, row.label, { right: col.unitPrice.right, size: 10 });
    text(cursor, row.amount, { right: col.lineTotal.right, size: 10 });
    cursor.y -= 14;
  }
  text(cursor, footing.label, { right: col.unitPrice.right, bold: true, size: 12 });
  text(cursor, footing.total, { right: col.lineTotal.right, bold: true, size: 12 });
  cursor.y -= 18;
  if (footing.saving) {
    text(cursor, footing.saving, { right: col.lineTotal.right, size: 10, color: saving });
    cursor.y -= 14;
  }
  if (footing.taxNote) {
    cursor.need(14 * 3);
    for (const part of wrap(footing.taxNote, fonts.bold, 10, contentWidth)) {
      text(cursor, part, { size: 10, bold: true });
      cursor.y -= 14;
    }
  }
  cursor.y -= 12;
  cursor.need(30);
  for (const part of wrap(
    `Prices in ${q.currency}. This quote holds until ${q.validUntil.slice(0, 10)}; accept it in the app with your PO number.`,
    fonts.regular,
    9,
    contentWidth,
  )) {
    text(cursor, part, { size: 9, color: muted });
    cursor.y -= 12;
  }

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const footer = `Quote ${q.quoteName} · version ${q.version} · page ${i + 1} of ${pages.length}`;
    page.drawText(clean.regular(footer), {
      x: margin,
      y: margin - 18,
      size: 8,
      font: fonts.regular,
      color: muted,
    });
  });
  return doc.save();
};

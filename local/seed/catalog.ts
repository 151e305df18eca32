import type { Product } from '#domain/product.ts';
import { unitCodeOfWord } from '#domain/unit-code.ts';

const usd = (dollars: number): number => Math.round(dollars * 100);

type Line = [sku: string, name: string, unit: string, listPrice: number, cost: number | undefined, category: string];

/**
 * A small industrial-supply catalog: what a maintenance or warehouse buyer orders every month. Prices in USD, with list
 * prices in SEK and EUR.
 */
const lines: Line[] = [
  ['FAS-HCS-M8-50', 'Hex cap screw M8×50, zinc, box of 100', 'box', 18.4, 9.1, 'fasteners'],
  ['FAS-NUT-M8', 'Hex nut M8, zinc, box of 200', 'box', 9.6, 4.2, 'fasteners'],
  ['FAS-WSH-M8', 'Flat washer M8, zinc, box of 500', 'box', 7.25, 2.9, 'fasteners'],
  ['FAS-ANC-10', 'Wedge anchor 10×100 mm, box of 50', 'box', 42.0, 21.5, 'fasteners'],
  ['FAS-RIV-48', 'Blind rivet 4.8 mm, aluminium, box of 1000', 'box', 36.9, 15.8, 'fasteners'],
  ['SAF-GLV-NIT-L', 'Nitrile gloves, large, box of 100', 'box', 14.5, 7.6, 'safety'],
  ['SAF-GLS-CLR', 'Safety glasses, clear, anti-fog', 'pair', 6.8, 2.4, 'safety'],
  ['SAF-HAT-WHT', 'Hard hat, type I, white, ratchet suspension', 'each', 24.9, 11.2, 'safety'],
  ['SAF-VST-HV-XL', 'High-visibility vest, class 2, XL', 'each', 12.3, 4.9, 'safety'],
  ['SAF-EAR-200', 'Foam ear plugs, NRR 32, 200 pairs', 'box', 38.5, 16.0, 'safety'],
  ['PKG-BOX-1212', 'Corrugated box 12×12×12 in, bundle of 25', 'bundle', 31.75, 14.1, 'packaging'],
  ['PKG-TAPE-48', 'Packing tape 48 mm × 100 m, case of 36', 'case', 89.0, 41.3, 'packaging'],
  ['PKG-WRAP-18', 'Stretch wrap 18 in × 1500 ft, 80 gauge', 'roll', 27.6, 13.9, 'packaging'],
  ['PKG-PAL-4840', 'Wooden pallet 48×40 in, heat treated', 'each', 19.5, 12.0, 'packaging'],
  ['ELE-SCN-2D', 'Handheld 2D barcode scanner, USB', 'each', 189.0, 96.0, 'electronics'],
  ['ELE-PRN-LBL4', 'Thermal label printer, 4 in, 203 dpi', 'each', 429.0, 251.0, 'electronics'],
  ['ELE-TAB-RUG10', 'Rugged 10 in tablet, Android, IP65', 'each', 749.0, 468.0, 'electronics'],
  ['ELE-CBL-C6-10', 'Cat6 patch cable, 10 ft, pack of 10', 'pack', 34.0, 12.5, 'electronics'],
  ['TLS-DRL-18V', 'Cordless drill 18 V, two batteries', 'each', 159.0, 88.0, 'tools'],
  ['TLS-BIT-SET', 'Drill bit set, HSS, 29 pieces', 'set', 46.5, 19.9, 'tools'],
  ['TLS-TRQ-HALF', 'Torque wrench 1/2 in drive, 20–150 ft-lb', 'each', 118.0, 61.0, 'tools'],
  ['JAN-TWL-MF', 'Microfibre cloths, pack of 24', 'pack', 21.0, 8.4, 'janitorial'],
  ['JAN-ABS-SPILL', 'Universal spill kit, 20 gal', 'kit', 142.0, 72.0, 'janitorial'],
  ['SAF-GLV-LTX-M', 'Latex gloves, medium (discontinued)', 'box', 11.0, 5.5, 'safety'],
  ['ELE-SCN-1D', 'Handheld 1D laser scanner (replaced by ELE-SCN-2D)', 'each', 99.0, 61.0, 'electronics'],
];

const unitCodeOrThrow = (unit: string) => {
  const code = unitCodeOfWord(unit);
  if (!code) throw new Error(`the seed's unit "${unit}" has no UN/ECE Rec 20 code`);
  return code;
};

/**
 * The seller's price lists in the currencies its Swedish and Spanish customers buy in, set from the dollar list at its
 * planning rates and rounded as a price list would be: whole kronor, euros to the ten cents.
 */
const sekPerUsd = 10.5;
const eurPerUsd = 0.92;
const otherListPrices = (dollars: number) => [
  { currency: 'SEK', listPrice: Math.round(dollars * sekPerUsd) * 100 },
  { currency: 'EUR', listPrice: Math.round(dollars * eurPerUsd * 10) * 10 },
];

/** Discontinued items stay in the catalog so old quotes still explain themselves; new quotes flag them. */
const discontinued = new Set(['SAF-GLV-LTX-M', 'ELE-SCN-1D']);

export const products: Product[] = lines.map(([sku, name, unit, listPrice, cost, category]) => ({
  sku,
  name,
  unit,
  // Every seeded unit word has its Rec 20 code; an unknown word stops the seed rather than reaching a document uncoded.
  unitCode: unitCodeOrThrow(unit),
  listPrice: usd(listPrice),
  currency: 'USD',
  listPrices: otherListPrices(listPrice),
  ...(cost !== undefined && { cost: usd(cost) }),
  category,
  active: !discontinued.has(sku),
}));

import * as z from 'zod';

/**
 * Units of measure as documents name them: a UN/ECE Recommendation 20 code (what cXML and UBL carry; Rec 21 package
 * types enter Rec 20 with an `X` prefix, as PEPPOL's code list has them), the ANSI X12 code (data element 355) an 850
 * carries for the same unit, and the words the catalog has used for it. Only units with an exact X12 counterpart are
 * listed, so every order line can be written in all three formats.
 */
const units = {
  EA: { x12: 'EA', words: ['each', 'ea'] },
  H87: { x12: 'PC', words: ['piece', 'pc', 'pcs'] },
  PR: { x12: 'PR', words: ['pair'] },
  SET: { x12: 'ST', words: ['set'] },
  KT: { x12: 'KT', words: ['kit'] },
  XBX: { x12: 'BX', words: ['box'] },
  XCS: { x12: 'CA', words: ['case'] },
  XRO: { x12: 'RL', words: ['roll'] },
  XPK: { x12: 'PK', words: ['pack', 'package'] },
  XBE: { x12: 'BD', words: ['bundle'] },
  KGM: { x12: 'KG', words: ['kg', 'kilogram'] },
  MTR: { x12: 'MR', words: ['m', 'metre', 'meter'] },
  LTR: { x12: 'LT', words: ['l', 'litre', 'liter'] },
  HUR: { x12: 'HR', words: ['hour', 'h'] },
} as const satisfies Record<string, { x12: string; words: readonly string[] }>;

export type UnitCode = keyof typeof units;
export const unitCodes = Object.keys(units) as [UnitCode, ...UnitCode[]];

export const unitCode = z.enum(unitCodes, {
  error: `a UN/ECE Rec 20 unit code the order documents carry: ${unitCodes.join(', ')}`,
});

/** A line whose unit the seller never coded is counted in pieces: H87, the unit of count every ERP reads. */
export const uncodedUnit: UnitCode = 'H87';

const byWord = new Map<string, UnitCode>(
  (Object.entries(units) as [UnitCode, (typeof units)[UnitCode]][]).flatMap(([code, unit]) =>
    unit.words.map((word) => [word, code] as const),
  ),
);

/** The code for a catalog unit word ("box" → XBX), whatever its case; undefined for a word no code is listed for. */
export const unitCodeOfWord = (word: string): UnitCode | undefined => byWord.get(word.trim().toLowerCase());

/** The unit a line is documented in: its own code, else its word's, else a count of pieces. */
export const documentedUnit = (line: { unit: string; unitCode?: UnitCode | undefined }): UnitCode =>
  line.unitCode ?? unitCodeOfWord(line.unit) ?? uncodedUnit;

/** The X12 850's unit (element 355) for a Rec 20 code. */
export const x12UnitOf = (code: UnitCode): string => units[code].x12;

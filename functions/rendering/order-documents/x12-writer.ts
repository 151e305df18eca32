import { DocumentUnwritable } from './document-order.ts';

/**
 * A small, exact ANSI X12 writer: an interchange (ISA/IEA) of one functional group (GS/GE) of transaction sets
 * (ST/SE), each segment ending in `~` and a line break, elements separated by `*`, components by `>`. X12 has no
 * escape for its separators, so text never carries them: free text (names, streets, descriptions) is cut to the
 * element's maximum and folded to plain ASCII, while an identifier that does not fit is refused (DocumentUnwritable),
 * never cut — a PO number cut short names another order.
 */
export const separators = { element: '*', segment: '~', component: '>' } as const;

/** A segment: its id, then its elements in order; undefined or '' leaves an element empty. */
export type Segment = readonly [id: string, ...elements: (string | undefined)[]];

const unsafe = /[*~>^\r\n]/;

/** Free text as an element: plain ASCII without separators or control characters, at most `max` characters. */
export const x12Text = (text: string, max: number): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|[*~>^]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();

/** An identifier as an element: written as it is, or refused when it would have to change to fit. */
export const x12Id = (value: string, max: number, what: string): string => {
  if (value.length > max || unsafe.test(value) || /[^\x20-\x7e]/.test(value))
    throw new DocumentUnwritable(`the ${what} "${value}" does not fit X12 (at most ${max} plain characters)`);
  return value;
};

/** A segment as written: empty trailing elements dropped, as X12 requires. */
const written = ([id, ...elements]: Segment): string => {
  const values = elements.map((e) => e ?? '');
  while (values.length > 0 && values.at(-1) === '') values.pop();
  for (const value of values)
    if (unsafe.test(value)) throw new Error(`X12 element "${value}" of ${id} holds a separator`);
  return [id, ...values].join(separators.element) + separators.segment;
};

/** A fixed-width ISA element: padded with spaces to its width; longer is a bug of the caller. */
const fixed = (value: string, width: number): string => {
  if (value.length > width) throw new Error(`ISA element "${value}" is longer than ${width}`);
  return value.padEnd(width, ' ');
};

/** A control number of 9 digits derived from a name: the same document always gets the same one. */
export const controlNumberOf = (name: string): number => {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return (hash % 999_999_999) + 1;
};

export interface Interchange {
  /** Interchange ids (ISA06/ISA08, GS02/GS03), 2–15 characters, mutually defined (qualifier ZZ). */
  sender: string;
  receiver: string;
  /** When it was written, ISO 8601 UTC. */
  at: string;
  controlNumber: number;
  /** The functional identifier of the group (PO for purchase orders). */
  functionalId: string;
  version: '004010';
  /** Each transaction set's segments between ST and SE; ST and SE are written here. */
  transactions: { id: string; segments: readonly Segment[] }[];
  usage: 'P' | 'T';
}

export const x12Interchange = (interchange: Interchange): string => {
  const { sender, receiver, at, controlNumber, functionalId, version, transactions, usage } = interchange;
  const date = at.slice(0, 10).replaceAll('-', '');
  const time = at.slice(11, 16).replace(':', '');
  const control = String(controlNumber).padStart(9, '0');
  const isa = [
    'ISA',
    '00',
    fixed('', 10),
    '00',
    fixed('', 10),
    'ZZ',
    fixed(x12Id(sender, 15, 'sender id'), 15),
    'ZZ',
    fixed(x12Id(receiver, 15, 'receiver id'), 15),
    date.slice(2),
    time,
    // ISA11 in 004010 is the standards id U; ISA12 the interchange version, 00401 for 004010.
    'U',
    version.slice(0, 5),
    control,
    '0',
    usage,
    separators.component,
  ].join(separators.element);
  const body = transactions.flatMap(({ id, segments }, index) => {
    const st = String(index + 1).padStart(4, '0');
    return [['ST', id, st], ...segments, ['SE', String(segments.length + 2), st]] as Segment[];
  });
  const segments: string[] = [
    isa + separators.segment,
    written(['GS', functionalId, sender, receiver, date, time, String(controlNumber), 'X', version]),
    ...body.map(written),
    written(['GE', String(transactions.length), String(controlNumber)]),
    written(['IEA', '1', control]),
  ];
  return `${segments.join('\n')}\n`;
};

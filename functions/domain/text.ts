import * as z from 'zod';

/**
 * Free text is clean at the edge. Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a page or
 * an email show text in another order than it was typed ("PO 1234" that reads as something else) and are refused in
 * every field; single-line fields (PO numbers, names, subjects) refuse every control character as well — a CR LF in a
 * PO number would otherwise end up in an email's subject header. Multi-line text keeps its line breaks and tabs.
 */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/;
const anyControl = /[\p{Cc}\u2028\u2029]/u;
const controlButLineBreaks = /[\p{Cc}\u2028\u2029](?<![\t\n\r])/u;

export const hasBidiControl = (text: string): boolean => bidiControl.test(text);

/** What a person types to search or filter by: one line of up to `max` characters after trimming, possibly empty. */
export const searchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !anyControl.test(text), 'must be one line without control characters')
    .refine((text) => !hasBidiControl(text), 'must not contain bidirectional override characters');

/**
 * One line of text, 1–`max` characters after trimming: names, PO numbers, and every identifier a person chooses (a
 * rule's or a contract's id, a condition's values) — each is shown on a page or in an email somewhere.
 */
export const singleLine = (max: number) => searchText(max).min(1);

/** Text of several lines (notes, comments, reasons), up to `max` characters; line breaks and tabs are kept. */
export const multiLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !controlButLineBreaks.test(text), 'must not contain control characters other than line breaks')
    .refine((text) => !hasBidiControl(text), 'must not contain bidirectional override characters');

/**
 * A value made safe for a mail header (a subject): whatever is stored or configured, line breaks and other control
 * characters become spaces and bidirectional controls go, so no input can add a header or disguise a subject.
 */
export const headerText = (text: string): string =>
  text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .trim();

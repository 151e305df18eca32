/*
 * Kept apart from the translator: naming a language (every answer's Content-Language) never bundles the message
 * formatter into a function that renders no words.
 */

/**
 * The languages people read the app, the emails, the link pages and the PDF in. English is the seller's own and the
 * fallback: a reader whose language is none of these reads English.
 */
export const locales = ['en', 'es', 'sv'] as const;
export type Locale = (typeof locales)[number];
export const fallbackLocale: Locale = 'en';

/** Each language by its own name, as a picker offers it: a reader finds theirs without reading the current one. */
export const localeNames: Record<Locale, string> = { en: 'English', es: 'Español', sv: 'Svenska' };

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** The language a BCP 47 tag asks for (`sv-SE` → `sv`), if it is one of ours. */
export const localeOf = (tag: string | null | undefined): Locale | undefined => {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
};

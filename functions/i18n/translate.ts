import { IntlMessageFormat } from 'intl-messageformat';

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

/** A catalog: every message of one audience in one language, by key, in ICU MessageFormat. */
export type Catalog<K extends string> = Readonly<Record<K, string>>;

export type MessageValues = Record<string, string | number | Date>;

export type Translate<K extends string> = (key: K, values?: MessageValues) => string;

/**
 * Messages of one catalog in one language, each parsed once on first use (plurals and selects by the language's own
 * rules, numbers and dates in its formats).
 */
export const translator = <K extends string>(locale: Locale, catalog: Catalog<K>): Translate<K> => {
  const parsed = new Map<K, IntlMessageFormat>();
  return (key, values) => {
    let message = parsed.get(key);
    if (!message) {
      message = new IntlMessageFormat(catalog[key], locale);
      parsed.set(key, message);
    }
    return String(message.format(values));
  };
};

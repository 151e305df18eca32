import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locales.ts';

export * from './locales.ts';

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

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { type Catalog, type Locale, locales } from '#i18n/translate.ts';
import { en as appEn } from '../../web/src/i18n/en.ts';
import { es as appEs } from '../../web/src/i18n/es.ts';
import { sv as appSv } from '../../web/src/i18n/sv.ts';

/**
 * Every language says everything English says, and nothing else: each catalog has the keys the others have, each
 * message parses as ICU MessageFormat and names the same values as the English one (a translation that drops `{email}`
 * would show a sentence without it), and each key is used by the code that reads the catalog — an unused key is a
 * sentence nobody maintains.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Family {
  name: string;
  catalogs: Record<Locale, Catalog<string>>;
  /** Where the keys are used, and the catalog files themselves (which name every key and do not count as a use). */
  sources: string[];
  catalogDir: string;
}

const families: Family[] = [
  {
    name: 'the web app',
    catalogs: { en: appEn, es: appEs, sv: appSv },
    sources: ['web/src'],
    catalogDir: 'web/src/i18n',
  },
];

const sourcesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesUnder(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );

/**
 * The values a message shows, in plurals' and selects' branches too: `{name}`, formatted numbers and dates, a plural's
 * count. A select's value only chooses words, and each language's grammar chooses by its own (English by how many
 * were asked, Spanish by whether they are named), so it is not compared.
 */
const valuesOf = (message: string, locale: Locale): string[] => {
  const names = new Set<string>();
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && ![0, 5].includes(element.type))
        names.add(element.value);
      if ('options' in element)
        for (const option of Object.values(element.options) as { value: typeof elements }[]) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
};

/** Keys named in the code as string literals ('catalog.title'), the catalogs themselves left out. */
const keysUsedIn = (family: Family): Set<string> => {
  const text = family.sources
    .flatMap(sourcesUnder)
    .filter((file) => !file.startsWith(`${family.catalogDir}/`) || file.endsWith('.tsx'))
    .map((file) => readFileSync(join(root, file), 'utf8'))
    .join('\n');
  return new Set([...text.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)].map((m) => m[1]!));
};

describe.each(families)('the catalogs of $name', (family) => {
  const english = Object.keys(family.catalogs.en).sort();

  it.each(locales.filter((l) => l !== 'en'))('%s has every English key and no other', (locale) => {
    const keys = Object.keys(family.catalogs[locale]).sort();
    expect({
      missing: english.filter((k) => !keys.includes(k)),
      extra: keys.filter((k) => !english.includes(k)),
    }).toEqual({ missing: [], extra: [] });
  });

  it.each(locales.filter((l) => l !== 'en'))('%s shows the same values in every message as English', (locale) => {
    const differing = english.filter(
      (key) =>
        valuesOf(family.catalogs[locale][key]!, locale).join() !== valuesOf(family.catalogs.en[key]!, 'en').join(),
    );
    expect(differing).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s is translated: no message is left as its English', (locale) => {
    const untranslated = english.filter(
      (key) =>
        family.catalogs[locale][key] === family.catalogs.en[key] &&
        wordsOf(family.catalogs.en[key]!).some((word) => !sameAsEnglish[locale].has(word)),
    );
    expect(untranslated).toEqual([]);
  });

  it('uses every key it keeps', () => {
    const used = keysUsedIn(family);
    expect(english.filter((key) => !used.has(key))).toEqual([]);
  });

  it('finds its sources', () => {
    expect(family.sources.flatMap(sourcesUnder).length).toBeGreaterThan(10);
    expect(relative(root, join(root, family.catalogDir))).toBe(family.catalogDir);
  });
});

/** A message's words, its values and symbols left out: '{sku} · per {unit}' is ['per']. */
const wordsOf = (message: string): string[] =>
  message
    .replaceAll(/\{[^{}]*\}/g, ' ')
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 0);

/** Words spelled the same in English and in a translation: a message made only of them may stay as it is. */
const sameAsEnglish: Record<Locale, ReadonlySet<string>> = {
  en: new Set(),
  es: new Set(['Total']),
  sv: new Set(['Status', 'Order', 'Problem', 'per', 'under']),
};

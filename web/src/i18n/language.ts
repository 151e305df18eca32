import { type Catalog, fallbackLocale, type Locale, localeOf, type Translate, translator } from '#i18n/translate.ts';
import type { AppMessage } from './en.ts';

/**
 * One chunk per language, fetched when it is first read: a first visit downloads the language it opens in and no
 * other (the initial JavaScript budget counts the entry script and what it preloads, never these).
 */
const catalogs: Record<Locale, () => Promise<Catalog<AppMessage>>> = {
  en: () => import('./en.ts').then((m) => m.en),
  es: () => import('./es.ts').then((m) => m.es),
  sv: () => import('./sv.ts').then((m) => m.sv),
};

let current: { locale: Locale; t: Translate<AppMessage> } | undefined;
const listeners = new Set<() => void>();

/** The app's words in the person's language; only after `readIn` has loaded it (main.tsx does before rendering). */
export const t: Translate<AppMessage> = (key, values) => {
  if (!current) throw new Error(`The app's language is not loaded yet (asked for ${key})`);
  return current.t(key, values);
};

export const appLocale = (): Locale => current?.locale ?? fallbackLocale;

const remembered = 'quote-to-order.language';

/** The language this browser was last given in the picker, else the first of ours it asks for, else English. */
export const preferredLocale = (): Locale => {
  let chosen: string | null = null;
  try {
    chosen = localStorage.getItem(remembered);
  } catch {
    // Storage refused (a private window's settings): the browser's languages decide.
  }
  return localeOf(chosen) ?? navigator.languages.map(localeOf).find((l) => l !== undefined) ?? fallbackLocale;
};

/** Loads a language and makes it the app's words (main.tsx declares it on `<html lang>`). */
export const readIn = async (locale: Locale): Promise<void> => {
  const catalog = await catalogs[locale]();
  current = { locale, t: translator(locale, catalog) };
};

/** The picker's choice: remembered in this browser, loaded, and every page drawn again in it. */
export const switchLanguage = async (locale: Locale): Promise<void> => {
  try {
    localStorage.setItem(remembered, locale);
  } catch {
    // Not remembered; this visit still switches.
  }
  await readIn(locale);
  for (const listener of listeners) listener();
};

export const onLanguageSwitched = (listener: () => void): void => {
  listeners.add(listener);
};

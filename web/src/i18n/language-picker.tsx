import { isLocale, localeNames, locales } from '#i18n/translate.ts';
import { appLocale, switchLanguage, t } from './language.ts';

/** The language the app speaks, each offered in its own name and marked with it (`lang`) for screen readers. */
export const LanguagePicker = () => (
  <label class="language">
    <span class="visually-hidden">{t('app.language')}</span>
    <select
      value={appLocale()}
      onChange={(e) => {
        const chosen = e.currentTarget.value;
        if (isLocale(chosen)) void switchLanguage(chosen);
      }}
    >
      {locales.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {localeNames[locale]}
        </option>
      ))}
    </select>
  </label>
);

/**
 * HTML built from a tagged template that escapes every interpolated value, so nothing a buyer, rep or approver typed
 * (names, comments, SKUs) can become markup in a page or an email. Trusted fragments are `Html` values made by `html`.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

type Value = Html | string | number | null | undefined | false | readonly Value[];

const render = (value: Value): string => {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

export const html = (strings: TemplateStringsArray, ...values: Value[]): Html =>
  new Html(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i] as Value) : ''), ''));

/** Markup written in this codebase (a constant stylesheet), never anything that came from a request or the table. */
export const trusted = (markup: string): Html => new Html(markup);

import { contractFetch } from '../../e2e/contract.ts';

export interface Page {
  status: number;
  headers: Headers;
  html: string;
}

export interface Choice {
  decision: 'approve' | 'reject';
  comment?: string;
  /** What the rep types into the page's unit price fields, by sku, in major units ("85.50"). */
  prices?: Record<string, string>;
}

/** Opens an emailed link in a browser: GET, as mail scanners and link previews do too. */
export const openLink = async (link: string): Promise<Page> => {
  const response = await contractFetch(link, { headers: { accept: 'text/html' } });
  return { status: response.status, headers: response.headers, html: await response.text() };
};

/** Presses a button on the link's page: the form posts back to the same URL. */
export const clickLink = async (link: string, choice: Choice): Promise<Page> => {
  const form = new URLSearchParams({ decision: choice.decision });
  if (choice.comment) form.set('comment', choice.comment);
  for (const [sku, price] of Object.entries(choice.prices ?? {})) form.set(`price:${sku}`, price);
  const response = await contractFetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: form.toString(),
  });
  return { status: response.status, headers: response.headers, html: await response.text() };
};

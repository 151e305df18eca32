/**
 * Where emails and old URLs send people in the web app, which is served under `/app` on the site's origin (the same
 * origin as the API and the email-link pages). Deep links survive the sign-in: the app returns to them after it.
 */
export const appLinks = (publicBaseUrl: string) => {
  const app = `${publicBaseUrl.replace(/\/+$/, '')}/app`;
  return {
    /** Where a person starts: the app's address as an invitation names it. */
    home: `${app}/`,
    rfq: (rfqId: string) => `${app}/rfqs/${encodeURIComponent(rfqId)}`,
    /** The app page that fetches the quote PDF with the person's sign-in and opens it. */
    quotePdf: (rfqId: string) => `${app}/rfqs/${encodeURIComponent(rfqId)}/pdf`,
    order: (orderId: string) => `${app}/orders/${encodeURIComponent(orderId)}`,
  };
};

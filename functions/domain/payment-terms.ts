/**
 * Payment terms as a buyer reads them. The company record keeps a short code (`NET30`, the form ERPs exchange);
 * screens, emails and documents say "Net 30 days". A code with no wording here reads as its words in sentence case,
 * never as the bare code.
 */
const named: Record<string, string> = {
  COD: 'Cash on delivery',
  CIA: 'Cash in advance',
  PREPAID: 'Paid in advance',
  DUE_ON_RECEIPT: 'Due on receipt',
  EOM: 'Due at the end of the month',
};

const days = (count: string): string => `${Number(count)} ${Number(count) === 1 ? 'day' : 'days'}`;

export const paymentTermsText = (code: string): string => {
  const net = /^NET_?(\d{1,3})$/.exec(code);
  if (net) return `Net ${days(net[1]!)}`;
  // "2_10_NET30": 2% off when paid within 10 days, else the whole amount within 30.
  const early = /^(\d{1,2})_(\d{1,3})_NET_?(\d{1,3})$/.exec(code);
  if (early) return `${Number(early[1])}% discount if paid within ${days(early[2]!)}, net ${days(early[3]!)}`;
  const words = code.replaceAll('_', ' ').toLowerCase();
  return named[code] ?? words.charAt(0).toUpperCase() + words.slice(1);
};

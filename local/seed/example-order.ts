import { type Order, orderFrom } from '#domain/order.ts';
import { priceRequest } from '#domain/pricing.ts';
import type { Rfq } from '#domain/rfq.ts';
import { products } from './catalog.ts';
import { acme, contractsFor } from './companies.ts';

const orderedAt = '2026-11-23T15:04:05.000Z';

/**
 * An order of the seeded data, the same every time: Dana of Acme orders screws, gloves and scanners at Acme's contract
 * prices for the Reno plant, wanted by 15 December. The examples in docs/integration/ are its documents.
 */
export const exampleOrder = (): Order => {
  const contract = contractsFor(new Date(orderedAt)).find((c) => c.companyId === acme.companyId);
  const lines = [
    { sku: 'FAS-HCS-M8-50', quantity: 200 },
    { sku: 'SAF-GLV-NIT-L', quantity: 100 },
    { sku: 'ELE-SCN-2D', quantity: 2 },
  ];
  const quote = priceRequest({
    lines,
    products: new Map(products.map((product) => [product.sku, product])),
    ...(contract && { contract }),
    on: orderedAt.slice(0, 10),
    currency: acme.currency,
    version: 1,
    pricedAt: orderedAt,
  });
  const rfq: Rfq = {
    rfqId: 'rfq_example4471',
    quoteNumber: 'Q-2026-00042',
    companyId: acme.companyId,
    buyerEmail: 'dana@acme.example',
    accountRepEmail: acme.accountRepEmail,
    submittedBy: { email: 'dana@acme.example', role: 'buyer' },
    status: 'APPROVED',
    version: 9,
    createdAt: orderedAt,
    updatedAt: orderedAt,
    currency: acme.currency,
    lines,
    requestedDeliveryDate: '2026-12-15',
    shipToId: 'reno-plant',
    quote,
    poNumber: 'PO-ACME-4471',
    approvals: [],
  };
  return orderFrom(rfq, { paymentTerms: acme.paymentTerms, at: orderedAt, customer: acme });
};

/** The seller as `npm start` names it. */
export const exampleSeller = { name: 'Northwind Industrial', email: 'orders@northwind.example' };

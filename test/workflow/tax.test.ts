import { beforeAll, describe, expect, it } from 'vitest';
import type { Company } from '#domain/company.ts';
import { orderIdFor } from '#domain/order.ts';
import type { Rfq } from '#domain/rfq.ts';
import { reverseChargeNote, type TaxSettings } from '#domain/tax.ts';
import { quotePdfReply } from '#http/quote-pdf-reply.ts';
import { anAddress, aShipTo } from '../builders/address.ts';
import { aCompanyLike } from '../builders/company.ts';
import { pdfLines } from '../pdf/read-pdf.ts';
import { aDeal, type Deal } from './support/deal.ts';
import { buyerDecides, submitAndQuote } from './support/drive.ts';
import { useWorld } from './support/world.ts';

const world = useWorld();

/** A seller established in Sweden: moms at home, the destination's VAT for an EU buyer without a VAT id. */
const swedishSeller: TaxSettings = {
  homeCountry: 'SE',
  rates: [
    { country: 'SE', taxClass: 'standard', rate: 25, label: 'Moms' },
    { country: 'DE', taxClass: 'standard', rate: 19, label: 'MwSt' },
  ],
};

const shippingTo = (country: string) =>
  [
    anAddress('Accounts payable', { country, region: undefined }),
    aShipTo('dock', 'Dock', { country, region: undefined }),
  ] as const;

/** A deal whose company is changed by `change` (its addresses, tax id, exemption) before anything is priced. */
const aDealWhere = async (change: (company: ReturnType<typeof aCompanyLike>) => { build(): Company }) => {
  const deal = await aDeal(world, { rules: 'none' });
  await world.store.catalog.putCompany(change(aCompanyLike(deal.company)).build());
  return deal;
};

/** The deal's RFQ, quoted by the rep from the email link, then accepted: the order it becomes. */
const quoteAndOrder = async (deal: Deal) => {
  const quoted = await submitAndQuote(world, deal);
  await buyerDecides(world, quoted, deal.buyer, { decision: 'accept', poNumber: 'PO-TAX-1' });
  await world.statusReaches(quoted.rfqId, 'ORDERED');
  const order = await world.store.orders.get(orderIdFor(quoted.rfqId));
  return { quoted, order: order! };
};

const pdfText = async (rfq: Rfq) => {
  const reply = await quotePdfReply(world.store, rfq, world.config);
  return (await pdfLines(reply.bytes)).lines;
};

beforeAll(async () => {
  await world.store.catalog.putTaxSettings(swedishSeller);
});

describe('tax on quotes and orders', () => {
  it('charges a Swedish ship-to 25 % moms, shows it before accepting, and the order carries it to the cent', async () => {
    const deal = await aDealWhere((company) => company.at(...shippingTo('SE')).withTaxId('SE556677889901'));
    const { quoted, order } = await quoteAndOrder(deal);

    // 10 valves at 90.00 and 4 gaskets at 23.75 = 995.00; 25 % of each line, rounded per line: 225.00 + 23.75.
    expect(quoted.quote).toMatchObject({
      total: 995_00,
      taxes: [{ label: 'Moms', rate: 25, base: 995_00, amount: 248_75 }],
      taxTotal: 248_75,
      grandTotal: 1_243_75,
    });
    const mail = await world.mailArrives(deal.people.buyer, 'Your quote');
    expect(mail.text).toContain('Moms 25 %: $248.75');
    expect(mail.text).toContain('Total with tax: $1,243.75');
    expect(await pdfText(quoted)).toContain('Total with tax $1,243.75');

    expect(order).toMatchObject({
      total: 995_00,
      taxes: quoted.quote!.taxes,
      taxTotal: quoted.quote!.taxTotal,
      grandTotal: quoted.quote!.grandTotal,
    });
    const created = world.events
      .events()
      .find(
        (e) => e['detail-type'] === 'order.created' && (e.detail as { orderId?: string }).orderId === order.orderId,
      );
    expect(created?.detail).toMatchObject({ total: 995_00, taxTotal: 248_75, grandTotal: 1_243_75 });
  });

  it('reverse-charges a German buyer with a VAT id: no tax, and the legal note on the quote, its PDF and the order', async () => {
    const deal = await aDealWhere((company) => company.at(...shippingTo('DE')).withTaxId('DE 123 456 789'));
    const { quoted, order } = await quoteAndOrder(deal);

    expect(quoted.quote).toMatchObject({ taxes: [], taxTotal: 0, grandTotal: 995_00, taxNote: reverseChargeNote });
    expect((await pdfText(quoted)).join(' ')).toContain(reverseChargeNote);
    expect(order).toMatchObject({ taxes: [], taxTotal: 0, grandTotal: 995_00, taxNote: reverseChargeNote });
  });

  it('charges a German buyer without a VAT id German MwSt, where the goods go', async () => {
    const deal = await aDealWhere((company) => company.at(...shippingTo('DE')));
    const quoted = await submitAndQuote(world, deal);
    expect(quoted.quote).toMatchObject({ taxes: [{ label: 'MwSt', rate: 19, amount: 189_05 }], grandTotal: 1_184_05 });
  });

  it('charges an exempt company none, and says under which exemption', async () => {
    const deal = await aDealWhere((company) =>
      company.at(...shippingTo('SE')).exemptFromTax('Skatteverket dnr 2026-117'),
    );
    const { quoted, order } = await quoteAndOrder(deal);

    expect(quoted.quote).toMatchObject({
      taxes: [],
      taxTotal: 0,
      grandTotal: 995_00,
      taxNote: 'Exempt from tax: Skatteverket dnr 2026-117',
    });
    expect((await pdfText(quoted)).join(' ')).toContain('Exempt from tax: Skatteverket dnr 2026-117');
    expect(order.taxTotal).toBe(0);
  });
});

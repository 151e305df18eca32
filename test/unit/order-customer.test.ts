import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyAddressesSchema } from '#domain/address.ts';
import { companySchema } from '#domain/company.ts';
import { orderFrom } from '#domain/order.ts';
import { priceRequest } from '#domain/pricing.ts';
import { productSchema } from '#domain/product.ts';
import { documentedUnit, unitCode, unitCodeOfWord, unitCodes, x12UnitOf } from '#domain/unit-code.ts';
import { products } from '#local/seed/catalog.ts';
import { acme } from '#local/seed/companies.ts';
import { anAddress, aShipTo } from '../builders/address.ts';
import { aCompany } from '../builders/company.ts';
import { aProduct, catalogOf } from '../builders/product.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';

const at = '2026-11-23T10:00:00.000Z';
const quote = aQuote().withLine('BOLT-M8', 100, 12_00, { unit: 'box', unitCode: 'XBX' }).build();
const approved = anRfq('rfq_abc').withQuote(quote).withStatus('APPROVED').withPoNumber('PO-7');
const customer = aCompany('acme')
  .named('Acme Inc.')
  .inErpAs('C-100234')
  .at(anAddress('Acme AP'), aShipTo('oakland'), aShipTo('reno'))
  .build();

describe('an order carries what its documents need', () => {
  it('the customer’s ERP number, bill-to, the ship-to its RFQ named, the delivery date and the quote’s line ids', () => {
    const order = orderFrom(approved.shippingTo('reno', '2026-12-15').build(), {
      paymentTerms: 'NET30',
      at,
      customer,
    });
    expect(order).toMatchObject({
      companyName: 'Acme Inc.',
      erpCustomerNumber: 'C-100234',
      billTo: anAddress('Acme AP'),
      shipTo: aShipTo('reno'),
      requestedDeliveryDate: '2026-12-15',
    });
    expect(order.lines.map((l) => [l.lineId, l.unitCode])).toEqual([['L1', 'XBX']]);
  });

  it('ships to the company’s first place when the RFQ names none, or one the company has removed since', () => {
    for (const rfq of [approved.build(), approved.shippingTo('closed-dock').build()])
      expect(orderFrom(rfq, { paymentTerms: 'NET30', at, customer }).shipTo).toEqual(aShipTo('oakland'));
  });

  it('an order of a company without addresses or ERP number has neither, rather than made-up ones', () => {
    const order = orderFrom(approved.build(), { paymentTerms: 'NET30', at, customer: aCompany('acme').build() });
    expect(order).not.toHaveProperty('billTo');
    expect(order).not.toHaveProperty('shipTo');
    expect(order).not.toHaveProperty('erpCustomerNumber');
  });
});

describe('company addresses and numbers are checked where they come in', () => {
  const problems = (value: unknown) =>
    companySchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('names the field: a country not in ISO 3166-1 alpha-2, a ship-to id listed twice, an ERP number with a separator', () => {
    const company = aCompany('acme').build();
    expect(
      problems({ ...company, addresses: { billTo: anAddress('AP', { country: 'USA' }), shipTo: [aShipTo('a')] } }),
    ).toEqual([expect.stringMatching(/^addresses\.billTo\.country: an ISO 3166-1 alpha-2/)]);
    expect(problems({ ...company, addresses: { billTo: anAddress(), shipTo: [aShipTo('a'), aShipTo('a')] } })).toEqual([
      'addresses.shipTo.1.shipToId: a is listed twice',
    ]);
    expect(problems({ ...company, erpCustomerNumber: 'C*1~2' })).toEqual([
      expect.stringMatching(/^erpCustomerNumber: letters, digits/),
    ]);
    expect(problems({ ...company, addresses: { billTo: anAddress(), shipTo: [] } })).toEqual([
      expect.stringMatching(/^addresses\.shipTo: /),
    ]);
  });

  it('an address takes only its own fields', () => {
    const result = companyAddressesSchema.safeParse({
      billTo: { ...anAddress(), street: 'x' },
      shipTo: [aShipTo('a')],
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['billTo']);
  });

  it('the seeded companies have both, and every seeded product a unit code', () => {
    expect(companySchema.parse(acme)).toMatchObject({ erpCustomerNumber: 'C-100234', addresses: { shipTo: [{}, {}] } });
    for (const product of products) expect(productSchema.parse(product).unitCode, product.sku).toBeDefined();
  });
});

describe('units as UN/ECE Rec 20 codes', () => {
  it('a product’s line carries its code, its unit word’s when it has none, and no code for a word none is known for', () => {
    const priced = (product: ReturnType<typeof aProduct>) =>
      priceRequest({
        currency: 'USD',
        lines: [{ sku: 'P-1', quantity: 2 }],
        products: catalogOf(product),
        on: '2026-11-23',
        version: 1,
        pricedAt: at,
      }).lines[0];
    expect(priced(aProduct('P-1').soldBy('bundle'))?.unitCode).toBe('XBE');
    expect(priced(aProduct('P-1').soldBy('bag').codedAs('KGM'))?.unitCode).toBe('KGM');
    expect(priced(aProduct('P-1').soldBy('bag'))).not.toHaveProperty('unitCode');
  });

  it('every code has an X12 unit of two characters, and every listed word finds its code in any case', () => {
    for (const code of unitCodes) expect(x12UnitOf(code)).toMatch(/^[A-Z]{2}$/);
    fc.assert(
      fc.property(fc.constantFrom('each', 'box', 'Case', 'ROLL', ' pair '), (word) => {
        const code = unitCodeOfWord(word);
        expect(code && unitCode.parse(code)).toBe(code);
      }),
    );
  });

  it('a line documents its own code, else its word’s, else pieces (H87)', () => {
    expect(documentedUnit({ unit: 'box', unitCode: 'XCS' })).toBe('XCS');
    expect(documentedUnit({ unit: 'Box' })).toBe('XBX');
    expect(documentedUnit({ unit: '' })).toBe('H87');
  });

  it('a code outside the list is refused with the list', () => {
    expect(unitCode.safeParse('BOX').error?.issues[0]?.message).toMatch(/^a UN\/ECE Rec 20 unit code .*EA, H87/);
  });
});

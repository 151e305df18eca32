import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { X12Interchange, X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { decimalAmount } from '#domain/money-format.ts';
import type { Order } from '#domain/order.ts';
import { quoteTax, reverseChargeNote, type TaxRate } from '#domain/tax.ts';
import { unitCodes, x12UnitOf } from '#domain/unit-code.ts';
import { exampleOrder, exampleSeller } from '#local/seed/example-order.ts';
import { cxmlOrderRequest } from '#rendering/order-documents/cxml.ts';
import { DocumentUnwritable, documentOrderOf } from '#rendering/order-documents/document-order.ts';
import { peppolOrder, ublNamespaces, ublOrder } from '#rendering/order-documents/ubl.ts';
import { x12PurchaseOrder } from '#rendering/order-documents/x12-850.ts';
import { anAddress, aShipTo } from '../builders/address.ts';

const seller = exampleSeller;
const moms: TaxRate = { country: 'SE', taxClass: 'standard', rate: 25, label: 'Moms' };
/** Read with fast-xml-parser, an independent parser: nothing of xmlbuilder2 reads these documents back. */
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['ItemOut', 'cac:OrderLine', 'Street', 'Extrinsic'].includes(name),
});
// biome-ignore lint/suspicious/noExplicitAny: a parsed document's shape is what the assertions check
type XmlRead = any;
const readXml = (document: string): XmlRead => {
  expect(XMLValidator.validate(document), 'well-formed XML').toBe(true);
  return xml.parse(document);
};
/** Read with node-x12's strict parser: one interchange (not several: a "fat" one would be a bug here). */
const readX12 = (document: string): X12Interchange => {
  const read = new X12Parser(true).parse(document);
  if (!(read instanceof X12Interchange)) throw new Error('more than one interchange');
  return read;
};

/** What the documents say of each line, read back: id, sku, quantity, unit, price. */
type LineRead = [lineId: string, sku: string, quantity: string, unit: string, price: string];

const cxmlLines = (document: string): LineRead[] =>
  readXml(document).cXML.Request.OrderRequest.ItemOut.map((item: XmlRead) => [
    item.ItemDetail.Extrinsic.find((e: Record<string, string>) => e['@name'] === 'lineId')['#text'],
    item.ItemID.SupplierPartID,
    item['@quantity'],
    item.ItemDetail.UnitOfMeasure,
    item.ItemDetail.UnitPrice.Money['#text'],
  ]);

const ublLines = (document: string): LineRead[] =>
  readXml(document).Order['cac:OrderLine'].map(({ 'cac:LineItem': item }: XmlRead) => [
    item['cbc:ID'],
    item['cac:Item']['cac:SellersItemIdentification']['cbc:ID'],
    item['cbc:Quantity']['#text'],
    item['cbc:Quantity']['@unitCode'],
    item['cac:Price']['cbc:PriceAmount']['#text'],
  ]);

const x12Lines = (document: string): LineRead[] => {
  const [transaction] = readX12(document).functionalGroups[0]!.transactions;
  return transaction!.segments
    .filter((s) => s.tag === 'PO1')
    .map((s) => [s.valueOf(1), s.valueOf(7), s.valueOf(2), s.valueOf(3), s.valueOf(4)]);
};

describe('the seeded example order in docs/integration/', () => {
  const order = documentOrderOf(exampleOrder(), seller);
  const example = (file: string) => readFileSync(new URL(`../../docs/integration/${file}`, import.meta.url), 'utf8');

  it.each([
    ['order.cxml.xml', cxmlOrderRequest],
    ['order.ubl.xml', ublOrder],
    ['order.x12.edi', x12PurchaseOrder],
  ])('%s is what the API writes for it (regenerate: npm run docs:integration)', (file, write) => {
    expect(example(file)).toBe(write(order));
  });

  const expected: LineRead[] = [
    ['L1', 'FAS-HCS-M8-50', '200', 'XBX', '14.20'],
    ['L2', 'SAF-GLV-NIT-L', '100', 'XBX', '11.80'],
    ['L3', 'ELE-SCN-2D', '2', 'EA', '172.00'],
  ];

  it('cXML: an OrderRequest under the PO number, from the customer by its ERP number, billed and shipped as ordered', () => {
    const document = example('order.cxml.xml');
    expect(document).toContain('<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd">');
    const { cXML } = readXml(document);
    expect(cXML.Header.From.Credential).toMatchObject({ '@domain': 'CustomerNumber', Identity: 'C-100234' });
    const head = cXML.Request.OrderRequest.OrderRequestHeader;
    expect(head).toMatchObject({
      '@orderID': 'PO-ACME-4471',
      '@type': 'new',
      Total: { Money: { '#text': '4364.00' } },
    });
    expect(head.ShipTo.Address['@addressID']).toBe('reno-plant');
    expect(head.ShipTo.Address.PostalAddress).toMatchObject({ City: 'Reno', State: 'NV', PostalCode: '89502' });
    expect(head.BillTo.Address.PostalAddress.Street).toEqual(['1200 Harbor Boulevard', 'Suite 400']);
    expect(head.PaymentTerm['@payInNumberOfDays']).toBe('30');
    expect(cXML.Request.OrderRequest.ItemOut[0]['@requestedDeliveryDate']).toBe('2026-12-15');
    expect(cxmlLines(document)).toEqual(expected);
  });

  it('UBL: a PEPPOL BIS Ordering 3 order, its top-level elements in the schema’s sequence', () => {
    const document = example('order.ubl.xml');
    const { Order } = readXml(document);
    expect(Order['@xmlns']).toBe(ublNamespaces.order);
    expect(Order).toMatchObject({
      'cbc:CustomizationID': peppolOrder.customizationId,
      'cbc:ProfileID': peppolOrder.profileId,
      'cbc:ID': 'PO-ACME-4471',
      'cbc:SalesOrderID': 'ord_example4471',
      'cbc:IssueDate': '2026-11-23',
      'cbc:DocumentCurrencyCode': 'USD',
    });
    const buyer = Order['cac:BuyerCustomerParty']['cac:Party'];
    expect(buyer['cac:PartyIdentification']['cbc:ID']).toBe('C-100234');
    expect(Order['cac:Delivery']['cac:DeliveryLocation']['cbc:ID']).toBe('reno-plant');
    expect(Order['cac:Delivery']['cac:RequestedDeliveryPeriod']['cbc:EndDate']).toBe('2026-12-15');
    expect(Order['cac:AnticipatedMonetaryTotal']['cbc:PayableAmount']).toEqual({
      '#text': '4364.00',
      '@currencyID': 'USD',
    });
    expect(ublLines(document)).toEqual(expected);
    // UBL-Order-2.1.xsd's sequence of the Order's children, of those this document uses.
    const sequence = [
      'cbc:CustomizationID',
      'cbc:ProfileID',
      'cbc:ID',
      'cbc:SalesOrderID',
      'cbc:IssueDate',
      'cbc:IssueTime',
      'cbc:OrderTypeCode',
      'cbc:DocumentCurrencyCode',
      'cac:QuotationDocumentReference',
      'cac:BuyerCustomerParty',
      'cac:SellerSupplierParty',
      'cac:Delivery',
      'cac:PaymentTerms',
      'cac:AnticipatedMonetaryTotal',
      'cac:OrderLine',
    ];
    const ordered = new XMLParser({ preserveOrder: true }).parse(document) as Record<string, unknown[]>[];
    const children = (ordered.find((node) => 'Order' in node)?.Order ?? []).map(
      (child) => Object.keys(child as object)[0],
    );
    expect([...new Set(children)]).toEqual(sequence);
  });

  it('X12: an 850 of 004010 whose envelope and counts a strict parser accepts', () => {
    const document = example('order.x12.edi');
    const interchange = readX12(document);
    expect(document.split('\n')[0]).toHaveLength(106);
    expect(interchange.header.valueOf(6)).toBe('C-100234       ');
    expect(interchange.header.valueOf(12)).toBe('00401');
    const group = interchange.functionalGroups[0]!;
    expect([group.header.valueOf(1), group.header.valueOf(8)]).toEqual(['PO', '004010']);
    const [transaction] = group.transactions;
    expect(transaction!.header.valueOf(1)).toBe('850');
    const segment = (tag: string, n = 0) => transaction!.segments.filter((s) => s.tag === tag)[n]!;
    expect([segment('BEG').valueOf(3), segment('BEG').valueOf(5)]).toEqual(['PO-ACME-4471', '20261123']);
    expect(segment('DTM').valueOf(2)).toBe('20261215');
    expect([segment('N1', 2).valueOf(1), segment('N1', 2).valueOf(4)]).toEqual(['ST', 'reno-plant']);
    expect(segment('CTT').valueOf(1)).toBe('3');
    expect(segment('AMT').valueOf(2)).toBe('4364.00');
    expect(x12Lines(document)).toEqual(
      expected.map(([id, sku, qty, unit, price]) => [id, sku, qty, unit.replace('XBX', 'BX'), price]),
    );
  });
});

/** Text a person may type into a single-line field: any script, XML's and X12's special characters included. */
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .map((s) => s.replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF\u2028\u2029]/gu, '').trim())
  .filter((s) => s.length > 0);
const anyText = fc.oneof(text, fc.constantFrom('A & B <Co>', 'Screws *M8* ~box~ >100', 'Ölfass "Größe" 1/2'));
const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD');
/** A cost unlike any price the arbitrary order has: if it shows, it leaked. */
const leakedCost = 987_654_321;

const anOrder = fc
  .record({
    currency,
    poNumber: fc.stringMatching(/^[A-Za-z0-9-]{1,22}$/),
    companyName: anyText,
    billToName: anyText,
    city: anyText,
    lines: fc.array(
      fc.record({
        name: anyText,
        sku: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,47}$/),
        quantity: fc.integer({ min: 1, max: 10_000_000 }),
        unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
        unitCode: fc.constantFrom(...unitCodes),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ currency, poNumber, companyName, billToName, city, lines }): Order => {
    const priced = lines.map((line, index) => ({
      ...line,
      lineId: `L${index + 1}`,
      unit: 'unit',
      listPrice: line.unitPrice,
      contractPrice: null,
      lineTotal: line.unitPrice * line.quantity,
      priceSource: 'list price',
      cost: leakedCost,
      adjustedBy: 'rep@seller.example',
    }));
    const total = priced.reduce((sum, line) => sum + line.lineTotal, 0);
    return {
      orderId: 'ord_property',
      rfqId: 'rfq_property',
      companyId: 'acme',
      companyName,
      erpCustomerNumber: 'C-1',
      buyerEmail: 'buyer@acme.example',
      poNumber,
      quoteVersion: 1,
      currency,
      lines: priced,
      subtotal: total,
      total,
      paymentTerms: 'NET30',
      billTo: anAddress(billToName, { city }),
      shipTo: aShipTo('dock-1'),
      requestedDeliveryDate: '2026-12-15',
      createdAt: '2026-11-23T15:04:05.000Z',
    };
  });

describe('any order, read back by independent parsers', () => {
  const linesOf = (order: Order): LineRead[] =>
    order.lines.map((l) => [
      l.lineId,
      l.sku,
      String(l.quantity),
      l.unitCode!,
      decimalAmount(l.unitPrice!, order.currency),
    ]);

  it('cXML and UBL say exactly what the order holds: every line, every name as typed, the total', () => {
    fc.assert(
      fc.property(anOrder, (order) => {
        const document = documentOrderOf(order, seller);
        const cxml = cxmlOrderRequest(document);
        const ubl = ublOrder(document);
        expect(cxmlLines(cxml)).toEqual(linesOf(order));
        expect(ublLines(ubl)).toEqual(linesOf(order));
        const { cXML } = readXml(cxml);
        const items = cXML.Request.OrderRequest.ItemOut.map((item: XmlRead) => item.ItemDetail.Description['#text']);
        expect(items).toEqual(order.lines.map((l) => l.name));
        expect(cXML.Request.OrderRequest.OrderRequestHeader.BillTo.Address.Name['#text']).toBe(order.billTo!.name);
        const { Order: ublRead } = readXml(ubl);
        expect(ublRead['cac:BuyerCustomerParty']['cac:Party']['cac:PartyName']['cbc:Name']).toBe(order.companyName);
        expect(ublRead['cac:AnticipatedMonetaryTotal']['cbc:PayableAmount']['#text']).toBe(
          decimalAmount(order.total, order.currency),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('X12: a strict parser reads the envelope and counts, every PO1 as ordered, no separator inside any text', () => {
    fc.assert(
      fc.property(anOrder, (order) => {
        const edi = x12PurchaseOrder(documentOrderOf(order, seller));
        expect(edi.split('\n')[0]).toHaveLength(106);
        expect(x12Lines(edi)).toEqual(
          linesOf(order).map(([id, sku, qty, unit, price]) => [id, sku, qty, x12UnitOf(unit as never), price]),
        );
        const segments = readX12(edi).functionalGroups[0]!.transactions[0]!.segments;
        for (const segment of segments)
          for (const element of segment.elements) expect(element.value).not.toMatch(/[*~>\n]|[^\x20-\x7e]/);
      }),
      { numRuns: 60 },
    );
  });

  it('never the seller’s cost, nor who adjusted a price: not in what documents are built from, nor in any document', () => {
    fc.assert(
      fc.property(anOrder, (order) => {
        const document = documentOrderOf(order, seller);
        expect(JSON.stringify(document)).not.toMatch(/cost|adjustedBy|rep@seller/);
        for (const written of [cxmlOrderRequest(document), ublOrder(document), x12PurchaseOrder(document)])
          expect(written).not.toContain(decimalAmount(leakedCost, order.currency));
      }),
      { numRuns: 30 },
    );
  });
});

describe('what X12 cannot say is refused, never cut short', () => {
  const order = exampleOrder();
  it.each([
    ['a PO number longer than BEG03’s 22 characters', { ...order, poNumber: 'PO-'.padEnd(23, '7') }, /PO number/],
    [
      'an order of a company without an ERP customer number',
      { ...order, erpCustomerNumber: undefined },
      /ERP customer number/,
    ],
  ])('%s', (_, changed, message) => {
    const { erpCustomerNumber, ...rest } = changed;
    const document = documentOrderOf(erpCustomerNumber === undefined ? rest : changed, seller);
    expect(() => x12PurchaseOrder(document)).toThrow(DocumentUnwritable);
    expect(() => x12PurchaseOrder(document)).toThrow(message);
    expect(() => ublOrder(document)).not.toThrow();
  });
});

describe('what the XML library costs the other functions', () => {
  it('nothing: only the documents route bundles it (the route table names the formats without their writers)', async () => {
    const bundled = async (entry: string) => {
      const { metafile } = await build({
        entryPoints: [entry],
        bundle: true,
        platform: 'node',
        format: 'esm',
        write: false,
        metafile: true,
        external: ['@aws-sdk/*'],
        logLevel: 'silent',
      });
      return Object.keys(metafile.inputs).some((input) => input.includes('node_modules/xmlbuilder2/'));
    };
    expect(await bundled('functions/http/get-order.ts')).toBe(false);
    expect(await bundled('functions/http/get-order-document.ts')).toBe(true);
  }, 30_000);
});

describe('the tax an order carries, in each document', () => {
  const swedish = { ...exampleOrder(), currency: 'SEK' };
  const taxed: Order = {
    ...swedish,
    ...quoteTax(swedish.lines, { homeCountry: 'SE', rates: [moms] }, { shipToCountry: 'SE' }),
  };
  const reverseCharged: Order = {
    ...swedish,
    ...quoteTax(swedish.lines, { homeCountry: 'SE', rates: [moms] }, { shipToCountry: 'DE', taxId: 'DE123456789' }),
  };

  it('UBL: a TaxTotal of the quote’s rows before the totals, and the grand total payable', () => {
    const ubl = ublOrder(documentOrderOf(taxed, seller));
    const { Order: read } = readXml(ubl);
    expect(read['cac:TaxTotal']['cbc:TaxAmount']['#text']).toBe(decimalAmount(taxed.taxTotal!, 'SEK'));
    expect(read['cac:TaxTotal']['cac:TaxSubtotal']['cac:TaxCategory']).toMatchObject({
      'cbc:ID': 'S',
      'cbc:Percent': '25',
      'cac:TaxScheme': { 'cbc:ID': 'VAT' },
    });
    expect(read['cac:AnticipatedMonetaryTotal']['cbc:TaxInclusiveAmount']['#text']).toBe(
      decimalAmount(taxed.grandTotal!, 'SEK'),
    );
    expect(read['cac:AnticipatedMonetaryTotal']['cbc:PayableAmount']['#text']).toBe(
      decimalAmount(taxed.grandTotal!, 'SEK'),
    );
    const ordered = new XMLParser({ preserveOrder: true }).parse(ubl) as Record<string, unknown[]>[];
    const children = (ordered.find((node) => 'Order' in node)?.Order ?? []).map((c) => Object.keys(c as object)[0]);
    expect(children.indexOf('cac:TaxTotal')).toBe(children.indexOf('cac:AnticipatedMonetaryTotal') - 1);
  });

  it('UBL: a reverse-charged order is charged none under category AE and says why, in a Note too', () => {
    const { Order: read } = readXml(ublOrder(documentOrderOf(reverseCharged, seller)));
    expect(read['cbc:Note']).toBe(reverseChargeNote);
    expect(read['cac:TaxTotal']['cbc:TaxAmount']['#text']).toBe('0.00');
    expect(read['cac:TaxTotal']['cac:TaxSubtotal']['cac:TaxCategory']).toMatchObject({
      'cbc:ID': 'AE',
      'cbc:TaxExemptionReason': reverseChargeNote,
    });
  });

  it('cXML: a Tax beside the net Total, a TaxDetail per rate', () => {
    const { cXML } = readXml(cxmlOrderRequest(documentOrderOf(taxed, seller)));
    const header = cXML.Request.OrderRequest.OrderRequestHeader;
    expect(header.Total.Money['#text']).toBe(decimalAmount(taxed.total, 'SEK'));
    expect(header.Tax.Money['#text']).toBe(decimalAmount(taxed.taxTotal!, 'SEK'));
    expect(header.Tax.TaxDetail['@percentageRate']).toBe('25');
    expect(header.Tax.TaxDetail.TaxAmount.Money['#text']).toBe(decimalAmount(taxed.taxTotal!, 'SEK'));
  });

  it('X12: a TXI per rate, an exempt TXI for a reverse charge, and AMT TT with tax', () => {
    const segments = (order: Order) =>
      readX12(x12PurchaseOrder(documentOrderOf(order, seller))).functionalGroups[0]!.transactions[0]!.segments;
    const txi = segments(taxed).find((s) => s.tag === 'TXI')!;
    expect([txi.valueOf(1), txi.valueOf(2), txi.valueOf(3)]).toEqual([
      'VA',
      decimalAmount(taxed.taxTotal!, 'SEK'),
      '25',
    ]);
    expect(
      segments(taxed)
        .find((s) => s.tag === 'AMT')!
        .valueOf(2),
    ).toBe(decimalAmount(taxed.grandTotal!, 'SEK'));
    expect(
      segments(reverseCharged)
        .find((s) => s.tag === 'TXI')!
        .valueOf(6),
    ).toBe('1');
  });
});

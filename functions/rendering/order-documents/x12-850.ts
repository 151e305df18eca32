import type { Address } from '#domain/address.ts';
import { decimalAmount } from '#domain/money-format.ts';
import { x12UnitOf } from '#domain/unit-code.ts';
import { type DocumentOrder, DocumentUnwritable, netDays } from './document-order.ts';
import { controlNumberOf, type Segment, x12Id, x12Interchange, x12Text } from './x12-writer.ts';

/** The seller's interchange id: its name in capitals, letters and digits only (ZZ, mutually defined). */
export const sellerInterchangeId = (sellerName: string): string =>
  sellerName
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 15)
    .padEnd(2, 'X');

const ccyymmdd = (isoDate: string): string => isoDate.slice(0, 10).replaceAll('-', '');

/** N1 (name, with an id), N3 (street) and N4 (place) of one party; N402 only for a two-letter state or province. */
const party = (code: string, name: string, place: Address | undefined, id?: readonly [string, string]): Segment[] => [
  ['N1', code, x12Text(name, 60), id?.[0], id?.[1]],
  ...(place
    ? ([
        ['N3', x12Text(place.line1, 55), place.line2 === undefined ? undefined : x12Text(place.line2, 55)],
        [
          'N4',
          x12Text(place.city, 30),
          place.region !== undefined && /^[A-Z]{2}$/.test(place.region) ? place.region : undefined,
          x12Text(place.postalCode, 15),
          place.country,
        ],
      ] as Segment[])
    : []),
];

/**
 * The order as an ANSI X12 850 purchase order, version 004010: BEG with the buyer's PO number and the order date,
 * CUR, REF VN with the seller's order id, ITD with the payment terms, DTM 002 with the requested delivery date, TXI
 * with the tax, N1 loops for the buyer (BY, by its number in the seller's ERP), bill-to (BT) and ship-to (ST), a PO1 per line (its
 * `lineId` as the assigned id, the X12 unit, the unit price, the seller's SKU as VP) with its description in PID,
 * then CTT (lines and quantities) and AMT TT (the total with tax). The sender is the buyer company, so the 850 needs its ERP
 * customer number; an order of a company without one, or with a PO number or SKU longer than X12 allows, is refused.
 */
/**
 * TXI, value added tax (VA): one per rate with its amount and percent; a reverse-charged or exempt order, charged
 * none, says so with TXI06 = 1 (tax exempt). None for an order taxed neither way.
 */
const taxInformation = (order: DocumentOrder): Segment[] => {
  const { taxes, taxNote } = order.tax;
  if (taxes.length === 0)
    return taxNote === undefined
      ? []
      : [['TXI', 'VA', decimalAmount(0, order.currency), undefined, undefined, undefined, '1']];
  return taxes.map((row): Segment => ['TXI', 'VA', decimalAmount(row.amount, order.currency), String(row.rate)]);
};

export const x12PurchaseOrder = (order: DocumentOrder): string => {
  const customer = order.buyer.erpCustomerNumber;
  if (customer === undefined)
    throw new DocumentUnwritable(
      `the X12 850 names its sender by the company's ERP customer number, and ${order.buyer.companyId} had none when it ordered`,
    );
  const days = netDays(order.paymentTerms);
  const segments: Segment[] = [
    ['BEG', '00', 'SA', x12Id(order.poNumber, 22, 'PO number'), undefined, ccyymmdd(order.orderedAt)],
    ['CUR', 'BY', order.currency],
    ['REF', 'VN', x12Id(order.orderId, 50, 'order id')],
    // PR: the price quote number the order accepts.
    ['REF', 'PR', x12Id(order.quoteName, 50, 'quote number')],
    [
      'ITD',
      '01',
      '3',
      undefined,
      undefined,
      undefined,
      undefined,
      days === undefined ? undefined : String(days),
      undefined,
      undefined,
      undefined,
      undefined,
      x12Text(order.paymentTerms, 80),
    ],
    ...(order.requestedDeliveryDate !== undefined
      ? ([['DTM', '002', ccyymmdd(order.requestedDeliveryDate)]] as Segment[])
      : []),
    ...taxInformation(order),
    ...party('BY', order.buyer.name, undefined, ['91', customer]),
    ...party('BT', order.billTo?.name ?? order.buyer.name, order.billTo),
    ...(order.shipTo
      ? party('ST', order.shipTo.name, order.shipTo, ['92', x12Id(order.shipTo.shipToId, 80, 'ship-to id')])
      : []),
    ...order.lines.flatMap((line): Segment[] => [
      [
        'PO1',
        x12Id(line.lineId, 20, 'line id'),
        String(line.quantity),
        x12UnitOf(line.unitCode),
        decimalAmount(line.unitPrice, order.currency),
        undefined,
        'VP',
        x12Id(line.sku, 48, 'SKU'),
      ],
      ['PID', 'F', undefined, undefined, undefined, x12Text(line.name, 80)],
    ]),
    // CTT02's hash total keeps its 10 low-order digits, as X12 says of a sum too long for it.
    ['CTT', String(order.lines.length), String(order.lines.reduce((sum, line) => sum + line.quantity, 0)).slice(-10)],
    ['AMT', 'TT', decimalAmount(order.tax.grandTotal, order.currency)],
  ];
  return x12Interchange({
    sender: customer,
    receiver: sellerInterchangeId(order.seller.name),
    at: order.orderedAt,
    controlNumber: controlNumberOf(order.orderId),
    functionalId: 'PO',
    version: '004010',
    usage: 'P',
    transactions: [{ id: '850', segments }],
  });
};

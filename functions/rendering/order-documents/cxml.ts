import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Address } from '#domain/address.ts';
import { decimalAmount } from '#domain/money-format.ts';
import { type DocumentOrder, netDays } from './document-order.ts';

/** The cXML DTD version the document declares and follows. */
export const cxmlVersion = '1.2.050';
const lang = { 'xml:lang': 'en' };

const money = (parent: XMLBuilder, amount: number, currency: string) =>
  parent.ele('Money', { currency }).txt(decimalAmount(amount, currency));

/** cXML's Address: its name, and its postal parts when the order has them (the DTD makes only the name required). */
const address = (parent: XMLBuilder, name: string, place: Address | undefined, addressID?: string) => {
  const node = parent.ele('Address', {
    ...(place && { isoCountryCode: place.country }),
    ...(addressID !== undefined && { addressID }),
  });
  node.ele('Name', lang).txt(name);
  if (!place) return;
  const postal = node.ele('PostalAddress', { name: 'default' });
  postal.ele('DeliverTo').txt(place.name);
  postal.ele('Street').txt(place.line1);
  if (place.line2 !== undefined) postal.ele('Street').txt(place.line2);
  postal.ele('City').txt(place.city);
  if (place.region !== undefined) postal.ele('State').txt(place.region);
  postal.ele('PostalCode').txt(place.postalCode);
  postal.ele('Country', { isoCountryCode: place.country }).txt(place.country);
};

/** The identity cXML's header names a party by: the buyer by its number in the seller's ERP when it has one. */
const credential = (parent: XMLBuilder, [domain, identity]: readonly [string, string]) =>
  parent.ele('Credential', { domain }).ele('Identity').txt(identity);

/**
 * The order's Tax beside its net Total: the sum, a TaxDetail per rate with its taxable base, and the note of a
 * reverse-charged or exempt order (which is charged none). An order with neither carries no Tax.
 */
const tax = (head: XMLBuilder, order: DocumentOrder) => {
  const { taxes, taxTotal, taxNote } = order.tax;
  if (taxes.length === 0 && taxNote === undefined) return;
  const node = head.ele('Tax');
  money(node, taxTotal, order.currency);
  node.ele('Description', lang).txt(taxNote ?? taxes.map((row) => `${row.label} ${row.rate}%`).join(', '));
  for (const row of taxes) {
    const detail = node.ele('TaxDetail', { category: 'vat', percentageRate: String(row.rate) });
    money(detail.ele('TaxableAmount'), row.base, order.currency);
    money(detail.ele('TaxAmount'), row.amount, order.currency);
    detail.ele('Description', lang).txt(row.label);
  }
};

/**
 * The order as a cXML 1.2 OrderRequest, the document SAP Ariba, Coupa and other procurement networks exchange. The
 * header's From is the buyer company, To the seller; no shared secret is carried (the document is read from the API
 * by a signed-in caller, not posted to a network). Lines carry the quote's line number, the seller's SKU, the unit as
 * a UN/ECE Rec 20 code (cXML's UnitOfMeasure) and the quote's `lineId` as an Extrinsic. Total is net of tax; the
 * quote's tax follows in Tax.
 */
export const cxmlOrderRequest = (order: DocumentOrder): string => {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).dtd({
    name: 'cXML',
    sysID: `http://xml.cxml.org/schemas/cXML/${cxmlVersion}/cXML.dtd`,
  });
  const root = doc.ele('cXML', {
    payloadID: `${Date.parse(order.orderedAt)}.${order.orderId}@quote-to-order`,
    timestamp: order.orderedAt,
    version: cxmlVersion,
    'xml:lang': 'en-US',
  });
  const header = root.ele('Header');
  const buyerId = order.buyer.erpCustomerNumber
    ? (['CustomerNumber', order.buyer.erpCustomerNumber] as const)
    : (['CompanyId', order.buyer.companyId] as const);
  credential(header.ele('From'), buyerId);
  credential(header.ele('To'), ['SupplierName', order.seller.name]);
  const sender = header.ele('Sender');
  credential(sender, buyerId);
  sender.ele('UserAgent').txt('quote-to-order');

  const request = root.ele('Request', { deploymentMode: 'production' }).ele('OrderRequest');
  const head = request.ele('OrderRequestHeader', {
    orderID: order.poNumber,
    orderDate: order.orderedAt,
    type: 'new',
    orderType: 'regular',
  });
  money(head.ele('Total'), order.total, order.currency);
  if (order.shipTo) address(head.ele('ShipTo'), order.shipTo.name, order.shipTo, order.shipTo.shipToId);
  address(head.ele('BillTo'), order.billTo?.name ?? order.buyer.name, order.billTo);
  tax(head, order);
  const days = netDays(order.paymentTerms);
  if (days !== undefined) head.ele('PaymentTerm', { payInNumberOfDays: String(days) });
  const contact = head.ele('Contact', { role: 'buyer' });
  contact.ele('Name', lang).txt(order.buyer.email);
  contact.ele('Email').txt(order.buyer.email);
  head.ele('Extrinsic', { name: 'orderId' }).txt(order.orderId);
  head.ele('Extrinsic', { name: 'rfqId' }).txt(order.rfqId);
  head.ele('Extrinsic', { name: 'quoteNumber' }).txt(order.quoteName);
  head.ele('Extrinsic', { name: 'paymentTerms' }).txt(order.paymentTerms);

  for (const line of order.lines) {
    const item = request.ele('ItemOut', {
      quantity: String(line.quantity),
      lineNumber: String(line.lineNumber),
      ...(order.requestedDeliveryDate !== undefined && { requestedDeliveryDate: order.requestedDeliveryDate }),
    });
    item.ele('ItemID').ele('SupplierPartID').txt(line.sku);
    const detail = item.ele('ItemDetail');
    money(detail.ele('UnitPrice'), line.unitPrice, order.currency);
    detail.ele('Description', lang).txt(line.name);
    detail.ele('UnitOfMeasure').txt(line.unitCode);
    // The DTD needs one classification; the seller's catalog category is the one the order knows.
    detail.ele('Classification', { domain: 'SupplierCategory' }).txt(line.category ?? 'general');
    detail.ele('Extrinsic', { name: 'lineId' }).txt(line.lineId);
  }
  return doc.end({ prettyPrint: true });
};

import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Address } from '#domain/address.ts';
import { decimalAmount } from '#domain/money-format.ts';
import { reverseChargeNote } from '#domain/tax.ts';
import type { DocumentOrder } from './document-order.ts';

export const ublNamespaces = {
  order: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

/** PEPPOL BIS Ordering 3's identifiers of the Order transaction and its process. */
export const peppolOrder = {
  customizationId: 'urn:fdc:peppol.eu:poacc:trns:order:3',
  profileId: 'urn:fdc:peppol.eu:poacc:bis:ordering:3',
} as const;

/** UN/CEFACT 1001: 220, an order. */
const orderTypeCode = '220';
/** PEPPOL's electronic address scheme (EAS) for an email address: the parties' addresses the order knows. */
const emailScheme = 'EM';

const cbc = (parent: XMLBuilder, name: string, text: string, attributes: Record<string, string> = {}) =>
  parent.ele(ublNamespaces.cbc, `cbc:${name}`, attributes).txt(text);
const cac = (parent: XMLBuilder, name: string) => parent.ele(ublNamespaces.cac, `cac:${name}`);
const amount = (parent: XMLBuilder, name: string, value: number, currency: string) =>
  cbc(parent, name, decimalAmount(value, currency), { currencyID: currency });

/** UBL's address, its parts in the order the schema sequences them. */
const postalAddress = (parent: XMLBuilder, name: string, place: Address) => {
  const node = cac(parent, name);
  cbc(node, 'StreetName', place.line1);
  if (place.line2 !== undefined) cbc(node, 'AdditionalStreetName', place.line2);
  cbc(node, 'CityName', place.city);
  cbc(node, 'PostalZone', place.postalCode);
  if (place.region !== undefined) cbc(node, 'CountrySubentity', place.region);
  cbc(cac(node, 'Country'), 'IdentificationCode', place.country);
};

const party = (
  parent: XMLBuilder,
  who: { name: string; email: string; id?: string | undefined; address?: Address | undefined },
) => {
  const node = cac(parent, 'Party');
  cbc(node, 'EndpointID', who.email, { schemeID: emailScheme });
  if (who.id !== undefined) cbc(cac(node, 'PartyIdentification'), 'ID', who.id);
  cbc(cac(node, 'PartyName'), 'Name', who.name);
  if (who.address) postalAddress(node, 'PostalAddress', who.address);
  cbc(cac(node, 'PartyLegalEntity'), 'RegistrationName', who.name);
  cbc(cac(node, 'Contact'), 'ElectronicMail', who.email);
};

/** UNCL 5305 tax categories: standard rate, VAT reverse charge, exempt. */
const taxCategory = (parent: XMLBuilder, id: 'S' | 'AE' | 'E', percent: number, reason?: string) => {
  const category = cac(parent, 'TaxCategory');
  cbc(category, 'ID', id);
  cbc(category, 'Percent', String(percent));
  if (reason !== undefined) cbc(category, 'TaxExemptionReason', reason);
  cbc(cac(category, 'TaxScheme'), 'ID', 'VAT');
};

/**
 * The order's tax: a subtotal per rate (category S), or — reverse-charged or exempt, with no tax charged — one
 * subtotal of the whole at 0 % naming why (AE or E). An order with neither (an export, a seller without tax settings)
 * has no TaxTotal.
 */
const taxTotal = (root: XMLBuilder, order: DocumentOrder) => {
  const { taxes, taxTotal: sum, taxNote } = order.tax;
  if (taxes.length === 0 && taxNote === undefined) return;
  const node = cac(root, 'TaxTotal');
  amount(node, 'TaxAmount', sum, order.currency);
  for (const row of taxes) {
    const subtotal = cac(node, 'TaxSubtotal');
    amount(subtotal, 'TaxableAmount', row.base, order.currency);
    amount(subtotal, 'TaxAmount', row.amount, order.currency);
    taxCategory(subtotal, 'S', row.rate);
  }
  if (taxes.length === 0 && taxNote !== undefined) {
    const subtotal = cac(node, 'TaxSubtotal');
    amount(subtotal, 'TaxableAmount', order.total, order.currency);
    amount(subtotal, 'TaxAmount', 0, order.currency);
    taxCategory(subtotal, taxNote === reverseChargeNote ? 'AE' : 'E', 0, taxNote);
  }
};

/**
 * The order as a UBL 2.1 Order under PEPPOL BIS Ordering 3: the buyer's PO number is the order's ID, the seller's
 * order id its SalesOrderID, the RFQ the quotation it answers. The buyer is identified by its number in the seller's
 * ERP and addressed by its buyer's email (EAS `EM`), as is the seller; the ship-to is the delivery location with the
 * requested delivery date as the end of the requested period. Lines carry the quote's `lineId` as their ID and the unit
 * as a UN/ECE Rec 20 code. The tax is the quote's, unchanged: a TaxTotal, and the payable amount is the grand total.
 * Elements follow the schema's sequence.
 */
export const ublOrder = (order: DocumentOrder): string => {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(ublNamespaces.order, 'Order', {
    'xmlns:cac': ublNamespaces.cac,
    'xmlns:cbc': ublNamespaces.cbc,
  });
  const [issueDate, issueTime] = order.orderedAt.split('T') as [string, string];
  cbc(root, 'CustomizationID', peppolOrder.customizationId);
  cbc(root, 'ProfileID', peppolOrder.profileId);
  cbc(root, 'ID', order.poNumber);
  cbc(root, 'SalesOrderID', order.orderId);
  cbc(root, 'IssueDate', issueDate);
  cbc(root, 'IssueTime', issueTime.replace(/\.\d+Z$|Z$/, 'Z'));
  cbc(root, 'OrderTypeCode', orderTypeCode);
  if (order.tax.taxNote !== undefined) cbc(root, 'Note', order.tax.taxNote);
  cbc(root, 'DocumentCurrencyCode', order.currency);
  cbc(cac(root, 'QuotationDocumentReference'), 'ID', order.quoteName);
  party(cac(root, 'BuyerCustomerParty'), {
    name: order.buyer.name,
    email: order.buyer.email,
    id: order.buyer.erpCustomerNumber,
    address: order.billTo,
  });
  party(cac(root, 'SellerSupplierParty'), { name: order.seller.name, email: order.seller.email });
  if (order.shipTo || order.requestedDeliveryDate !== undefined) {
    const delivery = cac(root, 'Delivery');
    if (order.shipTo) {
      const location = cac(delivery, 'DeliveryLocation');
      cbc(location, 'ID', order.shipTo.shipToId);
      postalAddress(location, 'Address', order.shipTo);
    }
    if (order.requestedDeliveryDate !== undefined)
      cbc(cac(delivery, 'RequestedDeliveryPeriod'), 'EndDate', order.requestedDeliveryDate);
    if (order.shipTo) cbc(cac(cac(delivery, 'DeliveryParty'), 'PartyName'), 'Name', order.shipTo.name);
  }
  cbc(cac(root, 'PaymentTerms'), 'Note', order.paymentTerms);
  taxTotal(root, order);
  const totals = cac(root, 'AnticipatedMonetaryTotal');
  amount(totals, 'LineExtensionAmount', order.total, order.currency);
  amount(totals, 'TaxExclusiveAmount', order.total, order.currency);
  amount(totals, 'TaxInclusiveAmount', order.tax.grandTotal, order.currency);
  amount(totals, 'PayableAmount', order.tax.grandTotal, order.currency);
  for (const line of order.lines) {
    const item = cac(cac(root, 'OrderLine'), 'LineItem');
    cbc(item, 'ID', line.lineId);
    cbc(item, 'Quantity', String(line.quantity), { unitCode: line.unitCode });
    amount(item, 'LineExtensionAmount', line.lineTotal, order.currency);
    amount(cac(item, 'Price'), 'PriceAmount', line.unitPrice, order.currency);
    const product = cac(item, 'Item');
    cbc(product, 'Name', line.name);
    cbc(cac(product, 'SellersItemIdentification'), 'ID', line.sku);
  }
  return doc.end({ prettyPrint: true });
};

/**
 * The formats an order document is written in, apart from their writers: the route table names them, and every
 * function bundles the route table, so naming them here keeps the XML library out of every bundle but one.
 */
export const orderDocumentFormatNames = ['cxml', 'ubl', 'x12'] as const;
export type OrderDocumentFormat = (typeof orderDocumentFormatNames)[number];

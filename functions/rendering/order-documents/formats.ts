import { cxmlOrderRequest } from './cxml.ts';
import type { DocumentOrder } from './document-order.ts';
import type { OrderDocumentFormat } from './format-names.ts';
import { ublOrder } from './ubl.ts';
import { x12PurchaseOrder } from './x12-850.ts';

interface DocumentFormat {
  write: (order: DocumentOrder) => string;
  contentType: string;
  fileEnding: string;
}

/** The formats an order is written in: how each is written, its media type and its file name's ending. */
export const orderDocumentFormats: Record<OrderDocumentFormat, DocumentFormat> = {
  cxml: { write: cxmlOrderRequest, contentType: 'application/xml; charset=utf-8', fileEnding: 'cxml.xml' },
  ubl: { write: ublOrder, contentType: 'application/xml; charset=utf-8', fileEnding: 'ubl.xml' },
  x12: { write: x12PurchaseOrder, contentType: 'application/edi-x12', fileEnding: 'x12.edi' },
};

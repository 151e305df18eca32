import { visibleOrder } from '#application/visibility.ts';
import { mayReadOrderDocuments } from '#domain/policy.ts';
import { config } from '#functions/config.ts';
import { DocumentUnwritable, documentOrderOf } from '#rendering/order-documents/document-order.ts';
import { orderDocumentFormats } from '#rendering/order-documents/formats.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { conflict } from './problem.ts';
import { route } from './routes.ts';

/** The order as cXML, UBL or X12, written from the buyer-side fields of the order whoever asks (404 if not theirs). */
export const handler = http(route('GET /orders/{orderId}/documents/{format}'), async ({ params, caller }) => {
  const order = await visibleOrder(adapters().store, params.orderId, caller, mayReadOrderDocuments);
  const settings = config();
  const format = orderDocumentFormats[params.format];
  let text: string;
  try {
    text = format.write(documentOrderOf(order, { name: settings.SELLER_NAME, email: settings.MAIL_FROM }));
  } catch (error) {
    if (error instanceof DocumentUnwritable) throw conflict(error.message);
    throw error;
  }
  return {
    status: 200,
    text,
    contentType: format.contentType,
    headers: { 'content-disposition': `inline; filename="order-${order.orderId}.${format.fileEnding}"` },
  };
});

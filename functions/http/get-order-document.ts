import { visibleOrder } from '#application/visibility.ts';
import { mayReadOrderDocuments } from '#domain/policy.ts';
import { config } from '#functions/config.ts';
import { documentOrderOf } from '#rendering/order-documents/document-order.ts';
import { orderDocumentFormats } from '#rendering/order-documents/formats.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

/** The order as cXML, UBL or X12, written from the buyer-side fields of the order whoever asks (404 if not theirs). */
export const handler = http(route('GET /orders/{orderId}/documents/{format}'), async ({ params, caller }) => {
  const order = await visibleOrder(adapters().store, params.orderId, caller, mayReadOrderDocuments);
  const settings = config();
  const format = orderDocumentFormats[params.format];
  return {
    status: 200,
    // What the format cannot say (DocumentUnwritable) is a 409, mapped where every domain error is.
    text: format.write(documentOrderOf(order, { name: settings.SELLER_NAME, email: settings.MAIL_FROM })),
    contentType: format.contentType,
    headers: { 'content-disposition': `inline; filename="order-${order.orderId}.${format.fileEnding}"` },
  };
});

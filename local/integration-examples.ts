import { writeFileSync } from 'node:fs';
import { documentOrderOf } from '#rendering/order-documents/document-order.ts';
import { orderDocumentFormats } from '#rendering/order-documents/formats.ts';
import { exampleOrder, exampleSeller } from './seed/example-order.ts';

/** Writes docs/integration/'s example documents of the seeded example order (a unit test keeps them current). */
const order = documentOrderOf(exampleOrder(), exampleSeller);
for (const { write, fileEnding } of Object.values(orderDocumentFormats)) {
  writeFileSync(new URL(`../docs/integration/order.${fileEnding}`, import.meta.url), write(order));
  console.log(`wrote docs/integration/order.${fileEnding}`);
}

import type { Company } from '#domain/company.ts';
import type { Product } from '#domain/product.ts';
import { aCompany } from '../builders/company.ts';
import { aProduct } from '../builders/product.ts';
import type { ApiClient, User } from './api.ts';
import type { TestStack } from './test-stack.ts';

/**
 * Two buyer companies with their people, and the seller's staff: enough to ask "may this person do that to this
 * company's RFQ?" from every side.
 */
export const people = {
  acmeBuyer: { email: 'bea@acme.example', groups: ['buyer'], companyId: 'acme' },
  acmeApprover: { email: 'al@acme.example', groups: ['approver'], companyId: 'acme' },
  acmeAdmin: { email: 'ada@acme.example', groups: ['admin'], companyId: 'acme' },
  globexBuyer: { email: 'gus@globex.example', groups: ['buyer'], companyId: 'globex' },
  globexApprover: { email: 'gia@globex.example', groups: ['approver'], companyId: 'globex' },
  acmeRep: { email: 'rita@seller.example', groups: ['rep'] },
  globexRep: { email: 'rob@seller.example', groups: ['rep'] },
  salesManager: { email: 'sam@seller.example', groups: ['sales-manager'] },
  admin: { email: 'root@seller.example', groups: ['admin'] },
} satisfies Record<string, User>;

export const acme: Company = aCompany('acme')
  .servedBy(people.acmeRep.email)
  .withBuyer(people.acmeBuyer.email)
  .withApprover(people.acmeApprover.email)
  .withAdmin(people.acmeAdmin.email)
  .build();

export const globex: Company = aCompany('globex')
  .servedBy(people.globexRep.email)
  .withBuyer(people.globexBuyer.email)
  .withApprover(people.globexApprover.email)
  .build();

export const bolts: Product = aProduct('BOLT-M8').build();
export const gloves: Product = aProduct('GLOVE-L').build();

export const seed = async (api: TestStack): Promise<void> => {
  await Promise.all([
    api.store.catalog.putCompany(acme),
    api.store.catalog.putCompany(globex),
    api.store.catalog.putProduct(bolts),
    api.store.catalog.putProduct(gloves),
  ]);
};

let keys = 0;
export const idempotencyKey = (): string => `key-${Date.now().toString(36)}-${(keys++).toString(36)}`;

export const anRfqRequest = (
  lines: { sku: string; quantity: number; targetUnitPrice?: number; description?: string }[] = [
    { sku: bolts.sku, quantity: 100 },
  ],
) => ({ lines, note: 'for the new line' });

/** Submits as `who` and answers the new rfqId. */
export const submit = async (api: ApiClient, who: User, body: object = anRfqRequest()): Promise<string> => {
  const answer = await api.call('POST', '/rfqs', { as: who, body, headers: { 'idempotency-key': idempotencyKey() } });
  if (answer.status !== 201) throw new Error(`submit failed: ${answer.status} ${answer.text}`);
  return answer.body.rfqId;
};

import { type Contract, type ContractPrice, contractSchema } from '#domain/contract.ts';

class ContractBuilder {
  constructor(private readonly contract: Contract) {}

  private with(changes: Partial<Contract>): ContractBuilder {
    return new ContractBuilder({ ...this.contract, ...changes });
  }

  private withEntry(sku: string, change: (entry: ContractPrice) => ContractPrice): ContractBuilder {
    const existing = this.contract.prices.find((p) => p.sku === sku);
    const others = this.contract.prices.filter((p) => p.sku !== sku);
    return this.with({ prices: [...others, change(existing ?? ({ sku } as ContractPrice))] });
  }

  for(companyId: string) {
    return this.with({ companyId });
  }
  validBetween(validFrom: string, validTo: string) {
    return this.with({ validFrom, validTo });
  }
  in(currency: string) {
    return this.with({ currency });
  }
  /** A blanket discount off list price for every sku the contract does not price itself. */
  withDiscount(discountPercent: number) {
    return this.with({ discountPercent });
  }
  withPrice(sku: string, unitPrice: number) {
    return this.withEntry(sku, (entry) => ({ ...entry, unitPrice }));
  }
  /** `withTier('SKU-1', 100, 9_00)`: from 100 units on, SKU-1 costs $9.00 each. */
  withTier(sku: string, minQty: number, unitPrice: number) {
    return this.withEntry(sku, (entry) => ({ ...entry, tiers: [...(entry.tiers ?? []), { minQty, unitPrice }] }));
  }
  /** Through the schema, so a test never prices with a contract the API would have refused. */
  build(): Contract {
    return contractSchema.parse(this.contract);
  }
}

/** A USD contract for `acme`, in effect all of 2026, no blanket discount, no prices yet. */
export const aContract = (contractId = 'ctr-acme-2026') =>
  new ContractBuilder({
    contractId,
    companyId: 'acme',
    currency: 'USD',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    discountPercent: 0,
    prices: [],
  });

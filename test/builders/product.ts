import { type Product, productSchema } from '#domain/product.ts';

class ProductBuilder {
  constructor(private readonly product: Product) {}

  private with(changes: Partial<Product>): ProductBuilder {
    return new ProductBuilder({ ...this.product, ...changes });
  }

  named(name: string) {
    return this.with({ name });
  }
  listedAt(listPrice: number) {
    return this.with({ listPrice });
  }
  costing(cost: number) {
    return this.with({ cost });
  }
  inCategory(category: string) {
    return this.with({ category });
  }
  in(currency: string) {
    return this.with({ currency });
  }
  soldBy(unit: string) {
    return this.with({ unit });
  }
  /** Its unit as a UN/ECE Rec 20 code for order documents. */
  codedAs(unitCode: Product['unitCode']) {
    return this.with({ unitCode });
  }
  inactive() {
    return this.with({ active: false });
  }
  build(): Product {
    return productSchema.parse(this.product);
  }
}

/** An active product in USD, listed at $10.00, costing $6.00: `aProduct('SKU-1').listedAt(12_00).costing(8_00)`. */
export const aProduct = (sku = 'SKU-1') =>
  new ProductBuilder({
    sku,
    name: `Product ${sku}`,
    unit: 'each',
    listPrice: 10_00,
    currency: 'USD',
    cost: 6_00,
    active: true,
  });

/** The catalog lookup pricing takes: sku → product. */
export const catalogOf = (...products: (Product | ProductBuilder)[]): Map<string, Product> =>
  new Map(
    products.map((p) => {
      const product = p instanceof ProductBuilder ? p.build() : p;
      return [product.sku, product];
    }),
  );

import type { Contract } from '#domain/contract.ts';
import { type PriceRequest, priceRequest } from '#domain/pricing.ts';
import type { Product } from '#domain/product.ts';
import type { Benchmark, Sized } from './benchmark.ts';
import { ms, summarize } from './samples.ts';

const sizes: Sized<{ lines: number; warmUpRuns: number; runs: number }> = {
  full: { lines: 1_000, warmUpRuns: 300, runs: 2_000 },
  quick: { lines: 50, warmUpRuns: 2, runs: 10 },
};
const TARGET_MS = 50;

/**
 * A realistic worst case: a 1,000-line RFQ (the full size) against a catalog of as many skus and a contract that names two thirds of them
 * (tiers, fixed prices), the rest priced by the blanket discount, plus a few unknown and inactive skus.
 */
const largeRequest = (lineCount: number): PriceRequest => {
  const products = new Map<string, Product>();
  const prices: Contract['prices'] = [];
  const lines: PriceRequest['lines'][number][] = [];
  for (let i = 0; i < lineCount; i++) {
    const sku = `SKU-${String(i).padStart(5, '0')}`;
    const listPrice = 1_00 + ((i * 7_919) % 90_000);
    products.set(sku, {
      sku,
      name: `Catalog item ${i}`,
      unit: 'each',
      listPrice,
      currency: 'USD',
      cost: Math.floor(listPrice * 0.55),
      category: ['fasteners', 'safety', 'packaging', 'electronics', 'tools'][i % 5],
      active: i % 97 !== 0,
    });
    if (i % 3 === 0) {
      prices.push({
        sku,
        tiers: [
          { minQty: 1, unitPrice: Math.floor(listPrice * 0.95) },
          { minQty: 50, unitPrice: Math.floor(listPrice * 0.9) },
          { minQty: 200, unitPrice: Math.floor(listPrice * 0.85) },
        ],
      });
    } else if (i % 3 === 1) {
      prices.push({ sku, unitPrice: Math.floor(listPrice * 0.92) });
    }
    lines.push({ sku: i % 211 === 0 ? `UNKNOWN-${i}` : sku, quantity: 1 + ((i * 37) % 400) });
  }
  return {
    lines,
    products,
    contract: {
      contractId: 'bench-contract',
      companyId: 'acme',
      currency: 'USD',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      discountPercent: 4.5,
      prices,
    },
    on: '2026-11-23',
    currency: 'USD',
    version: 1,
    pricedAt: '2026-11-23T12:00:00.000Z',
    validityDays: 30,
  };
};

export const pricing: Benchmark = {
  name: 'pricing',
  title: 'Pricing: a 1,000-line RFQ through priceRequest',
  async run({ mode, progress }) {
    const { lines: lineCount, warmUpRuns, runs } = sizes[mode];
    const request = largeRequest(lineCount);
    progress(`warming up (${warmUpRuns} runs)`);
    let priced = 0;
    for (let i = 0; i < warmUpRuns; i++) priced += priceRequest(request).lines.length;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 500 === 0) progress(`run ${i}/${runs}`);
      const started = performance.now();
      priced += priceRequest(request).lines.length;
      samples.push(performance.now() - started);
    }
    const quote = priceRequest(request);
    const stats = summarize(samples);
    return {
      name: 'pricing',
      tables: [
        {
          title: `Pricing: a ${lineCount.toLocaleString('en-US')}-line RFQ through priceRequest`,
          columns: ['lines', 'unpriced', 'runs (after warm-up)', 'median', 'p99', 'max'],
          rows: [[quote.lines.length, quote.unpricedLines, runs, ms(stats.p50), ms(stats.p99), ms(stats.max)]],
          notes: [
            `${warmUpRuns} warm-up runs first; ${priced} lines priced in all; contract: 1/3 tiered, 1/3 fixed price, rest list − 4.5%`,
          ],
        },
      ],
      targets: [
        {
          target: `1,000-line RFQ priced in ≤ ${TARGET_MS} ms (p99)`,
          measured: `median ${ms(stats.p50)}, p99 ${ms(stats.p99)}`,
          pass: stats.p99 <= TARGET_MS,
        },
      ],
      data: { lines: lineCount, warmUpRuns, ...stats },
    };
  },
};

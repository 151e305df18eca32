import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RfqStatus } from '#domain/lifecycle.ts';
import { orderIdFor } from '#domain/order.ts';
import { priceRequest } from '#domain/pricing.ts';
import { type Quote, type Rfq, rfqSchema } from '#domain/rfq.ts';
import { products } from '#local/seed/catalog.ts';
import { contractsFor } from '#local/seed/companies.ts';
import { companies, demoUser, seedDemoData } from '#local/seed/seed.ts';
import { storeFromConfig } from '#store/from-config.ts';
import { genesisHash, sealEvent } from '#store/history.ts';
import { toItem } from '#store/item.ts';
import { keys, rfqIndexKeys } from '#store/keys.ts';
import { deleteTable } from '#store/table.ts';
import type { Benchmark, Sized } from './benchmark.ts';
import { inParallel, ms, type Summary, summarize } from './samples.ts';
import { createScratchTable, useTable } from './scratch-table.ts';

/** The small and the large table's RFQs, and the list requests per caller and table. */
const sizes: Sized<{ tables: [small: number, large: number]; requests: number; warmUp: number }> = {
  full: { tables: [1_000, 100_000], requests: 300, warmUp: 30 },
  quick: { tables: [20, 60], requests: 2, warmUp: 1 },
};
const BATCH = 25;
const LOAD_CONCURRENCY = 24;
const TARGET_RATIO = 1.2;

/** Most RFQs of a mature account are done; the rest sit at every other stage. */
const statuses: RfqStatus[] = [
  'ORDERED',
  'ORDERED',
  'ORDERED',
  'ORDERED',
  'QUOTED',
  'IN_REVIEW',
  'DECLINED',
  'EXPIRED',
  'PENDING_APPROVAL',
  'CANCELLED',
];
const lines = [
  { sku: 'FAS-HCS-M8-50', quantity: 250 },
  { sku: 'SAF-GLV-NIT-L', quantity: 120 },
  { sku: 'ELE-SCN-2D', quantity: 20 },
];

const audiences = [
  { name: 'buyer (own company)', user: demoUser('dana@acme.example') },
  { name: 'rep (own accounts)', user: demoUser('riley@northwind.example') },
  { name: 'admin (everything)', user: demoUser('ops@northwind.example') },
];

/**
 * RFQ items exactly as the store writes them (its keys, index keys and item mapping, and the head of a one-event
 * history chain), half for each seeded company, newest first one minute apart. History items are not written: the
 * list reads only RFQ items.
 */
const rfqItems = (from: number, count: number, quotes: Map<string, Quote>): Record<string, unknown>[] => {
  const now = Date.now();
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const company = companies[i % companies.length]!;
    const status = statuses[i % statuses.length]!;
    const rfqId = `rfq_${randomBytes(13).toString('hex')}`;
    const createdAt = new Date(now - i * 60_000).toISOString();
    const buyerEmail = company.users.find((u) => u.roles.includes('buyer'))!.email;
    const rfq: Rfq = {
      rfqId,
      companyId: company.companyId,
      buyerEmail,
      accountRepEmail: company.accountRepEmail,
      submittedBy: { email: buyerEmail, role: 'buyer' },
      status,
      version: 6,
      createdAt,
      updatedAt: createdAt,
      currency: company.currency,
      lines,
      quote: quotes.get(company.companyId),
      ...(status === 'ORDERED' && { poNumber: `PO-${i}`, orderId: orderIdFor(rfqId) }),
      approvals: [],
    };
    if (k < 10) rfqSchema.parse(rfq);
    const head = sealEvent({
      rfqId,
      seq: 1,
      at: createdAt,
      actor: rfq.submittedBy,
      action: 'submitted',
      to: 'SUBMITTED',
      prevHash: genesisHash,
    });
    return { ...toItem(keys.rfq(rfqId), rfqIndexKeys(rfq), rfq), historySeq: head.seq, historyHead: head.hash };
  });
};

const load = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
  progress: (message: string) => void,
): Promise<void> => {
  const batches = Math.ceil(items.length / BATCH);
  let done = 0;
  await inParallel(batches, LOAD_CONCURRENCY, async (b) => {
    let pending = items.slice(b * BATCH, (b + 1) * BATCH).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1_000, 20 * 2 ** attempt)));
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
    done += 1;
    if (done % 400 === 0) progress(`loaded ${done * BATCH}/${items.length}`);
  });
};

export const scale: Benchmark = {
  name: 'scale',
  title: 'Scale: GET /rfqs with 1,000 vs 100,000 RFQs in the table',
  async run({ mode, stack: startStack, progress }) {
    const { tables: tableSizes, requests, warmUp } = sizes[mode];
    const stack = await startStack();
    const stackTable = process.env.TABLE_NAME;
    const client = new DynamoDBClient({
      endpoint: stack.urls.dynamodb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    const today = new Date();
    const quotes = new Map(
      companies.map((company) => [
        company.companyId,
        priceRequest({
          lines,
          products: new Map(products.map((p) => [p.sku, p])),
          contract: contractsFor(today).find((c) => c.companyId === company.companyId),
          on: today.toISOString().slice(0, 10),
          currency: company.currency,
          version: 1,
          pricedAt: today.toISOString(),
          validityDays: 30,
        }),
      ]),
    );
    const tokens = await Promise.all(
      audiences.map((a) =>
        stack.tokenFor({
          email: a.user.email,
          groups: a.user.groups,
          ...(a.user.companyId && { companyId: a.user.companyId }),
        }),
      ),
    );

    const list = async (a: number): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${stack.urls.api}/rfqs`, { headers: { authorization: `Bearer ${tokens[a]}` } });
      const text = await response.text();
      if (response.status !== 200 || (JSON.parse(text) as { items: unknown[] }).items.length === 0)
        throw new Error(`GET /rfqs as ${audiences[a]?.name}: HTTP ${response.status} ${text.slice(0, 200)}`);
      return performance.now() - started;
    };
    const tables = tableSizes.map((size) => ({ size, tableName: `bench-scale-${size}-${Date.now()}`, loadSeconds: 0 }));

    const bySize: { size: number; loadSeconds: number; lists: Summary[] }[] = [];
    try {
      for (const table of tables) {
        await createScratchTable(table.tableName);
        useTable(table.tableName);
        await seedDemoData(storeFromConfig().catalog);
        progress(`building ${table.size} RFQ items`);
        const items = rfqItems(0, table.size, quotes);
        progress(`loading ${items.length} RFQ items with BatchWriteItem (${LOAD_CONCURRENCY} in parallel)`);
        const started = performance.now();
        await load(doc, table.tableName, items, progress);
        table.loadSeconds = (performance.now() - started) / 1000;
        progress(`${table.size} RFQs in ${table.tableName}, loaded in ${table.loadSeconds.toFixed(1)} s`);
      }
      // Both sizes are measured turn about, request by request, so a change in the machine's load hits both alike.
      progress(`${warmUp} warm-up + ${requests} measured GET /rfqs per caller and size, sizes alternating`);
      const samples = tables.map(() => audiences.map((): number[] => []));
      for (let i = 0; i < warmUp + requests; i++) {
        for (const a of audiences.keys()) {
          for (const [t, table] of tables.entries()) {
            useTable(table.tableName);
            const took = await list(a);
            if (i >= warmUp) samples[t]?.[a]?.push(took);
          }
        }
      }
      for (const [t, table] of tables.entries())
        bySize.push({
          size: table.size,
          loadSeconds: table.loadSeconds,
          lists: (samples[t] ?? []).map((s) => summarize(s)),
        });
    } finally {
      useTable(stackTable);
      for (const table of tables) await deleteTable(client, table.tableName).catch(() => undefined);
      client.destroy();
    }

    const [small, large] = bySize;
    if (!small || !large) throw new Error('the scale benchmark measured nothing');
    const ratios = audiences.map((_, a) => (large.lists[a]?.p99 ?? Number.NaN) / (small.lists[a]?.p99 ?? Number.NaN));
    const itemsPerSecond = large.size / large.loadSeconds;
    const count = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
    return {
      name: 'scale',
      tables: [
        {
          title: `Scale: GET /rfqs with ${small.size.toLocaleString('en-US')} vs ${large.size.toLocaleString('en-US')} RFQs in the table`,
          columns: [
            'caller',
            `${count(small.size)} p50`,
            `${count(small.size)} p99`,
            `${count(large.size)} p50`,
            `${count(large.size)} p99`,
            'p99 ratio',
          ],
          rows: audiences.map((audience, a) => [
            audience.name,
            ms(small.lists[a]?.p50 ?? Number.NaN),
            ms(small.lists[a]?.p99 ?? Number.NaN),
            ms(large.lists[a]?.p50 ?? Number.NaN),
            ms(large.lists[a]?.p99 ?? Number.NaN),
            `${ratios[a]?.toFixed(2)}×`,
          ]),
          notes: [
            `GET /rfqs (first page, default limit) through the local HTTP API, one at a time: ${warmUp} warm-up then ${requests} measured per caller and size, the two tables taking turns request by request`,
            `two fresh tables (${count(small.size)}, ${count(large.size)}), items in the store's own shape; the RFQs are split between the two seeded companies (the buyer's company holds half), all of one rep`,
            `loaded with BatchWriteItem (${BATCH} per call, ${LOAD_CONCURRENCY} calls in flight): ${small.size} in ${small.loadSeconds.toFixed(1)} s, ${large.size} in ${large.loadSeconds.toFixed(1)} s (${Math.round(itemsPerSecond)} items/s)`,
          ],
        },
      ],
      targets: [
        {
          target: `list p99 at 100k ≤ ${TARGET_RATIO}× at 1k (buyer and admin)`,
          measured: audiences.map((a, i) => `${a.name.split(' ')[0]} ${ratios[i]?.toFixed(2)}×`).join(', '),
          pass: [0, 2].every((i) => (ratios[i] ?? Number.POSITIVE_INFINITY) <= TARGET_RATIO),
        },
        {
          target: '100,000 RFQs load in well under 3 minutes',
          measured: `${large.loadSeconds.toFixed(1)} s`,
          pass: large.loadSeconds < 180,
        },
      ],
      data: { sizes: bySize, requests, warmUp, audiences: audiences.map((a) => a.name), ratios },
    };
  },
};

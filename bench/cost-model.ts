import { type RouteKey, routes } from '#http/routes.ts';
import { stepFunctions } from '#workflows/quote-to-order.ts';
import type { Benchmark } from './benchmark.ts';
import type { FlowData } from './flow.ts';
import { priceLabels, prices, pricesSource } from './prices.ts';

const TARGET_DOLLARS = 1.5;
const PER = 1_000;
/** infra/function.ts: a function without memoryMb in its spec gets 512 MB. */
const DEFAULT_MEMORY_MB = 512;

/** As infra/api.ts sizes a function: routes sharing a handler module share one function with the largest memory. */
const routeMemoryMb = (key: RouteKey): number => {
  const handler = routes.find((r) => r.key === key)?.handler;
  const shared = routes.filter((r) => r.handler === handler).map((r) => r.memoryMb ?? 0);
  return Math.max(0, ...shared) || DEFAULT_MEMORY_MB;
};
const stepMemoryMb = (key: string): number => stepFunctions[key]?.memoryMb ?? DEFAULT_MEMORY_MB;

/** Lambda bills each invocation's duration rounded up to the next millisecond. */
const gbSeconds = (ms: number, memoryMb: number): number => (Math.max(1, Math.ceil(ms)) / 1000) * (memoryMb / 1024);

const dollars = (value: number): string => `$${value < 0.01 ? value.toFixed(5) : value.toFixed(4)}`;

export const costModel: Benchmark = {
  name: 'cost',
  title: 'Cost model: dollars per 1,000 quote-to-orders on AWS, from the measured flow',
  after: ['flow'],
  async run({ results }) {
    const flow = results.get('flow')?.data as FlowData | undefined;
    if (!flow) throw new Error('the flow benchmark did not produce results');
    const n = flow.flows;
    const apiRequests = flow.apiCalls.length / n;
    const stepGbS = flow.lambdaRuns.reduce((sum, r) => sum + gbSeconds(r.ms, stepMemoryMb(r.step)), 0) / n;
    const httpGbS = flow.apiCalls.reduce((sum, c) => sum + gbSeconds(c.ms, routeMemoryMb(c.route)), 0) / n;
    const transitions = flow.statesEnteredPerFlow + flow.retriesPerFlow;

    const lines: { item: string; price: keyof typeof prices; perFlow: number; unit: string }[] = [
      {
        item: 'Step Functions state transitions',
        price: 'stepFunctionsPerTransition',
        perFlow: transitions,
        unit: 'transitions',
      },
      {
        item: 'Lambda requests (steps + HTTP handlers)',
        price: 'lambdaPerRequest',
        perFlow: flow.stepInvocationsPerFlow + apiRequests,
        unit: 'invocations',
      },
      { item: 'Lambda duration, steps', price: 'lambdaArmPerGbSecond', perFlow: stepGbS, unit: 'GB-s' },
      { item: 'Lambda duration, HTTP handlers', price: 'lambdaArmPerGbSecond', perFlow: httpGbS, unit: 'GB-s' },
      { item: 'DynamoDB reads', price: 'dynamoPerReadUnit', perFlow: flow.capacity.readUnits / n, unit: 'RRU' },
      { item: 'DynamoDB writes', price: 'dynamoPerWriteUnit', perFlow: flow.capacity.writeUnits / n, unit: 'WRU' },
      { item: 'API Gateway HTTP API', price: 'httpApiPerRequest', perFlow: apiRequests, unit: 'requests' },
      { item: 'SES', price: 'sesPerEmail', perFlow: flow.emailsPerFlow, unit: 'emails' },
      { item: 'EventBridge custom events', price: 'eventBridgePerEvent', perFlow: flow.eventsPerFlow, unit: 'events' },
    ];
    const priced = lines.map((l) => ({ ...l, per1000: l.perFlow * prices[l.price] * PER }));
    const total = priced.reduce((sum, l) => sum + l.per1000, 0);
    const share = (value: number) => `${((value / total) * 100).toFixed(1)}%`;

    return {
      name: 'cost',
      tables: [
        {
          title: this.title,
          columns: ['line', 'per flow', 'price', `per ${PER.toLocaleString('en-US')} flows`, 'share'],
          rows: [
            ...priced.map((l) => [
              l.item,
              `${l.perFlow < 1 ? l.perFlow.toFixed(4) : l.perFlow.toFixed(1)} ${l.unit}`,
              priceLabels[l.price],
              dollars(l.per1000),
              share(l.per1000),
            ]),
            ['total', '', '', dollars(total), '100%'],
          ],
          notes: [
            `prices: ${pricesSource} (bench/prices.ts)`,
            `Lambda: Arm, each duration rounded up to 1 ms × the configured memory (route/step spec, else ${DEFAULT_MEMORY_MB} MB as infra/function.ts sets); step durations from the execution history, HTTP durations are client-side latencies through the local API (an upper bound); cold starts not included`,
            'DynamoDB: the units DynamoDB Local reports with ReturnConsumedCapacity TOTAL. Measured here: it counted a 3 KB item with two ALL-projected index entries as 5 WCU where AWS bills 9 (each index entry is sized like the item), so writes of larger items are undercounted',
            'not in the model: CloudWatch Logs ingestion and storage, X-Ray traces (tracing is on), Cognito, DynamoDB storage and backups, data transfer, free tiers, reminders and timeouts (none on the happy path)',
          ],
        },
      ],
      targets: [
        {
          target: `≤ $${TARGET_DOLLARS.toFixed(2)} per 1,000 quote-to-orders`,
          measured: `${dollars(total)} per 1,000 (largest: ${[...priced].sort((a, b) => b.per1000 - a.per1000)[0]?.item})`,
          pass: total <= TARGET_DOLLARS,
        },
      ],
      data: { per1000: Object.fromEntries(priced.map((l) => [l.item, l.per1000])), total, prices, pricesSource },
    };
  },
};

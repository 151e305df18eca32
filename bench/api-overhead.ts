import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoClient } from '#functions/clients/dynamodb.ts';
import { demoUser } from '#local/seed/seed.ts';
import type { LocalStack } from '#local/stack.ts';
import { keys } from '#store/keys.ts';
import type { Benchmark, Sized } from './benchmark.ts';
import { meterOf, type RecordedCall } from './dynamodb-meter.ts';
import { ownValues, replay, withFreshKeys } from './dynamodb-replay.ts';
import { type HttpHandler, inProcessRequest } from './in-process-request.ts';
import { inParallel, ms, type Summary, summarize } from './samples.ts';

/** Requests per cell at each concurrency (sent in rounds of that many at once), warm-up requests, recorded templates. */
const sizes: Sized<{ requests: [concurrency: number, requests: number][]; warmUp: number; templates: number }> = {
  full: {
    requests: [
      [1, 100],
      [32, 192],
    ],
    warmUp: 30,
    templates: 20,
  },
  quick: {
    requests: [
      [1, 1],
      [2, 2],
    ],
    warmUp: 1,
    templates: 2,
  },
};
const TARGET_RATIO = 1.3;

const buyer = demoUser('dana@acme.example');
const lines = [
  { sku: 'FAS-HCS-M8-50', quantity: 250 },
  { sku: 'SAF-GLV-NIT-L', quantity: 120 },
];

type Mode = 'http' | 'handler' | 'raw';

interface Endpoint {
  route: 'POST /rfqs' | 'GET /rfqs/{rfqId}';
  /** Through the local HTTP API (JWT verification, routing, the handler). */
  http(i: number): Promise<void>;
  /** The handler module called in process with a payload-2.0 event. */
  handler(i: number): Promise<void>;
  /** The DynamoDB calls request `i` of a replay sends, built before the clock starts. */
  replayCalls(i: number, phase: string): RecordedCall[];
  calls: string[];
}

/** Until every running execution waits for a person: a POST's workflow must not slow the next measurement. */
const settle = async (stack: LocalStack): Promise<void> => {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const busy = stack.stepFunctions
      .executions()
      .some((e) => e.status === 'RUNNING' && e.history.at(-1)?.type !== 'TaskSubmitted');
    if (!busy) return;
    await new Promise((r) => setTimeout(r, 10));
  }
};

/**
 * The middleware re-reads the caller's token revocation once per REVOCATION_CACHE_SECONDS (functions/http/revocation.ts),
 * so only some requests make that read: it is left out of the recorded calls (and the replay), and its share, one read
 * amortized over every request of that window, stays in the handler's time.
 */
const revokedSk = keys.tokensRevoked('').SK;
const isRevocationRead = (call: RecordedCall): boolean =>
  call.operation === 'GetItem' && (call.input.Key as { SK?: { S?: string } } | undefined)?.SK?.S === revokedSk;

const expect201or200 = (status: number | undefined, what: string, body?: string) => {
  if (status !== 200 && status !== 201) throw new Error(`${what}: HTTP ${status} ${body?.slice(0, 300) ?? ''}`);
};

export const apiOverhead: Benchmark = {
  name: 'api-overhead',
  title: 'API overhead: handler latency against the raw DynamoDB calls it makes',
  async run({ mode: size, stack: startStack, progress }) {
    const { requests, warmUp, templates: templateCount } = sizes[size];
    const stack = await startStack();
    const meter = meterOf(dynamoClient());
    const raw = new DynamoDBClient({
      endpoint: stack.urls.dynamodb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const token = await stack.tokenFor({ email: buyer.email, groups: buyer.groups, companyId: 'acme' });
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const { handler: createRfq } = (await import('#http/create-rfq.ts')) as { handler: HttpHandler };
    const { handler: getRfq } = (await import('#http/get-rfq.ts')) as { handler: HttpHandler };
    const body = JSON.stringify({ lines, note: 'benchmark' });

    const post: Endpoint = {
      route: 'POST /rfqs',
      async http() {
        const response = await fetch(`${stack.urls.api}/rfqs`, {
          method: 'POST',
          headers: { ...auth, 'idempotency-key': randomUUID() },
          body,
        });
        expect201or200(response.status, 'POST /rfqs', await response.text());
      },
      async handler() {
        const { event, context } = inProcessRequest('POST /rfqs', {
          path: '/rfqs',
          token,
          headers: { 'idempotency-key': randomUUID() },
          body,
        });
        const result = await createRfq(event, context);
        expect201or200(result.statusCode, 'POST /rfqs in process', result.body);
      },
      replayCalls: () => [],
      calls: [],
    };
    const submitted: string[] = [];
    const get: Endpoint = {
      route: 'GET /rfqs/{rfqId}',
      async http(i) {
        const response = await fetch(`${stack.urls.api}/rfqs/${submitted[i % submitted.length]}`, { headers: auth });
        expect201or200(response.status, 'GET /rfqs/{rfqId}', await response.text());
      },
      async handler(i) {
        const rfqId = submitted[i % submitted.length] ?? '';
        const { event, context } = inProcessRequest('GET /rfqs/{rfqId}', {
          path: `/rfqs/${rfqId}`,
          token,
          params: { rfqId },
        });
        const result = await getRfq(event, context);
        expect201or200(result.statusCode, 'GET /rfqs/{rfqId} in process', result.body);
      },
      replayCalls: () => [],
      calls: [],
    };

    progress(`warming up: ${warmUp} POST /rfqs and GET /rfqs/{id} through the API and in process`);
    for (let i = 0; i < warmUp; i++) {
      const response = await fetch(`${stack.urls.api}/rfqs`, {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': randomUUID() },
        body,
      });
      expect201or200(response.status, 'POST /rfqs', '');
      submitted.push(((await response.json()) as { rfqId: string }).rfqId);
      await post.handler(i);
    }
    await settle(stack);
    for (let i = 0; i < warmUp; i++) {
      await get.http(i);
      await get.handler(i);
    }

    progress(`recording the DynamoDB calls of ${templateCount} requests per route (in process, one at a time)`);
    for (const endpoint of [post, get]) {
      const templates: RecordedCall[][] = [];
      for (let i = 0; i < templateCount; i++)
        templates.push((await meter.recording(() => endpoint.handler(i))).calls.filter((c) => !isRevocationRead(c)));
      const shape = (calls: RecordedCall[]) => calls.map((c) => c.operation).join(', ');
      if (new Set(templates.map(shape)).size !== 1)
        throw new Error(
          `${endpoint.route} made different DynamoDB calls per request: ${[...new Set(templates.map(shape))].join(' | ')}`,
        );
      endpoint.calls = templates[0]?.map((c) => c.operation) ?? [];
      if (endpoint === post) {
        // Writes must land on fresh keys (conditional puts), reads of GET replay the very same items.
        const own = templates.map((t, i) => ownValues(t, templates[(i + 1) % templateCount] ?? []));
        endpoint.replayCalls = (i, phase) =>
          withFreshKeys(templates[i % templateCount] ?? [], own[i % templateCount] ?? new Set(), `~${phase}${i}`);
      } else {
        endpoint.replayCalls = (i) => templates[i % templateCount] ?? [];
      }
    }
    await settle(stack);

    const measured: {
      route: string;
      concurrency: number;
      n: number;
      calls: string[];
      by: Record<Mode, Summary>;
      replayErrors: number;
    }[] = [];
    for (const endpoint of [post, get]) {
      for (const [concurrency, n] of requests) {
        const by = {} as Record<Mode, Summary>;
        let replayErrors = 0;
        for (const mode of ['http', 'handler', 'raw'] as const) {
          const phase = `${mode}${concurrency}x${randomUUID().slice(0, 8)}`;
          const prepared = mode === 'raw' ? Array.from({ length: n }, (_, i) => endpoint.replayCalls(i, phase)) : [];
          progress(`${endpoint.route} ${mode} × ${n} at concurrency ${concurrency}`);
          const samples: number[] = [];
          for (let round = 0; round < n; round += concurrency) {
            await inParallel(Math.min(concurrency, n - round), concurrency, async (k) => {
              const i = round + k;
              const started = performance.now();
              if (mode === 'raw')
                await replay(raw, prepared[i] ?? []).catch(() => {
                  replayErrors += 1;
                });
              else await endpoint[mode](i);
              samples.push(performance.now() - started);
            });
            await settle(stack);
          }
          by[mode] = summarize(samples);
        }
        measured.push({ route: endpoint.route, concurrency, n, calls: endpoint.calls, by, replayErrors });
      }
    }
    raw.destroy();

    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    // The function's own overhead: the local API server's share (HTTP, JWT verification, routing) is API Gateway's on AWS.
    const worst = measured.reduce((w, m) =>
      m.by.handler.p50 / m.by.raw.p50 > w.by.handler.p50 / w.by.raw.p50 ? m : w,
    );
    return {
      name: 'api-overhead',
      tables: [
        {
          title: this.title,
          columns: [
            'route',
            'conc.',
            'N',
            'HTTP API p50',
            'p99',
            'handler p50',
            'p99',
            'raw DynamoDB p50',
            'p99',
            'HTTP/raw p50',
            'p99',
            'handler/raw p50',
          ],
          rows: measured.map((m) => [
            m.route,
            m.concurrency,
            m.n,
            ms(m.by.http.p50),
            ms(m.by.http.p99),
            ms(m.by.handler.p50),
            ms(m.by.handler.p99),
            ms(m.by.raw.p50),
            ms(m.by.raw.p99),
            ratio(m.by.http.p50, m.by.raw.p50),
            ratio(m.by.http.p99, m.by.raw.p99),
            ratio(m.by.handler.p50, m.by.raw.p50),
          ]),
          notes: [
            `${warmUp} warm-up requests per route and path first; N requests per cell, sent in rounds of <concurrency> at once; the next round starts once the last is answered and the workflows it started wait for a person (on AWS they run in other Lambdas; here they would share the same two cores with the next requests)`,
            ...measured
              .filter((m) => m.concurrency === 1)
              .map((m) => `${m.route} makes ${m.calls.length} DynamoDB calls: ${m.calls.join(', ')}`),
            'HTTP API: fetch → the local API server (JWT verified against the JWKS, route matched, payload-2.0 event) → the handler; handler: the same module called in process; raw: the very calls the handler made (recorded from its SDK client, replayed in order with the plain SDK on the same DynamoDB Local; POST replays move every request-specific value to a fresh key so the conditional writes succeed as they did)',
            "the caller's token revocation is read once per REVOCATION_CACHE_SECONDS and container (one GetItem): not in the raw replay, its amortized share is in the handler's time",
            'POST /rfqs also calls StartExecution on the local Step Functions service, which the raw replay does not',
            "HTTP API − handler is the local API server (HTTP parsing, ES256 JWT verification, routing); on AWS that work is API Gateway's and its JWT authorizer's, not the function's — the handler/raw column is the function's own overhead",
            ...(measured.some((m) => m.replayErrors > 0)
              ? [`replay errors: ${measured.map((m) => `${m.route} c${m.concurrency} ${m.replayErrors}`).join(', ')}`]
              : []),
          ],
        },
      ],
      targets: [
        {
          target: `handler overhead ≤ ${TARGET_RATIO}× the raw DynamoDB calls (handler p50 / raw p50, every row)`,
          measured: `worst ${ratio(worst.by.handler.p50, worst.by.raw.p50)} (${worst.route}, concurrency ${worst.concurrency}); ${measured.map((m) => `${m.route} c${m.concurrency} ${ratio(m.by.handler.p50, m.by.raw.p50)} (through the local API ${ratio(m.by.http.p50, m.by.raw.p50)})`).join(', ')}`,
          pass: measured.every((m) => m.by.handler.p50 / m.by.raw.p50 <= TARGET_RATIO),
        },
      ],
      data: { warmUp, templates: templateCount, measured },
    };
  },
};

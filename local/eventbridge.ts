import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOn } from './free-port.ts';

/** An event as a rule target would receive it from EventBridge, plus the bus it was put on. */
export interface RecordedEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
  eventBusName: string;
}

/**
 * A rule's target, invoked in process as EventBridge invokes a Lambda target: asynchronously, after the put has been
 * answered, retried when it throws, and set aside once its retries are spent (AWS: the rule target's dead-letter queue).
 */
export interface LocalRule {
  name: string;
  /** The parts of an event pattern the local rules match on: any of these sources, any of these detail-types (all when absent). */
  pattern: { source: readonly string[]; detailType?: readonly string[] };
  target: (event: RecordedEvent) => Promise<unknown>;
}

export interface UndeliveredEvent {
  rule: string;
  event: RecordedEvent;
  error: string;
}

export interface EventBridgeLocal {
  endpoint: string;
  port: number;
  /** Every event put so far, oldest first. */
  events(): RecordedEvent[];
  /** Events whose rule target kept failing. */
  undelivered(): UndeliveredEvent[];
  /** Resolves once every delivery to a rule target under way has ended (delivered or set aside). */
  idle(): Promise<void>;
  /** PutEvents in process, for the local Step Functions' `events:putEvents` tasks: answers as the API does. */
  putEvents(entries: unknown): Promise<PutEventsResult>;
  stop(): Promise<void>;
}

interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}
export interface PutEventsResult {
  FailedEntryCount: number;
  Entries: PutEventsResultEntry[];
}

/** Lambda retries a failed asynchronous invocation twice (its default), then gives up on the event. */
const targetRetryAttempts = 2;

class RequestError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const contentType = 'application/x-amz-json-1.1';

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const send = (response: ServerResponse, status: number, body: unknown, type = contentType) => {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const parseDetail = (detail: string): unknown => {
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A tiny EventBridge: PutEvents over AWS JSON 1.1 (`X-Amz-Target: AWSEvents.PutEvents`) records each entry and answers
 * like AWS, entry by entry; `GET /events` lists what was put. Events matching a local rule go on to its target in
 * process (SES's bounces to the mail feedback handler); the rest stop here — the ERP is not local.
 */
export const startEventBridgeLocal = async (
  options: {
    port?: number;
    region?: string;
    accountId?: string;
    rules?: readonly LocalRule[];
    /** The first delay between a failing target's attempts; it doubles per attempt. */
    retryDelayMs?: number;
  } = {},
): Promise<EventBridgeLocal> => {
  const region = options.region ?? 'us-east-1';
  const account = options.accountId ?? '000000000000';
  const recorded: RecordedEvent[] = [];
  const undelivered: UndeliveredEvent[] = [];
  const inFlight = new Set<Promise<void>>();
  const retryDelayMs = options.retryDelayMs ?? 50;

  const deliver = async (rule: LocalRule, event: RecordedEvent): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await rule.target(event);
        return;
      } catch (error) {
        if (attempt >= targetRetryAttempts) {
          undelivered.push({ rule: rule.name, event, error: error instanceof Error ? error.message : String(error) });
          console.warn(`EventBridge: ${event['detail-type']} not delivered to ${rule.name}: ${String(error)}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** attempt));
      }
    }
  };
  const route = (event: RecordedEvent) => {
    for (const rule of options.rules ?? []) {
      const { source, detailType } = rule.pattern;
      if (!source.includes(event.source) || (detailType && !detailType.includes(event['detail-type']))) {
        continue;
      }
      // After the put is answered, as EventBridge delivers: the caller never waits for a rule's target.
      const delivery: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => deliver(rule, event))
        .finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
    }
  };

  const record = (entry: unknown): PutEventsResultEntry => {
    const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const source = text(fields.Source);
    const detailType = text(fields.DetailType);
    const detailText = text(fields.Detail);
    if (!source) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid.' };
    if (!detailType) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid.' };
    if (!detailText) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid.' };
    const detail = parseDetail(detailText);
    if (detail === undefined) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    const id = randomUUID();
    const time =
      typeof fields.Time === 'string' || typeof fields.Time === 'number' ? new Date(fields.Time) : new Date();
    recorded.push({
      version: '0',
      id,
      'detail-type': detailType,
      source,
      account,
      time: (Number.isNaN(time.getTime()) ? new Date() : time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region,
      resources: Array.isArray(fields.Resources) ? fields.Resources.filter((item) => typeof item === 'string') : [],
      detail,
      eventBusName: text(fields.EventBusName) ?? 'default',
    });
    route(recorded.at(-1)!);
    return { EventId: id };
  };

  const putEvents = async (entries: unknown): Promise<PutEventsResult> => {
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10) {
      throw new RequestError('ValidationException', 'Entries must hold between 1 and 10 entries');
    }
    const results = entries.map(record);
    return { FailedEntryCount: results.filter((result) => result.ErrorCode).length, Entries: results };
  };

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/events') {
      send(response, 200, { events: recorded }, 'application/json');
      return;
    }
    const target = request.headers['x-amz-target'];
    if (request.method !== 'POST' || target !== 'AWSEvents.PutEvents') {
      throw new RequestError('UnknownOperationException', `Unsupported operation: ${target ?? request.url}`);
    }
    let body: { Entries?: unknown };
    try {
      body = JSON.parse((await readBody(request)) || '{}');
    } catch {
      throw new RequestError('SerializationException', 'the request body is not JSON');
    }
    send(response, 200, await putEvents(body.Entries));
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      const type = error instanceof RequestError ? error.type : 'InternalException';
      send(response, error instanceof RequestError ? 400 : 500, { __type: type, message: (error as Error).message });
    });
  });
  const port = await listenOn(server, options.port, 'the local EventBridge');

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    events: () => [...recorded],
    undelivered: () => [...undelivered],
    idle: async () => {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    putEvents,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

import { createServer } from 'node:http';

export interface RecordedEvent {
  Source: string;
  DetailType: string;
  Detail: string;
  EventBusName?: string;
}

/**
 * A stand-in for EventBridge's PutEvents (AWS JSON 1.1) that records what was published, so a test can assert
 * "exactly one order.created". The step reaches it through EVENTS_ENDPOINT, over the SDK, as on AWS.
 */
export const startEventRecorder = async () => {
  const events: RecordedEvent[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { Entries?: RecordedEvent[] };
      const entries = body.Entries ?? [];
      events.push(...entries);
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(
        JSON.stringify({
          FailedEntryCount: 0,
          Entries: entries.map((_, i) => ({ EventId: `evt-${events.length + i}` })),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    events,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventBridgeLocal, type RecordedEvent, startEventBridgeLocal } from '../../local/eventbridge.ts';
import { fixture, startLocalSfn } from './stepfunctions/local-service.ts';

let bus: EventBridgeLocal;
let events: EventBridgeClient;

beforeAll(async () => {
  bus = await startEventBridgeLocal();
  events = new EventBridgeClient({
    endpoint: bus.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(() => bus.stop());

const orderCreated = (orderId: string) => ({
  EventBusName: 'quote-to-order',
  Source: 'quote-to-order',
  DetailType: 'order.created',
  Detail: JSON.stringify({ orderId, total: { amount: 350_00, currency: 'USD' } }),
});

describe('the local EventBridge', () => {
  it('records order.created as the ERP’s rule would receive it, and answers like AWS', async () => {
    const answer = await events.send(new PutEventsCommand({ Entries: [orderCreated('order-1')] }));

    expect(answer.FailedEntryCount).toBe(0);
    const eventId = answer.Entries?.[0]?.EventId;
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bus.events().find((event) => event.id === eventId)).toEqual({
      version: '0',
      id: eventId,
      'detail-type': 'order.created',
      source: 'quote-to-order',
      account: '000000000000',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      region: 'us-east-1',
      resources: [],
      detail: { orderId: 'order-1', total: { amount: 350_00, currency: 'USD' } },
      eventBusName: 'quote-to-order',
    });
  });

  it('refuses a malformed entry on its own, as AWS does, and keeps the others', async () => {
    const answer = await events.send(
      new PutEventsCommand({
        Entries: [{ ...orderCreated('order-2'), Detail: 'not json' }, orderCreated('order-3')],
      }),
    );

    expect(answer.FailedEntryCount).toBe(1);
    expect(answer.Entries?.[0]).toMatchObject({ ErrorCode: 'MalformedDetail' });
    expect(answer.Entries?.[1]?.EventId).toBeDefined();
    const orderIds = bus.events().map((event) => (event.detail as { orderId: string }).orderId);
    expect(orderIds).toContain('order-3');
    expect(orderIds).not.toContain('order-2');
  });

  it('lists what was put at GET /events', async () => {
    const response = await fetch(`${bus.endpoint}/events`);
    const { events: listed } = (await response.json()) as { events: RecordedEvent[] };
    expect(listed.map((event) => event.id)).toEqual(bus.events().map((event) => event.id));
  });

  it('receives the local Step Functions’ events:putEvents tasks', async () => {
    const local = await startLocalSfn(
      [
        {
          name: 'order-created',
          definition: fixture('order-created'),
          substitutions: { EventBusName: 'quote-to-order' },
        },
      ],
      {},
      { putEvents: bus.putEvents },
    );
    try {
      const { executionArn = '' } = await local.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: local.arn('order-created'),
          input: JSON.stringify({ orderId: 'order-4', rfqId: 'rfq-4' }),
        }),
      );

      const done = await local.settled(executionArn);
      expect(done.status).toBe('SUCCEEDED');
      const { eventId } = JSON.parse(done.output ?? '').announcement;
      expect(bus.events().find((event) => event.id === eventId)).toMatchObject({
        'detail-type': 'order.created',
        eventBusName: 'quote-to-order',
        detail: { orderId: 'order-4', rfqId: 'rfq-4' },
      });
    } finally {
      await local.service.stop();
    }
  });
});

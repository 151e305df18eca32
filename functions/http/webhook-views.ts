import * as z from 'zod';
import { integrationId } from '#domain/integration.ts';
import { singleLine } from '#domain/text.ts';
import { deliveryStates, type WebhookDelivery } from '#domain/webhook-delivery.ts';
import type { WebhookEndpoint } from '#domain/webhook-endpoint.ts';

/** The webhook routes' contract: what they accept and answer (views are whitelists: the secret only when shown once). */
export const webhookParams = z.strictObject({ integrationId });
export const deliveryParams = z.strictObject({
  integrationId,
  deliveryId: z.string().regex(/^[1-9][0-9]{0,14}$/, 'a delivery id from the delivery log'),
});
export const webhookBody = z.strictObject({
  url: singleLine(4096).describe('Where each event is POSTed; https (on AWS a public address)'),
  rotateSecret: z.boolean().optional().describe('Make a new signing secret (answered once, in this answer)'),
});
export const deliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(32).optional(),
});

export const webhookViewSchema = z.object({
  integrationId: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  disabledAt: z.iso.datetime().optional(),
  disabledBecause: z.string().optional(),
  secret: z
    .string()
    .optional()
    .describe('The signing secret (`whsec_…`, Standard Webhooks): only in the answer that made it, never again'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const webhookView = (endpoint: WebhookEndpoint, showSecret: boolean): z.infer<typeof webhookViewSchema> => ({
  integrationId: endpoint.integrationId,
  url: endpoint.url,
  enabled: endpoint.enabled,
  ...(endpoint.disabledAt && { disabledAt: endpoint.disabledAt }),
  ...(endpoint.disabledBecause && { disabledBecause: endpoint.disabledBecause }),
  ...(showSecret && { secret: endpoint.secret }),
  createdAt: endpoint.createdAt,
  updatedAt: endpoint.updatedAt,
});

export const deliveryViewSchema = z.object({
  deliveryId: z.string().describe('The event’s position in the feed'),
  webhookId: z.string().describe('The `webhook-id` every attempt carries: the event’s id'),
  eventType: z.string(),
  subject: z.string(),
  occurredAt: z.iso.datetime(),
  state: z.enum(deliveryStates),
  attempts: z.number().int(),
  lastStatus: z.number().int().optional(),
  lastError: z.string().optional(),
  lastAttemptAt: z.iso.datetime().optional(),
  nextAttemptAt: z.iso.datetime().optional(),
});

export const deliveryView = (delivery: WebhookDelivery): z.infer<typeof deliveryViewSchema> => ({
  deliveryId: delivery.deliveryId,
  webhookId: delivery.eventId,
  eventType: delivery.eventType,
  subject: delivery.subject,
  occurredAt: delivery.occurredAt,
  state: delivery.state,
  attempts: delivery.attempts,
  ...(delivery.lastStatus !== undefined && { lastStatus: delivery.lastStatus }),
  ...(delivery.lastError !== undefined && { lastError: delivery.lastError }),
  ...(delivery.lastAttemptAt && { lastAttemptAt: delivery.lastAttemptAt }),
  ...(delivery.nextAttemptAt && { nextAttemptAt: delivery.nextAttemptAt }),
});

export const deliveryListSchema = z.object({
  items: z.array(deliveryViewSchema),
  cursor: z.string().optional().describe('Pass it back as `cursor` for older deliveries; absent on the last page'),
});

import type { OrderStatusDeps } from '#application/order-status.ts';
import { eventBus } from '#functions/clients/event-bus.ts';
import { config } from '#functions/config.ts';
import { adapters } from './adapters.ts';
import { httpMailer } from './mailer.ts';

/** What the ERP's status reports need: the store, the bus they announce on, and mail for the buyer and rep. */
export const orderStatusDeps = (): OrderStatusDeps => ({
  store: adapters().store,
  events: eventBus(),
  mailer: httpMailer(),
  config: config(),
  now: () => new Date(),
});

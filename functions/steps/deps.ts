import type { Mailer } from '#email/ports.ts';
import type { Config } from '#functions/config.ts';
import type { Store } from '#store/ports.ts';

/** Publishes one domain event (source `quote-to-order`) on the configured bus. */
export interface EventPublisher {
  publish(detailType: string, detail: object): Promise<void>;
}

/** Everything a step touches, passed in: tests hand in a store on their own table, or a plain double. */
export interface StepDeps {
  store: Store;
  mailer: Mailer;
  events: EventPublisher;
  config: Config;
  now: () => Date;
}

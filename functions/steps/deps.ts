import type { EventPublisher } from '#application/announce.ts';
import type { Mailer } from '#email/ports.ts';
import type { Config } from '#functions/config.ts';
import type { Store } from '#store/ports.ts';

/** Everything a step touches, passed in: tests hand in a store on their own table, or a plain double. */
export interface StepDeps {
  store: Store;
  mailer: Mailer;
  events: EventPublisher;
  config: Config;
  now: () => Date;
}

import { type Config, config } from '#functions/config.ts';
import { storeFromConfig } from '#store/from-config.ts';
import type { Store } from '#store/ports.ts';

/**
 * The store every HTTP handler uses, built once per container from the config on first use — so a test or the local
 * stack sets the environment first and then runs the very same handlers against local services. What only some
 * handlers need lives in its own module (decision-deps.ts, submit-once.ts), so a read never bundles the Step Functions
 * client or the idempotency layer (cold start).
 */
export interface Adapters {
  store: Store;
}

let built: { for: Config; adapters: Adapters } | undefined;

/** Rebuilt only when the config is reloaded (the local stack and tests switch tables that way). */
export const adapters = (): Adapters => {
  if (built?.for !== config()) built = { for: config(), adapters: { store: storeFromConfig() } };
  return built.adapters;
};

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

/**
 * A value built once per container from the config on first use, and rebuilt only when the config is reloaded (the
 * local stack and tests switch tables that way). Nothing is built at import, so a module that a handler imports but
 * never calls costs that handler nothing.
 */
export function perConfig<T>(build: (settings: Config) => T): () => T {
  let built: { for: Config; value: T } | undefined;
  return () => {
    const settings = config();
    if (built?.for !== settings) built = { for: settings, value: build(settings) };
    return built.value;
  };
}

export const adapters = /* @__PURE__ */ perConfig((): Adapters => ({ store: storeFromConfig() }));

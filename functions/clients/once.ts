import { config } from '../config.ts';

/**
 * Each AWS SDK client lives in its own module, built once per container from the config, so a function bundles only
 * the clients it uses. Endpoints are set only in the local stack; on AWS the SDK finds its own.
 */
export const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

export const clientOptions = (endpoint: string | undefined) => ({
  region: config().AWS_REGION,
  ...(endpoint && { endpoint }),
});

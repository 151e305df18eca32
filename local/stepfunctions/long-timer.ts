/** Node's setTimeout fires at once beyond 2^31 − 1 ms (24.8 days); a 30-day quote validity is longer than that. */
const longestTimeoutMs = 2 ** 31 - 1;

/** Calls `fire` after `ms`, however long; returns the cancel. */
export const setLongTimeout = (fire: () => void, ms: number): (() => void) => {
  let timer: NodeJS.Timeout;
  const arm = (remaining: number) => {
    timer = setTimeout(
      () => (remaining > longestTimeoutMs ? arm(remaining - longestTimeoutMs) : fire()),
      Math.min(remaining, longestTimeoutMs),
    );
  };
  arm(ms);
  return () => clearTimeout(timer);
};

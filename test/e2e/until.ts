/**
 * Asks again until the answer is there (`undefined` means not yet): each probe is a server round trip, never a sleep
 * standing in for one. Gives up after `timeout` ms, naming what it waited for (a function: as it stood then).
 */
export const until = async <T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined>,
  timeout = 60_000,
): Promise<T> => {
  for (const deadline = Date.now() + timeout; ; ) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

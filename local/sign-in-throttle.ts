/**
 * Wrong passwords slow sign-in down, as Cognito's managed login does: after `perAccount` failures for one email, or
 * `perAddress` from one address, within `windowSeconds`, sign-in is refused — the right password too — until the
 * oldest of those failures has left the window. A success clears the account's failures, never the address's, so
 * one good account cannot be used to keep guessing others. In memory: the local provider is one process.
 */
export interface SignInThrottle {
  /** Seconds to wait before this email may try from this address again; 0 when it may now. */
  waitSeconds(email: string, address: string): number;
  failed(email: string, address: string): void;
  succeeded(email: string): void;
}

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
  now?: () => number;
}

export const defaultThrottleLimits: ThrottleLimits = { perAccount: 5, perAddress: 20, windowSeconds: 15 * 60 };

export const signInThrottle = ({
  perAccount,
  perAddress,
  windowSeconds,
  now = Date.now,
}: ThrottleLimits = defaultThrottleLimits): SignInThrottle => {
  const failures = new Map<string, number[]>();
  const windowMs = windowSeconds * 1000;
  /** The failures of a key still in the window; the older ones are forgotten. */
  const recent = (key: string): number[] => {
    const since = now() - windowMs;
    const kept = (failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length > 0) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  const wait = (key: string, limit: number): number => {
    const times = recent(key);
    if (times.length < limit) return 0;
    // Free again once enough of the failures have aged out to leave fewer than the limit.
    const freeAt = (times[times.length - limit] ?? now()) + windowMs;
    return Math.max(1, Math.ceil((freeAt - now()) / 1000));
  };
  const account = (email: string) => `account:${email.toLowerCase()}`;
  const address = (ip: string) => `address:${ip}`;
  return {
    waitSeconds: (email, ip) => Math.max(wait(account(email), perAccount), wait(address(ip), perAddress)),
    failed: (email, ip) => {
      for (const key of [account(email), address(ip)]) failures.set(key, [...recent(key), now()]);
    },
    succeeded: (email) => {
      failures.delete(account(email));
    },
  };
};

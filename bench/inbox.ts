/** One mail as the local SES's `GET /store` lists it. */
export interface SentEmail {
  messageId: string;
  at: number;
  destination: { to?: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

interface Waiter {
  matches: (email: SentEmail) => boolean;
  resolve: (email: SentEmail) => void;
  reject: (error: unknown) => void;
}

const POLL_MS = 100;

/**
 * The inbox every scripted decider reads: one poller of the local SES store (`?since=` keeps each answer short) that
 * hands each new email to the first decider waiting for one like it, or keeps it until one asks. An email is taken once.
 */
export const openInbox = (sesEndpoint: string) => {
  const waiters = new Set<Waiter>();
  const seen = new Set<string>();
  /** Mail nobody was waiting for yet (it can arrive before its decider starts to wait). */
  const unclaimed: SentEmail[] = [];
  let since = Math.floor(Date.now() / 1000);
  let polling = false;

  const poll = async () => {
    while (waiters.size > 0) {
      const response = await fetch(`${sesEndpoint}/store?since=${since}`);
      if (!response.ok) throw new Error(`the local SES store answered HTTP ${response.status}`);
      const { emails } = (await response.json()) as { emails: SentEmail[] };
      for (const email of emails) {
        since = Math.max(since, email.at);
        if (seen.has(email.messageId)) continue;
        seen.add(email.messageId);
        const waiter = [...waiters].find((w) => w.matches(email));
        if (!waiter) {
          unclaimed.push(email);
          continue;
        }
        waiters.delete(waiter);
        waiter.resolve(email);
      }
      if (waiters.size > 0) await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };

  const ensurePolling = (): void => {
    if (polling) return;
    polling = true;
    poll()
      .catch((error: unknown) => {
        for (const w of waiters) w.reject(error);
        waiters.clear();
      })
      .finally(() => {
        polling = false;
        // A decider may have started waiting between the loop's last check and here.
        if (waiters.size > 0) ensurePolling();
      });
  };

  return {
    pollMs: POLL_MS,
    /** The next untaken email `matches` accepts; fails after `timeoutMs`. */
    next(what: string, matches: (email: SentEmail) => boolean, timeoutMs: number): Promise<SentEmail> {
      const waiting = unclaimed.findIndex(matches);
      if (waiting >= 0) return Promise.resolve(unclaimed.splice(waiting, 1)[0] as SentEmail);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no email ${what} within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        const waiter: Waiter = {
          matches,
          resolve: (email) => {
            clearTimeout(timer);
            resolve(email);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiters.add(waiter);
        ensurePolling();
      });
    },
    /** Every email sent since `sinceEpochSeconds` (for counting), untaken ones included. */
    async all(sinceEpochSeconds: number): Promise<SentEmail[]> {
      const response = await fetch(`${sesEndpoint}/store?since=${sinceEpochSeconds}`);
      return ((await response.json()) as { emails: SentEmail[] }).emails;
    },
  };
};

export type Inbox = ReturnType<typeof openInbox>;

export const recipients = (email: SentEmail): string[] => [
  ...(email.destination.to ?? []),
  ...(email.destination.cc ?? []),
  ...(email.destination.bcc ?? []),
];

import { type Email, openInbox as readInbox } from '#local/inbox.ts';

interface Waiter {
  matches: (email: Email) => boolean;
  resolve: (email: Email) => void;
  reject: (error: unknown) => void;
}

const POLL_MS = 100;

/**
 * The inbox every scripted decider reads: one poller of the local SES store (`?since=` keeps each answer short) that
 * hands each new email to the first decider waiting for one like it, or keeps it until one asks. An email is taken once.
 */
export const openInbox = (sesEndpoint: string) => {
  const store = readInbox(sesEndpoint);
  const waiters = new Set<Waiter>();
  const seen = new Set<string>();
  /** Mail nobody was waiting for yet (it can arrive before its decider starts to wait). */
  const unclaimed: Email[] = [];
  let since = Math.floor(Date.now() / 1000);
  let polling = false;

  const poll = async () => {
    while (waiters.size > 0) {
      for (const email of await store.all(since)) {
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
    linksIn: store.linksIn,
    /** The next untaken email `matches` accepts; fails after `timeoutMs`. */
    next(what: string, matches: (email: Email) => boolean, timeoutMs: number): Promise<Email> {
      const waiting = unclaimed.findIndex(matches);
      if (waiting >= 0) return Promise.resolve(unclaimed.splice(waiting, 1)[0] as Email);
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
    all: (sinceEpochSeconds: number): Promise<Email[]> => store.all(sinceEpochSeconds),
  };
};

export type Inbox = ReturnType<typeof openInbox>;

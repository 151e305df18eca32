import { TransientError } from '#steps/transient.ts';

type Step = (event: { rfqId: string }) => Promise<unknown>;

/**
 * A step that, for the RFQs a test holds, does its work (opens its wait, sends its mail) and then fails once as a mail
 * server that gave up would; Step Functions retries it with a new task token, and that retry waits until the test
 * lets it go. The window between a wait's two openings, held open for as long as the test needs — never by sleeping.
 */
export const aHeldRetry = (step: Step) => {
  const held = new Map<string, { failed: boolean; retrying: () => void; released: Promise<void> }>();
  return {
    /** The step's replacement in the world (`replace`). */
    lambda: async (event: { rfqId: string }) => {
      const hold = held.get(event.rfqId);
      if (hold && !hold.failed) {
        await step(event);
        hold.failed = true;
        throw new TransientError('the mail server is busy');
      }
      if (hold) {
        hold.retrying();
        await hold.released;
      }
      return step(event);
    },
    /** Holds this RFQ's step: `retrying` settles once the failed run's retry has started; `letGo` lets it run. */
    hold(rfqId: string) {
      let retrying = () => {};
      let letGo = () => {};
      const started = new Promise<void>((resolve) => {
        retrying = resolve;
      });
      const released = new Promise<void>((resolve) => {
        letGo = resolve;
      });
      held.set(rfqId, { failed: false, retrying, released });
      return { retrying: started, letGo };
    },
  };
};

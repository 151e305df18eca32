import type { RfqStatus } from '#domain/lifecycle.ts';
import { stampMilestones } from '#domain/milestones.ts';
import type { Quote, Rfq } from '#domain/rfq.ts';

/**
 * The images an RFQ passes through, as the store writes them: each step moves the status (stamping milestones as the
 * store does) at a given time. `aJourney(rfq).at(t).to('IN_REVIEW').to('QUOTED', { quote })...images()`.
 */
class Journey {
  constructor(
    private readonly steps: readonly Rfq[],
    private readonly clock: string,
  ) {}

  /** Later steps happen at this time. */
  at(time: string): Journey {
    return new Journey(this.steps, time);
  }

  to(status: RfqStatus, changes: Partial<Rfq> = {}): Journey {
    const current = this.steps.at(-1)!;
    const next: Rfq = {
      ...current,
      ...changes,
      status,
      version: current.version + 1,
      updatedAt: this.clock,
      milestones: stampMilestones(current.milestones, status, this.clock),
    };
    return new Journey([...this.steps, next], this.clock);
  }

  /** A change without a new status (a recorded decision, a new quote version). */
  update(changes: Partial<Rfq>): Journey {
    const current = this.steps.at(-1)!;
    return new Journey([...this.steps, { ...current, ...changes, version: current.version + 1 }], this.clock);
  }

  quoted(quote: Quote): Journey {
    return this.to('QUOTED', { quote, currency: quote.currency });
  }

  images(): Rfq[] {
    return [...this.steps];
  }

  last(): Rfq {
    return this.steps.at(-1)!;
  }
}

export const aJourney = (submitted: Rfq): Journey => new Journey([submitted], submitted.createdAt);

import type { Json } from './json.ts';

/** One event of GetExecutionHistory, shaped like AWS's (`id`, `previousEventId`, `timestamp`, `type`, `...EventDetails`). */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: string;
  details?: Record<string, Json>;
}

/** AWS names the details after the event type, except that every `*StateEntered`/`*StateExited` shares one name. */
export const detailsKey = (type: string): string => {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
};

/** The append-only history of one execution. */
export class History {
  readonly events: HistoryEvent[] = [];
  #closed = false;

  record(type: string, details?: Record<string, Json>): void {
    if (this.#closed) return;
    const id = this.events.length + 1;
    const event: HistoryEvent = { id, previousEventId: id - 1, timestamp: new Date(), type };
    if (details) event.details = details;
    this.events.push(event);
  }

  /** The execution's last event; nothing is recorded after it. */
  close(type: string, details?: Record<string, Json>): void {
    this.record(type, details);
    this.#closed = true;
  }

  /** How many states were entered — what AWS bills as state transitions, near enough to compare runs. */
  stateTransitions(): number {
    return this.events.filter((event) => event.type.endsWith('StateEntered')).length;
  }
}

import { useRef, useState } from 'preact/hooks';
import { type Problem, problemText } from '../api/client.ts';

/** An openapi-fetch answer, as far as an action needs it: the data, or the problem the API answered instead. */
export interface ApiAnswer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** A reason the page finds before sending (a price it cannot read): shown where the API's problem would be. */
export class Unsendable extends Error {
  override readonly name = 'Unsendable';
}

export interface Action<A extends unknown[], T> {
  /** Sends once; answers `{ data }` when the API took it, undefined when it did not (the reason is in `error`). */
  run: (...args: A) => Promise<{ data: T } | undefined>;
  busy: boolean;
  /** The sentence saying why the last run failed ('' when it did not): the problem's detail and the fields it names. */
  error: string;
  /** The API's problem itself, for a page that marks the fields it names. */
  problem?: Partial<Problem> | undefined;
  clear: () => void;
}

/**
 * One write a person starts — a decision, a save, a post: busy while it runs (its buttons say so), and why it failed,
 * in the API's words (problem+json) or the page's (Unsendable). The one way every page of the app runs a write.
 */
export const useAction = <A extends unknown[], T>(
  send: (...args: A) => Promise<ApiAnswer<T>>,
  failed: string,
): Action<A, T> => {
  const [state, setState] = useState<{ busy: boolean; error: string; problem?: Partial<Problem> }>({
    busy: false,
    error: '',
  });
  // A second press while the first is on its way is dropped: a page need not disable the button (and lose its focus).
  const running = useRef(false);
  const run = async (...args: A) => {
    if (running.current) return undefined;
    running.current = true;
    setState({ busy: true, error: '' });
    try {
      const answer = await send(...args);
      if (answer.error !== undefined || !answer.response.ok) {
        const problem = answer.error as Partial<Problem> | undefined;
        setState({ busy: false, error: problemText(problem, failed), ...(problem && { problem }) });
        return undefined;
      }
      setState({ busy: false, error: '' });
      return { data: answer.data as T };
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
      return undefined;
    } finally {
      running.current = false;
    }
  };
  return { run, ...state, clear: () => setState({ busy: false, error: '' }) };
};

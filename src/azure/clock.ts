import { OperationCancelledError } from '../cancellation';

/**
 * Time as the ARM layer sees it: retries, long-running-operation polls, deadlines and the settled-state reads all wait
 * and read the time through a Clock, so tests record the delays that were asked for instead of waiting for them.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with OperationCancelledError as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep };

/** A wait that ends early, rejecting, when the signal is aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new OperationCancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new OperationCancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

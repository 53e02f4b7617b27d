import * as l10n from '@vscode/l10n';

/**
 * The one cancellation type. Cancelling is an answer, not a failure: commands end quietly, telemetry says Canceled.
 * Everything else that means "cancelled" (the SDK's AbortError, a closed picker, VS Code's token) is turned into this
 * where it enters our code, so the rest checks with `instanceof` only.
 */
export class OperationCancelledError extends Error {
  override readonly name = 'OperationCancelledError';
  constructor(message = l10n.t('The operation was cancelled.')) {
    super(message);
  }
}

export function isCancellation(error: unknown): error is OperationCancelledError {
  return error instanceof OperationCancelledError;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new OperationCancelledError();
}

/** What abortSignalFor needs of a VS Code CancellationToken (structural, so this module stays free of `vscode`). */
export interface CancellationTokenLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): unknown;
}

/** Bridges a VS Code cancellation token to the AbortSignal the Azure SDK pipeline and child processes take. */
export function abortSignalFor(token: CancellationTokenLike): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

/** The promise, or OperationCancelledError as soon as the signal aborts (the promise itself runs on). */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new OperationCancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new OperationCancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

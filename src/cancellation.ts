/**
 * Cancelling is an answer, not a failure. Recognised by name: the SDK's AbortError and our OperationCancelledError
 * can come from separately bundled copies. (errors.ts adds VS Code's CancellationError.)
 */
export function isCancellationError(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'AbortError' || name === 'OperationCancelledError' || name === 'Canceled';
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

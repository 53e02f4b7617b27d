/**
 * Cancelling is an answer, not a failure. Recognised by name: the SDK's AbortError and our OperationCancelledError
 * can come from separately bundled copies. (errors.ts adds VS Code's CancellationError.)
 */
export function isCancellationError(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'AbortError' || name === 'OperationCancelledError' || name === 'Canceled';
}

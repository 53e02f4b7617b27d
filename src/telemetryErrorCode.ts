import { ArmError } from './azure/armError';
import { FailureWithOutcome } from './outcome';

/** What an error code must look like to be sent: a service could put anything (a name, an id, a token) in `code`. */
const SAFE_CODE = /^[A-Za-z][A-Za-z0-9.]{0,80}$/;

/** ARM's code, or the error's type: never its message, which can hold names and ids; `Other` when it is not code-like. */
export function telemetryErrorCode(error: unknown): string {
  if (error instanceof FailureWithOutcome) return telemetryErrorCode(error.failure);
  const code = error instanceof ArmError ? error.code : (error as { name?: unknown } | undefined)?.name || 'Error';
  return typeof code === 'string' && SAFE_CODE.test(code) ? code : 'Other';
}

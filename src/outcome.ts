import { errorText } from './azure/armError';

/**
 * A failure together with what it left behind ("Deleted the connected cluster; nothing remains in Azure."). Shown by
 * the one error presenter as the cause's summary followed by the outcome; telemetry reports the cause's code.
 */
export class FailureWithOutcome extends Error {
  override readonly name = 'FailureWithOutcome';
  constructor(
    readonly failure: unknown,
    readonly outcome: string,
  ) {
    super(outcome);
  }
}

/** The short form for a notification, a tree item or a log line: ARM's code and message, or the error's message. */
export function errorSummary(error: unknown): string {
  if (error instanceof FailureWithOutcome) return `${errorSummary(error.failure)} ${error.outcome}`;
  return errorText(error);
}

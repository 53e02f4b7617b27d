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

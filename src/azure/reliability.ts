/**
 * Every bound on waiting that the ARM layer keeps, in one place. The README's "Reliability" section lists them; the
 * ones a user may need to change are settings (azureLocal.*), read into this shape by `settings.reliability()`.
 */
export interface Reliability {
  /** One HTTP exchange may take this long before it is abandoned (setting requestTimeoutSeconds, default 60 s). */
  requestTimeoutMs: number;
  /** Retries of one request after a connection failure, 408, 429 or 5xx. */
  maxRetries: number;
  /** First backoff of a retry without Retry-After; doubles per attempt. */
  retryBaseDelayMs: number;
  /** A throttled request is retried only when Retry-After asks for at most this; a longer wait is reported instead. */
  maxThrottleWaitMs: number;
  /** Long-running operations: the poll interval when the service names none. */
  pollDefaultDelayMs: number;
  /** Retry-After 0, negative or in the past never means "poll at once": at least this much between polls. */
  pollMinDelayMs: number;
  /** No Retry-After parks a poll longer than this. */
  pollMaxDelayMs: number;
  /** One operation is followed at most this long, then reported as still running (setting operationTimeoutMinutes). */
  operationDeadlineMs: number;
  /** Failed polls (network, 401, 404, 5xx, malformed status) are retried for this long since the last good one. */
  pollFailureWindowMs: number;
  /** Any list stops with an error after this many pages (setting maxPages). */
  maxPages: number;
  /** After an interruption, a resource counts as settled after this many identical reads in a row… */
  settleReads: number;
  /** …this far apart… */
  settleSpacingMs: number;
  /** …within this window (setting settleWindowSeconds); past it the statement says "may exist". */
  settleWindowMs: number;
}

export const DEFAULT_RELIABILITY: Reliability = {
  requestTimeoutMs: 60_000,
  maxRetries: 3,
  retryBaseDelayMs: 1_000,
  maxThrottleWaitMs: 60_000,
  pollDefaultDelayMs: 5_000,
  pollMinDelayMs: 1_000,
  pollMaxDelayMs: 60_000,
  operationDeadlineMs: 3 * 60 * 60_000,
  pollFailureWindowMs: 10 * 60_000,
  maxPages: 1_000,
  settleReads: 3,
  settleSpacingMs: 5_000,
  settleWindowMs: 3 * 60_000,
};

import * as l10n from '@vscode/l10n';
import { isCancellation, throwIfCancelled } from '../cancellation';
import { ArmError, armErrorFromOperation, clip, errorText, tryParseJson, type ArmErrorDetail } from './armError';
import { systemClock, type Clock } from './clock';
import { DEFAULT_RELIABILITY, type Reliability } from './reliability';
import { retryAfterMs } from './retryAfter';

/** The parts of an HTTP response that long-running-operation polling needs. */
export interface HttpResult {
  status: number;
  headers: { get(name: string): string | undefined };
  bodyText?: string;
}

export type LroTiming = Pick<Reliability, 'pollDefaultDelayMs' | 'pollMinDelayMs' | 'pollMaxDelayMs' | 'operationDeadlineMs' | 'pollFailureWindowMs'>;

export interface LroOptions {
  /** The response to the PUT, DELETE or POST that started the operation. */
  initial: HttpResult;
  /** The resource's own URL; fetched once the operation succeeds when the operation was a PUT. */
  resourceUrl?: string;
  /** The request's method decides what the final result is (ARM's final-state rules). */
  method: 'PUT' | 'DELETE' | 'POST' | 'PATCH';
  /** GETs a URL; must throw (an ArmError) for 4xx/5xx so that failures surface. */
  get: (url: string) => Promise<HttpResult>;
  clock?: Clock;
  signal?: AbortSignal;
  timing?: Partial<LroTiming>;
  /** Told every status the service reports ("InProgress", "Creating", "Failed", ...). */
  onStatus?: (status: string) => void;
  /** Told each poll that failed and will be tried again (for the output channel). */
  onPollFailure?: (reason: string) => void;
  /** Where a POST's result is (the swagger's `final-state-via`): the operation-status body, or the Location URL (default). */
  finalStateVia?: 'azure-async-operation' | 'location';
}

const TERMINAL_SUCCESS = new Set(['succeeded']);
const TERMINAL_FAILURE = new Set(['failed', 'canceled', 'cancelled']);

/** What one poll said: a status, or something that is not one (and counts as a failed poll). */
type PollReading = { status: string; poll: HttpResult } | { malformed: string };

/**
 * Polls an ARM long-running operation to its end, the way ARM documents it: `Azure-AsyncOperation` (status body)
 * first, then `Location` (202 until done), then the resource's own provisioningState. Returns the final response:
 * the resource for PUT/PATCH, the Location result for POST/DELETE. Throws an ArmError when the operation fails.
 *
 * Field-proof: waits are at least `pollMinDelayMs` and at most `pollMaxDelayMs` whatever Retry-After says; a failed
 * or unreadable poll (network, 401, 404, 5xx, a status that is no status) is transient until `pollFailureWindowMs`
 * have passed since the last good one; the whole operation is followed for at most `operationDeadlineMs`.
 */
export async function pollLongRunningOperation(options: LroOptions): Promise<HttpResult> {
  const { initial, method } = options;
  const clock = options.clock ?? systemClock;
  const timing: LroTiming = { ...DEFAULT_RELIABILITY, ...options.timing };
  const started = clock.now();
  const asyncUrl = initial.headers.get('azure-asyncoperation');
  const locationUrl = initial.headers.get('location');
  let lastHeaders = initial.headers;

  const wait = async (ms = pollDelayMs(lastHeaders, clock.now(), timing)) => {
    throwIfCancelled(options.signal);
    if (clock.now() + ms - started > timing.operationDeadlineMs) throw deadlineError(timing.operationDeadlineMs);
    await clock.sleep(ms, options.signal);
  };

  /** One reading of `url`, with failed and malformed polls retried (backing off) within the failure window. */
  const poll = async (url: string, read: (poll: HttpResult) => PollReading): Promise<{ status: string; poll: HttpResult }> => {
    const lastGood = clock.now();
    let backoff = timing.pollMinDelayMs;
    for (;;) {
      let reason: string;
      try {
        const response = await options.get(url);
        lastHeaders = response.headers;
        const reading = read(response);
        if ('status' in reading) return reading;
        reason = reading.malformed;
      } catch (error) {
        if (isCancellation(error) || !isTransientPollFailure(error)) throw error;
        reason = errorText(error);
      }
      if (clock.now() - lastGood >= timing.pollFailureWindowMs) throw lostTrackError(reason, timing.pollFailureWindowMs);
      options.onPollFailure?.(reason);
      await wait(Math.min(backoff, timing.pollMaxDelayMs));
      backoff *= 2;
    }
  };

  if (asyncUrl) {
    let last: HttpResult;
    for (;;) {
      await wait();
      const { status, poll: response } = await poll(asyncUrl, readOperationStatus);
      last = response;
      options.onStatus?.(status);
      if (TERMINAL_FAILURE.has(status.toLowerCase())) {
        const body = parseBody(response.bodyText) as { error?: ArmErrorDetail };
        throw armErrorFromOperation({ status, error: body.error }, response.headers.get('x-ms-correlation-request-id'));
      }
      if (TERMINAL_SUCCESS.has(status.toLowerCase())) break;
    }
    if (method === 'POST' && options.finalStateVia === 'azure-async-operation') return last;
    return finalResult(options, locationUrl);
  }

  if (locationUrl) {
    for (;;) {
      await wait();
      const { status, poll: response } = await poll(locationUrl, (r) => ({ status: r.status === 202 ? 'InProgress' : 'Done', poll: r }));
      if (status === 'Done') return method === 'PUT' || method === 'PATCH' ? finalResult(options, undefined) : response;
      options.onStatus?.('InProgress');
    }
  }

  // No operation headers: the resource's provisioningState is the only signal (ARM's "body" pattern).
  let current = initial;
  for (;;) {
    if (method === 'DELETE' || current.status === 204) return current;
    const state = provisioningStateOf(current.bodyText);
    if (!state || TERMINAL_SUCCESS.has(state.toLowerCase())) return current;
    options.onStatus?.(state);
    if (TERMINAL_FAILURE.has(state.toLowerCase())) {
      const body = parseBody(current.bodyText) as { properties?: { status?: { errorMessage?: string } } };
      throw armErrorFromOperation({
        status: state,
        error: { code: `Provisioning${state}`, message: body.properties?.status?.errorMessage ?? l10n.t({ message: 'Provisioning ended {0}.', args: [state], comment: '{0} is a provisioning state: Failed or Canceled' }) },
      });
    }
    if (!options.resourceUrl) return current;
    lastHeaders = current.headers;
    await wait();
    current = (await poll(options.resourceUrl, (r) => ({ status: provisioningStateOf(r.bodyText) ?? '', poll: r }))).poll;
  }
}

async function finalResult(options: LroOptions, locationUrl: string | undefined | null): Promise<HttpResult> {
  if ((options.method === 'PUT' || options.method === 'PATCH') && options.resourceUrl) return options.get(options.resourceUrl);
  if (locationUrl && options.method === 'POST') return options.get(locationUrl);
  return options.initial;
}

/** The wait before the next poll: Retry-After (seconds or an HTTP date) or the default, kept within [min, max]. */
export function pollDelayMs(headers: { get(name: string): string | undefined | null }, now: number, timing: Pick<LroTiming, 'pollDefaultDelayMs' | 'pollMinDelayMs' | 'pollMaxDelayMs'>): number {
  const asked = retryAfterMs(headers.get('retry-after'), now) ?? timing.pollDefaultDelayMs;
  return Math.min(Math.max(asked, timing.pollMinDelayMs), timing.pollMaxDelayMs);
}

/**
 * An operation-status body's `status`, normalised (trimmed). A body that is not JSON, or a status that is missing,
 * empty or not a string, is no reading: it is named, so that if it persists the user reads what came back.
 */
export function readOperationStatus(poll: HttpResult): PollReading {
  const parsed = tryParseJson(poll.bodyText);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const text = (poll.bodyText ?? '').trim();
    return { malformed: text ? l10n.t('a body that is not an operation status ("{0}")', clip(text.replace(/\s+/g, ' '), 60)) : l10n.t('an empty body') };
  }
  const status = (parsed as { status?: unknown }).status;
  if (typeof status !== 'string' || !status.trim()) return { malformed: l10n.t({ message: 'status {0}', args: [clip(JSON.stringify(status) ?? 'undefined', 60)], comment: '{0} is the JSON value of an operation status that is not one' }) };
  return { status: status.trim(), poll };
}

/** Poll failures that say nothing final about the operation: no answer, 401 (a token to renew), 404, 408, 429, 5xx. */
export function isTransientPollFailure(error: unknown): boolean {
  if (!(error instanceof ArmError)) return false;
  if (error.code === 'ForeignOrigin') return false;
  const status = error.status;
  return status === undefined || status === 401 || status === 404 || status === 408 || status === 429 || status >= 500;
}

function lostTrackError(reason: string, windowMs: number): ArmError {
  return new ArmError(
    'OperationStatusUnavailable',
    l10n.t({ message: 'Lost track of the operation: its status could not be read for {0} (last: {1}). It may still be running in Azure.', args: [minutes(windowMs), reason], comment: '{0} is a duration ("10 min"), {1} why the last read failed' }),
    undefined,
  );
}

function deadlineError(deadlineMs: number): ArmError {
  return new ArmError(
    'OperationTimedOut',
    l10n.t({ message: 'Stopped following the operation after {0} ({1}). It may still finish in Azure.', args: [minutes(deadlineMs), 'azureLocal.operationTimeoutMinutes'], comment: '{0} is a duration ("60 min"), {1} a setting' }),
    undefined,
  );
}

function minutes(ms: number): string {
  return ms >= 60_000 ? l10n.t('{0} min', Math.round(ms / 60_000)) : l10n.t('{0} s', Math.round(ms / 1000));
}

function provisioningStateOf(bodyText: string | undefined): string | undefined {
  const state = (parseBody(bodyText) as { properties?: { provisioningState?: unknown } }).properties?.provisioningState;
  return typeof state === 'string' && state.trim() ? state.trim() : undefined;
}

function parseBody(text: string | undefined): Record<string, unknown> {
  const parsed = tryParseJson(text);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

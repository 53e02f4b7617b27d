import { armErrorFromOperation, tryParseJson, type ArmErrorDetail } from './armError';

/** The parts of an HTTP response that long-running-operation polling needs. */
export interface HttpResult {
  status: number;
  headers: { get(name: string): string | undefined };
  bodyText?: string;
}

export interface LroOptions {
  /** The response to the PUT, DELETE or POST that started the operation. */
  initial: HttpResult;
  /** The resource's own URL; fetched once the operation succeeds when the operation was a PUT. */
  resourceUrl?: string;
  /** The request's method decides what the final result is (ARM's final-state rules). */
  method: 'PUT' | 'DELETE' | 'POST' | 'PATCH';
  /** GETs a URL; must throw (an ArmError) for 4xx/5xx so that failures surface. */
  get: (url: string) => Promise<HttpResult>;
  /** Waits, rejecting when the signal is aborted. */
  sleep: (ms: number) => Promise<void>;
  /** Used when the service sends no Retry-After. */
  defaultDelayMs?: number;
  /** Bounds one wait, so a wrong Retry-After cannot park a progress bar for an hour. */
  maxDelayMs?: number;
  /** Told every status the service reports ("InProgress", "Creating", ...). */
  onStatus?: (status: string) => void;
  /** Checked before every poll. */
  isCancelled?: () => boolean;
  /** Where a POST's result is (the swagger's `final-state-via`): the operation-status body, or the Location URL (default). */
  finalStateVia?: 'azure-async-operation' | 'location';
}

export class OperationCancelledError extends Error {
  override readonly name = 'OperationCancelledError';
  constructor() {
    super('The operation was cancelled.');
  }
}

const TERMINAL_SUCCESS = new Set(['succeeded']);
const TERMINAL_FAILURE = new Set(['failed', 'canceled', 'cancelled']);

/**
 * Polls an ARM long-running operation to its end, the way ARM documents it: `Azure-AsyncOperation` (status body)
 * first, then `Location` (202 until done), then the resource's own provisioningState. Returns the final response:
 * the resource for PUT/PATCH, the Location result for POST/DELETE. Throws an ArmError when the operation fails.
 */
export async function pollLongRunningOperation(options: LroOptions): Promise<HttpResult> {
  const { initial, method } = options;
  const asyncUrl = options.initial.headers.get('azure-asyncoperation');
  const locationUrl = options.initial.headers.get('location');
  let lastHeaders = initial.headers;
  let lastPoll: HttpResult | undefined;

  const wait = async () => {
    if (options.isCancelled?.()) throw new OperationCancelledError();
    await options.sleep(retryDelayMs(lastHeaders, options.defaultDelayMs ?? 5000, options.maxDelayMs ?? 60000));
    if (options.isCancelled?.()) throw new OperationCancelledError();
  };

  if (asyncUrl) {
    for (;;) {
      await wait();
      const poll = await options.get(asyncUrl);
      lastPoll = poll;
      lastHeaders = poll.headers;
      const operation = parseBody(poll.bodyText) as { status?: string; error?: ArmErrorDetail };
      const status = operation.status ?? 'InProgress';
      options.onStatus?.(status);
      if (TERMINAL_FAILURE.has(status.toLowerCase())) {
        throw armErrorFromOperation(operation, poll.headers.get('x-ms-correlation-request-id'));
      }
      if (TERMINAL_SUCCESS.has(status.toLowerCase())) break;
    }
    if (method === 'POST' && options.finalStateVia === 'azure-async-operation' && lastPoll) return lastPoll;
    return finalResult(options, locationUrl);
  }

  if (locationUrl) {
    for (;;) {
      await wait();
      const poll = await options.get(locationUrl);
      lastHeaders = poll.headers;
      if (poll.status !== 202) return method === 'PUT' || method === 'PATCH' ? finalResult(options, undefined) : poll;
      options.onStatus?.('InProgress');
    }
  }

  // No operation headers: the resource's provisioningState is the only signal (ARM's "body" pattern).
  let current = initial;
  for (;;) {
    if (method === 'DELETE' || current.status === 204) return current;
    const state = provisioningState(current.bodyText);
    if (!state || TERMINAL_SUCCESS.has(state.toLowerCase())) return current;
    if (TERMINAL_FAILURE.has(state.toLowerCase())) {
      const body = parseBody(current.bodyText) as { properties?: { status?: { errorMessage?: string } } };
      throw armErrorFromOperation({
        status: state,
        error: { code: `Provisioning${state}`, message: body.properties?.status?.errorMessage ?? `Provisioning ended ${state}.` },
      });
    }
    options.onStatus?.(state);
    if (!options.resourceUrl) return current;
    lastHeaders = current.headers;
    await wait();
    current = await options.get(options.resourceUrl);
  }
}

async function finalResult(options: LroOptions, locationUrl: string | undefined): Promise<HttpResult> {
  if ((options.method === 'PUT' || options.method === 'PATCH') && options.resourceUrl) return options.get(options.resourceUrl);
  if (locationUrl && options.method === 'POST') return options.get(locationUrl);
  return options.initial;
}

/** Retry-After in seconds or as an HTTP date; falls back to `fallbackMs`, bounded by `maxMs`. */
export function retryDelayMs(headers: { get(name: string): string | undefined }, fallbackMs: number, maxMs: number): number {
  const value = headers.get('retry-after');
  let ms = fallbackMs;
  if (value !== undefined && value.trim() !== '') {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) ms = Math.max(0, seconds * 1000);
    else {
      const date = Date.parse(value);
      if (!Number.isNaN(date)) ms = Math.max(0, date - Date.now());
    }
  }
  return Math.min(ms, maxMs);
}

function provisioningState(bodyText: string | undefined): string | undefined {
  const body = parseBody(bodyText) as { properties?: { provisioningState?: string } };
  return body.properties?.provisioningState;
}

function parseBody(text: string | undefined): Record<string, unknown> {
  const parsed = tryParseJson(text);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

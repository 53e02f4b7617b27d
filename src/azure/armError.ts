import * as l10n from '@vscode/l10n';
import { isRestError } from '@azure/core-rest-pipeline';
import { OperationCancelledError } from '../cancellation';

/** ARM's error detail shape (common-types ErrorDetail), recursive through `details`. */
export interface ArmErrorDetail {
  code?: string;
  message?: string;
  target?: string;
  details?: ArmErrorDetail[];
}

/**
 * The one error type for everything that comes back from Resource Manager: it keeps ARM's `code`, `message`
 * and `details`, the HTTP status and the correlation id that support asks for.
 */
export class ArmError extends Error {
  override readonly name = 'ArmError';
  /**
   * An earlier attempt of the same request got no answer or a 5xx: it may have gone through, so this answer (say, a
   * 409 caused by that very attempt) proves nothing about what exists.
   */
  afterLostAttempt = false;
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | undefined,
    readonly details: ArmErrorDetail[] = [],
    readonly correlationId?: string,
    readonly target?: string,
  ) {
    super(message);
  }
}

export interface ArmErrorSource {
  status?: number;
  /** Raw response text, JSON or not. */
  bodyText?: string;
  headers?: { get(name: string): string | undefined };
}

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  408: 'RequestTimeout',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** Set by the retry policy on a response that follows an attempt whose fate is unknown. */
export const EARLIER_ATTEMPT_LOST_HEADER = 'x-azure-local-earlier-attempt-lost';

/** Builds an ArmError from a failed response: ARM's `{error:{...}}` when present, else a status-derived one. */
export function armErrorFromResponse(source: ArmErrorSource): ArmError {
  const error = armErrorFromBody(source);
  error.afterLostAttempt = source.headers?.get(EARLIER_ATTEMPT_LOST_HEADER) === 'true';
  return error;
}

function armErrorFromBody(source: ArmErrorSource): ArmError {
  const correlationId =
    source.headers?.get('x-ms-correlation-request-id') ?? source.headers?.get('x-ms-request-id') ?? undefined;
  const parsed = tryParseJson(source.bodyText);
  const body = (parsed && typeof parsed === 'object' ? (parsed as { error?: unknown }).error ?? parsed : undefined) as
    | ArmErrorDetail
    | undefined;
  if (body && typeof body.code === 'string' && body.code) {
    return new ArmError(
      body.code,
      text(body.message) ?? body.code,
      source.status,
      Array.isArray(body.details) ? body.details : [],
      correlationId,
      text(body.target),
    );
  }
  const code = (source.status && STATUS_CODES[source.status]) || `Http${source.status ?? 'Error'}`;
  const raw = source.bodyText?.trim();
  const message = raw && !parsed ? clip(raw, 500) : l10n.t('The request failed with status {0}.', `${source.status}`);
  return new ArmError(code, message, source.status, [], correlationId);
}

/** Builds an ArmError from an operation-status body whose status is Failed or Canceled. */
export function armErrorFromOperation(operation: { status?: string; error?: ArmErrorDetail }, correlationId?: string) {
  const error = operation.error && typeof operation.error === 'object' ? operation.error : undefined;
  return new ArmError(
    text(error?.code) ?? `Operation${operation.status ?? 'Failed'}`,
    text(error?.message) ?? l10n.t('The operation ended with status {0}.', operation.status ?? l10n.t('unknown')),
    undefined,
    Array.isArray(error?.details) ? error!.details : [],
    correlationId,
    text(error?.target),
  );
}

/** One line for a log, a poll failure or a summary: ARM's code and message, or the error's message; bounded. */
export function errorText(error: unknown): string {
  if (error instanceof ArmError) return clip(`${error.code}: ${error.message}`);
  return clip(error instanceof Error ? error.message : String(error));
}

/** Bounds on what one error renders: ARM's details can nest without limit (a hostile body had 20,000 levels). */
const MAX_DETAIL_DEPTH = 8;
const MAX_DETAIL_LINES = 100;
const MAX_TEXT = 1_000;

/** Multi-line text of an error and its nested details, for the output channel and the "Details" view. Bounded. */
export function describeArmError(error: ArmError): string {
  const lines = [`${clip(error.code)}: ${clip(error.message)}`];
  // Iterative, depth-first, in order: no recursion for a body to overflow.
  const stack: { detail: unknown; depth: number }[] = [...asArray(error.details)].reverse().map((detail) => ({ detail, depth: 1 }));
  let shown = 0;
  let truncated = false;
  while (stack.length) {
    const { detail, depth } = stack.pop()!;
    if (shown >= MAX_DETAIL_LINES || depth > MAX_DETAIL_DEPTH) {
      truncated = true;
      continue;
    }
    const d = (detail && typeof detail === 'object' ? detail : {}) as ArmErrorDetail;
    lines.push(`${'  '.repeat(depth)}- ${clip(text(d.code) ?? 'Detail')}: ${clip(text(d.message) ?? '')}${text(d.target) ? ` (${clip(d.target!)})` : ''}`);
    shown++;
    const nested = asArray(d.details);
    // Beyond the bounds nothing more is walked, so a huge body costs no more than its first lines.
    if (depth + 1 > MAX_DETAIL_DEPTH || shown + stack.length >= MAX_DETAIL_LINES) truncated ||= nested.length > 0;
    else for (let i = nested.length - 1; i >= 0; i--) stack.push({ detail: nested[i], depth: depth + 1 });
  }
  if (truncated) lines.push('  … more details not shown');
  if (error.status) lines.push(`HTTP status: ${error.status}`);
  if (error.correlationId) lines.push(`Correlation id: ${clip(error.correlationId)}`);
  return lines.join('\n');
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

export function clip(value: string, max = MAX_TEXT): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** Transport failures the SDK reports by code; they mean "no answer", never "ARM said no". */
const TRANSPORT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'REQUEST_SEND_ERROR', 'UND_ERR_SOCKET']);

/**
 * The one normaliser (the role of vscode-azuretools' parseError): whatever the Azure SDK, Node or our own pipeline
 * throws becomes an ArmError (ARM's code, message, details, status, correlation id) or the one cancellation type.
 * Anything else is already one of ours (a plain Error with a clear message) and passes through.
 */
export function normalizeError(error: unknown): unknown {
  if (error instanceof ArmError || error instanceof OperationCancelledError) return error;
  const e = error as { name?: string; code?: string; message?: string; statusCode?: number; response?: { status?: number; bodyAsText?: string | null; headers?: { get(name: string): string | undefined } }; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object') return error;
  if (e.name === 'AbortError') return new OperationCancelledError();
  if (isRestError(error)) {
    if (e.response && e.response.status) {
      const fromBody = armErrorFromResponse({ status: e.response.status, bodyText: e.response.bodyAsText ?? undefined, headers: e.response.headers });
      return fromBody;
    }
    const cause = e.cause as { code?: string } | undefined;
    const code = (cause?.code && TRANSPORT_CODES.has(cause.code) ? cause.code : undefined) ?? e.code ?? 'RequestSendError';
    return new ArmError(code, l10n.t('No answer from Resource Manager: {0}', e.message ?? code), undefined);
  }
  if (typeof e.code === 'string' && TRANSPORT_CODES.has(e.code)) return new ArmError(e.code, l10n.t('No answer from Resource Manager: {0}', e.message ?? e.code), undefined);
  return error;
}

/** Runs one Resource Manager call with its failures normalised: the seam every client's call goes through. */
export async function armCall<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw normalizeError(error);
  }
}

/** ARM answered and refused: the request had no effect (4xx other than 408, with no lost attempt before it). */
export function isRefusal(error: unknown): boolean {
  return error instanceof ArmError && !error.afterLostAttempt && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408;
}

/** JSON of a response body, or undefined when it is empty or not JSON (error bodies can be HTML from a proxy). */
export function tryParseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

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
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

/** Builds an ArmError from a failed response: ARM's `{error:{...}}` when present, else a status-derived one. */
export function armErrorFromResponse(source: ArmErrorSource): ArmError {
  const correlationId =
    source.headers?.get('x-ms-correlation-request-id') ?? source.headers?.get('x-ms-request-id') ?? undefined;
  const parsed = tryParseJson(source.bodyText);
  const body = (parsed && typeof parsed === 'object' ? (parsed as { error?: unknown }).error ?? parsed : undefined) as
    | ArmErrorDetail
    | undefined;
  if (body && typeof body.code === 'string' && body.code) {
    return new ArmError(
      body.code,
      body.message || body.code,
      source.status,
      Array.isArray(body.details) ? body.details : [],
      correlationId,
      body.target,
    );
  }
  const code = (source.status && STATUS_CODES[source.status]) || `Http${source.status ?? 'Error'}`;
  const text = source.bodyText?.trim();
  const message = text && !parsed ? text.slice(0, 500) : `The request failed with status ${source.status}.`;
  return new ArmError(code, message, source.status, [], correlationId);
}

/** Builds an ArmError from an operation-status body whose status is Failed or Canceled. */
export function armErrorFromOperation(operation: { status?: string; error?: ArmErrorDetail }, correlationId?: string) {
  const error = operation.error;
  return new ArmError(
    error?.code || `Operation${operation.status ?? 'Failed'}`,
    error?.message || `The operation ended with status ${operation.status ?? 'unknown'}.`,
    undefined,
    error?.details ?? [],
    correlationId,
    error?.target,
  );
}

/** Multi-line text of an error and its nested details, for the output channel and the "Details" view. */
export function describeArmError(error: ArmError): string {
  const lines = [`${error.code}: ${error.message}`];
  const walk = (details: ArmErrorDetail[], depth: number) => {
    for (const detail of details) {
      lines.push(`${'  '.repeat(depth)}- ${detail.code ?? 'Detail'}: ${detail.message ?? ''}${detail.target ? ` (${detail.target})` : ''}`);
      if (detail.details?.length) walk(detail.details, depth + 1);
    }
  };
  walk(error.details, 1);
  if (error.status) lines.push(`HTTP status: ${error.status}`);
  if (error.correlationId) lines.push(`Correlation id: ${error.correlationId}`);
  return lines.join('\n');
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

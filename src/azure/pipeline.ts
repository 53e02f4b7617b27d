import * as l10n from '@vscode/l10n';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { createClientPipeline } from '@azure/core-client';
import {
  bearerTokenAuthenticationPolicyName,
  type Pipeline,
  type PipelinePolicy,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { DEV_TOKEN, isLoopbackEndpoint } from '../auth/loopback';
import { namedTenant, type TenantDirectory } from './tenants';
import { ArmError, EARLIER_ATTEMPT_LOST_HEADER, normalizeError } from './armError';
import type { Clock } from './clock';
import type { Reliability } from './reliability';
import { retryAfterMs } from './retryAfter';

/** One line per HTTP exchange, for the output channel: no headers, no bodies, so no secrets. */
export interface ArmRequestLogEntry {
  method: string;
  url: string;
  status?: number;
  correlationId?: string;
  durationMs: number;
  error?: string;
}

export interface ArmPipelineOptions {
  /** The Resource Manager endpoint: the only origin any request of this pipeline may go to. */
  endpoint: string;
  /** Undefined: the emulator's development token (loopback only). */
  credential?: TokenCredential;
  scopes: string;
  /** Which tenant's token each request needs (several tenants shown together); none: the credential's default. */
  tenants?: TenantDirectory;
  userAgent: string;
  reliability: Reliability;
  clock: Clock;
  log?: (entry: ArmRequestLogEntry) => void;
}

export const TOKEN_BOUNDARY_POLICY = 'azureLocalTokenBoundary';
const RETRY_POLICY = 'azureLocalRetry';
const TIMEOUT_POLICY = 'azureLocalRequestTimeout';

/**
 * The one pipeline every client shares (ArmClient, the generated SDK clients). In the order a request passes:
 * retry (our own: bounded throttling waits, the injected clock) → request log (each attempt) → redirect (the SDK's) →
 * token boundary → token → per-request timeout → transport. The boundary sits after redirects and retries and just
 * before the token, so no request, whoever built it and wherever a nextLink, status URL or redirect pointed it,
 * carries a token off the Resource Manager's origin.
 */
export function createArmPipeline(options: ArmPipelineOptions): Pipeline {
  const pipeline = createClientPipeline({ userAgentOptions: { userAgentPrefix: options.userAgent } });
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.addPolicy(retryPolicy(options.reliability, options.clock), { phase: 'Retry' });
  if (options.log) pipeline.addPolicy(requestLogPolicy(options.log), { phase: 'Retry', afterPolicies: [RETRY_POLICY] });
  pipeline.addPolicy(tokenBoundaryPolicy(options.endpoint), { phase: 'Sign' });
  pipeline.addPolicy(options.credential ? tokenPolicy(options.credential, options.scopes, options.tenants) : developmentTokenPolicy(options.tenants), {
    phase: 'Sign',
    afterPolicies: [TOKEN_BOUNDARY_POLICY],
  });
  pipeline.addPolicy(timeoutPolicy(options.reliability.requestTimeoutMs), { afterPhase: 'Sign' });
  return pipeline;
}

/** Refuses every request whose origin is not the Resource Manager endpoint's. */
export function tokenBoundaryPolicy(endpoint: string): PipelinePolicy {
  const allowed = new URL(endpoint).origin;
  return {
    name: TOKEN_BOUNDARY_POLICY,
    sendRequest(request, next) {
      const origin = safeOrigin(request.url);
      if (origin !== allowed) {
        throw new ArmError('ForeignOrigin', l10n.t('Refused to send a request to {0}: the token is only for {1}.', origin ?? l10n.t('an invalid URL'), allowed), undefined);
      }
      return next(request);
    },
  };
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Retries a request after a connection failure or a retryable status, honouring Retry-After (never less than the
 * poll floor) or backing off exponentially. A Retry-After longer than `maxThrottleWaitMs` is not waited for: the
 * throttled answer is returned, so the user reads "throttled" instead of staring at a one-day timer.
 */
export function retryPolicy(reliability: Reliability, clock: Clock): PipelinePolicy {
  return {
    name: RETRY_POLICY,
    async sendRequest(request, next) {
      let lost = false;
      for (let attempt = 0; ; attempt++) {
        let response: PipelineResponse | undefined;
        let failure: unknown;
        try {
          response = await next(request);
        } catch (error) {
          failure = normalizeError(error);
        }
        const retryable = response ? RETRY_STATUSES.has(response.status) : isConnectionFailure(failure);
        if (!retryable || attempt >= reliability.maxRetries || request.abortSignal?.aborted) {
          if (!response) throw failure;
          if (lost) response.headers.set(EARLIER_ATTEMPT_LOST_HEADER, 'true');
          return response;
        }
        // No answer, a timeout or a 5xx: that attempt may have reached the service.
        lost ||= !response || response.status >= 500 || response.status === 408;
        const asked = response ? retryAfterMs(response.headers.get('retry-after'), clock.now()) : undefined;
        const delay = asked !== undefined ? Math.max(asked, reliability.pollMinDelayMs) : reliability.retryBaseDelayMs * 2 ** attempt;
        if (response && delay > reliability.maxThrottleWaitMs) {
          if (lost) response.headers.set(EARLIER_ATTEMPT_LOST_HEADER, 'true');
          return response;
        }
        await clock.sleep(delay, request.abortSignal as AbortSignal | undefined);
      }
    },
  };
}

/** No answer at all (reset, refused, DNS): worth another try. Our own timeout is not: it already waited long. */
function isConnectionFailure(error: unknown): boolean {
  return error instanceof ArmError && error.status === undefined && error.code !== 'RequestTimeout' && error.code !== 'ForeignOrigin';
}

/**
 * Bounds one exchange. A real timer rather than the clock: it guards against a server that never answers, and a test
 * clock that returns at once would time out every request.
 */
export function timeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: TIMEOUT_POLICY,
    async sendRequest(request, next) {
      if (!(timeoutMs > 0)) return next(request);
      const outer = request.abortSignal;
      const controller = new AbortController();
      const forward = () => controller.abort();
      if (outer?.aborted) controller.abort();
      outer?.addEventListener('abort', forward, { once: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      request.abortSignal = controller.signal;
      try {
        return await next(request);
      } catch (error) {
        if (timedOut) {
          throw new ArmError(
            'RequestTimeout',
            l10n.t({
              message: 'No answer within {0} ({1}): {2}',
              args: [timeoutMs >= 1000 ? l10n.t('{0} s', Math.round(timeoutMs / 1000)) : l10n.t('{0} ms', timeoutMs), 'azureLocal.requestTimeoutSeconds', `${request.method} ${withoutQuery(request.url)}`],
              comment: '{0} is a duration, {1} a setting, {2} the request (method and URL)',
            }),
            undefined,
          );
        }
        throw error;
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', forward);
        request.abortSignal = outer;
      }
    },
  };
}

function withoutQuery(url: string): string {
  return url.split('?')[0];
}

/** A token is renewed this long before it expires. */
const TOKEN_REFRESH_MARGIN_MS = 2 * 60_000;

/**
 * The bearer token from the credential (named like the SDK's, so generated clients add none of their own), for the
 * request's tenant (TenantDirectory). Tokens are cached per tenant until near expiry; a 401 drops the cached token and
 * the request is sent once more with a fresh one — a token can expire or be revoked before the time it claimed.
 */
export function tokenPolicy(credential: TokenCredential, scopes: string, tenants?: TenantDirectory): PipelinePolicy {
  const perTenant = new Map<string, { cached?: AccessToken; pending?: Promise<AccessToken> }>();
  const token = async (request: PipelineRequest, tenantId: string | undefined, fresh: boolean): Promise<string> => {
    let slot = perTenant.get(tenantId ?? '');
    if (!slot) perTenant.set(tenantId ?? '', (slot = {}));
    const entry = slot;
    if (fresh) entry.cached = undefined;
    if (entry.cached && entry.cached.expiresOnTimestamp - Date.now() > TOKEN_REFRESH_MARGIN_MS) return entry.cached.token;
    entry.pending ??= Promise.resolve(credential.getToken(scopes, { abortSignal: request.abortSignal, ...(tenantId ? { tenantId } : {}) })).then(
      (result) => {
        entry.pending = undefined;
        if (!result) throw new ArmError('NoToken', l10n.t('The credential returned no token; sign in again (Azure Local: Sign In).'), undefined);
        entry.cached = result;
        return result;
      },
      (error: unknown) => {
        entry.pending = undefined;
        throw error;
      },
    );
    return (await entry.pending).token;
  };
  return {
    name: bearerTokenAuthenticationPolicyName,
    async sendRequest(request, next) {
      const tenantId = tenantOf(request, tenants);
      request.headers.set('Authorization', `Bearer ${await token(request, tenantId, false)}`);
      const response = await next(request);
      if (response.status !== 401) return response;
      request.headers.set('Authorization', `Bearer ${await token(request, tenantId, true)}`);
      return next(request);
    },
  };
}

/** The request's tenant: the one named for it, else its subscription's. */
function tenantOf(request: PipelineRequest, tenants?: TenantDirectory): string | undefined {
  const named = namedTenant(request);
  return tenants?.tenantFor(request.url, named) ?? named;
}

/** The emulator's fixed token (naming the request's tenant after '@'), only ever to loopback. */
function developmentTokenPolicy(tenants?: TenantDirectory): PipelinePolicy {
  return {
    name: bearerTokenAuthenticationPolicyName,
    sendRequest(request, next) {
      if (!isLoopbackEndpoint(request.url)) throw new Error(l10n.t('The development token is only for loopback endpoints.'));
      const tenantId = tenantOf(request, tenants);
      request.headers.set('Authorization', `Bearer ${DEV_TOKEN}${tenantId ? `@${tenantId}` : ''}`);
      return next(request);
    },
  };
}

function requestLogPolicy(log: (entry: ArmRequestLogEntry) => void): PipelinePolicy {
  return {
    name: 'azureLocalRequestLog',
    async sendRequest(request, next) {
      const started = Date.now();
      const { method, url } = request;
      try {
        const response = await next(request);
        log({
          method,
          url,
          status: response.status,
          correlationId: response.headers.get('x-ms-correlation-request-id') ?? response.headers.get('x-ms-request-id'),
          durationMs: Date.now() - started,
        });
        return response;
      } catch (error) {
        log({ method, url, durationMs: Date.now() - started, error: (error as Error).message });
        throw error;
      }
    },
  };
}

import { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/core-auth';
import { createClientPipeline, ServiceClient } from '@azure/core-client';
import {
  bearerTokenAuthenticationPolicyName,
  createPipelineRequest,
  type HttpMethods,
  type Pipeline,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import { isLoopbackEndpoint, DEV_TOKEN } from '../auth/loopback';
import type { AzureCloud } from '../auth/clouds';
import { resourceManagerScope } from '../auth/clouds';
import { armErrorFromResponse } from './armError';
import { OperationCancelledError, pollLongRunningOperation, type HttpResult } from './lro';
import { listAll, type ArmPage } from './paging';

/** One line per HTTP exchange, for the output channel: no headers, no bodies, so no secrets. */
export interface ArmRequestLogEntry {
  method: string;
  url: string;
  status?: number;
  correlationId?: string;
  durationMs: number;
  error?: string;
}

export interface ArmClientOptions {
  cloud: AzureCloud;
  credential: TokenCredential;
  /** e.g. `azure-local-tools/0.1.0`; the pipeline appends the SDK's own and Node's. */
  userAgent: string;
  log?: (entry: ArmRequestLogEntry) => void;
  retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
  /** Poll interval when a long-running operation sends no Retry-After. */
  lroDefaultDelayMs?: number;
}

export interface RequestOptions {
  apiVersion?: string;
  body?: unknown;
  signal?: AbortSignal;
}

export interface LongRunningOptions extends RequestOptions {
  onStatus?: (status: string) => void;
  /** Called once the service has accepted the request (2xx), before polling: from then on the resource exists. */
  onAccepted?: () => void;
  /** The swagger's `final-state-via` for POST actions. */
  finalStateVia?: 'azure-async-operation' | 'location';
}

/**
 * Resource Manager over the Azure SDK pipeline (retries, Retry-After, user agent, auth). Typed operations live in one
 * module per resource family and call `get`, `list` and `runLongRunning` here; nothing else speaks HTTP.
 */
export class ArmClient {
  readonly endpoint: string;
  private readonly service: ServiceClient;
  /** Plain http is allowed only for the emulator on loopback; the SDK refuses it otherwise. */
  private readonly allowInsecureConnection: boolean;

  constructor(
    readonly cloud: AzureCloud,
    readonly pipeline: Pipeline,
    private readonly lroDefaultDelayMs: number,
  ) {
    this.endpoint = cloud.resourceManagerEndpoint.replace(/\/+$/, '');
    this.allowInsecureConnection = isLoopbackEndpoint(this.endpoint);
    this.service = new ServiceClient({ pipeline, endpoint: this.endpoint, allowInsecureConnection: this.allowInsecureConnection });
  }

  /** Sends one request; resolves for 2xx, throws the one ArmError type otherwise. */
  async send(method: HttpMethods, pathOrUrl: string, options: RequestOptions = {}): Promise<HttpResult> {
    const request = createPipelineRequest({
      url: this.url(pathOrUrl, options.apiVersion),
      method,
      abortSignal: options.signal,
      allowInsecureConnection: this.allowInsecureConnection,
    });
    if (options.body !== undefined) {
      request.body = JSON.stringify(options.body);
      request.headers.set('Content-Type', 'application/json');
    }
    request.headers.set('Accept', 'application/json');
    const response = await this.service.sendRequest(request);
    const result: HttpResult = { status: response.status, headers: response.headers, bodyText: response.bodyAsText ?? undefined };
    if (response.status >= 400) throw armErrorFromResponse(result);
    return result;
  }

  async get<T>(pathOrUrl: string, options: RequestOptions = {}): Promise<T> {
    return parseJson<T>((await this.send('GET', pathOrUrl, options)).bodyText);
  }

  /** GET that answers `undefined` for 404, for resources whose absence is an ordinary state. */
  async getIfExists<T>(pathOrUrl: string, options: RequestOptions = {}): Promise<T | undefined> {
    try {
      return await this.get<T>(pathOrUrl, options);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  /** Every item of a pageable list; nextLink is followed exactly as returned. */
  list<T>(path: string, options: RequestOptions = {}): AsyncGenerator<T> {
    return listAll<T>(this.url(path, options.apiVersion), (url) => this.get<ArmPage<T>>(url, { signal: options.signal }));
  }

  /** Starts a PUT/DELETE/POST and polls it to the end; returns the final body (undefined when there is none). */
  async runLongRunning<T>(method: 'PUT' | 'DELETE' | 'POST', path: string, options: LongRunningOptions = {}): Promise<T | undefined> {
    const initial = await this.send(method, path, options);
    options.onAccepted?.();
    const signal = options.signal;
    const final = await pollLongRunningOperation({
      initial,
      method,
      resourceUrl: method === 'PUT' ? this.url(path, options.apiVersion) : undefined,
      get: (url) => this.send('GET', url, { signal }),
      sleep: (ms) => sleep(ms, signal),
      isCancelled: () => !!signal?.aborted,
      defaultDelayMs: this.lroDefaultDelayMs,
      onStatus: options.onStatus,
      finalStateVia: options.finalStateVia,
    });
    return final.bodyText ? parseJson<T>(final.bodyText) : undefined;
  }

  /** The generated Microsoft.Resources client (resource groups, providers) on this same pipeline. */
  resources(subscriptionId: string): ResourceManagementClient {
    return new ResourceManagementClient(NO_CREDENTIAL, subscriptionId, {
      pipeline: this.pipeline,
      endpoint: this.endpoint,
      allowInsecureConnection: this.allowInsecureConnection,
    });
  }

  /**
   * Absolute URLs (nextLink, operation status) are used as returned, but only on the Resource Manager's own origin:
   * a token must never be sent to a host the service merely named.
   */
  url(pathOrUrl: string, apiVersion?: string): string {
    if (/^https?:\/\//i.test(pathOrUrl)) {
      if (new URL(pathOrUrl).origin !== new URL(this.endpoint).origin) {
        throw new Error(`Refusing to send a Resource Manager token to ${new URL(pathOrUrl).origin}; expected ${this.endpoint}.`);
      }
      return pathOrUrl;
    }
    const path = pathOrUrl.startsWith('/') ? pathOrUrl : '/' + pathOrUrl;
    const query = apiVersion ? `${path.includes('?') ? '&' : '?'}api-version=${encodeURIComponent(apiVersion)}` : '';
    return this.endpoint + path + query;
  }
}

/** The pipeline already carries authentication; the generated client insists on a credential argument. */
const NO_CREDENTIAL: TokenCredential = {
  getToken: () => Promise.reject(new Error('Authentication is done by the shared pipeline.')),
};

/** The one factory for Resource Manager clients. */
export function createArmClient(options: ArmClientOptions): ArmClient {
  const endpoint = options.cloud.resourceManagerEndpoint;
  const loopback = isLoopbackEndpoint(endpoint);
  if (!loopback && !endpoint.toLowerCase().startsWith('https://')) {
    throw new Error(`The Resource Manager endpoint must use https: ${endpoint}`);
  }
  const pipeline = createClientPipeline({
    // On loopback the emulator's fixed development token replaces real credentials (never sent anywhere else).
    credentialOptions: loopback ? undefined : { credential: options.credential, credentialScopes: resourceManagerScope(options.cloud) },
    retryOptions: options.retry,
    userAgentOptions: { userAgentPrefix: options.userAgent },
  });
  if (loopback) pipeline.addPolicy(developmentTokenPolicy());
  if (options.log) pipeline.addPolicy(requestLogPolicy(options.log), { phase: 'Retry' });
  return new ArmClient(options.cloud, pipeline, options.lroDefaultDelayMs ?? 5000);
}

/** Named like the SDK's bearer policy so the generated clients do not add their https-only one on loopback. */
function developmentTokenPolicy(): PipelinePolicy {
  return {
    name: bearerTokenAuthenticationPolicyName,
    sendRequest(request, next) {
      if (!isLoopbackEndpoint(request.url)) throw new Error('The development token is only for loopback endpoints.');
      request.headers.set('Authorization', `Bearer ${DEV_TOKEN}`);
      return next(request);
    },
  };
}

function requestLogPolicy(log: (entry: ArmRequestLogEntry) => void): PipelinePolicy {
  return {
    name: 'azureLocalRequestLog',
    async sendRequest(request, next) {
      const started = Date.now();
      const method = request.method;
      const url = request.url;
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

function parseJson<T>(text: string | undefined): T {
  if (!text) return undefined as T;
  return JSON.parse(text) as T;
}

/** A wait that ends early, rejecting, when the signal is aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new OperationCancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new OperationCancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

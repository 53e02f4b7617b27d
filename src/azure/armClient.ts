import * as l10n from '@vscode/l10n';
import { nameTenant, type TenantDirectory } from './tenants';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/core-auth';
import { ServiceClient } from '@azure/core-client';
import type { PagedAsyncIterableIterator } from '@azure/core-paging';
import { createPipelineRequest, type HttpMethods, type Pipeline } from '@azure/core-rest-pipeline';
import { isLoopbackEndpoint } from '../auth/loopback';
import type { AzureCloud } from '../auth/clouds';
import { resourceManagerScope } from '../auth/clouds';
import { ArmError, armCall, armErrorFromResponse, clip } from './armError';
import { systemClock, type Clock } from './clock';
import { pollLongRunningOperation, type HttpResult } from './lro';
import { collectPages, listAll, PageGuard, type ArmPage } from './paging';
import { createArmPipeline, type ArmRequestLogEntry } from './pipeline';
import { loadLazy } from '../lazy/load';
import { DEFAULT_RELIABILITY, type Reliability } from './reliability';

export type { ArmRequestLogEntry };

export interface ArmClientOptions {
  cloud: AzureCloud;
  /** Who signs the requests; undefined only for the emulator on loopback, which takes its development token. */
  credential?: TokenCredential;
  /** e.g. `azure-local-tools/0.1.0`; the pipeline appends the SDK's own and Node's. */
  userAgent: string;
  log?: (entry: ArmRequestLogEntry) => void;
  reliability?: Partial<Reliability>;
  clock?: Clock;
  /** Which tenant's token each request needs, when several tenants are shown. */
  tenants?: TenantDirectory;
}

export interface RequestOptions {
  apiVersion?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** The tenant whose token this request needs, for requests not under a subscription (its list, Resource Graph). */
  tenantId?: string;
}

export interface LongRunningOptions extends RequestOptions {
  onStatus?: (status: string) => void;
  /** Called once the service has accepted the request (2xx), before polling: from then on the resource exists. */
  onAccepted?: () => void;
  onPollFailure?: (reason: string) => void;
  /** The swagger's `final-state-via` for POST actions. */
  finalStateVia?: 'azure-async-operation' | 'location';
}

/**
 * Resource Manager over the one shared pipeline (retries, timeouts, token boundary, user agent, auth). Typed
 * operations live in one module per resource family and call `get`, `list`, `runLongRunning` and `resources` here;
 * nothing else speaks HTTP. Every failure leaves this class as an ArmError or the one cancellation type.
 */
export class ArmClient {
  readonly endpoint: string;
  private readonly service: ServiceClient;
  /** Plain http is allowed only for the emulator on loopback; the SDK refuses it otherwise. */
  private readonly allowInsecureConnection: boolean;

  constructor(
    readonly cloud: AzureCloud,
    readonly pipeline: Pipeline,
    readonly reliability: Reliability,
    readonly clock: Clock,
  ) {
    this.endpoint = cloud.resourceManagerEndpoint.replace(/\/+$/, '');
    this.allowInsecureConnection = isLoopbackEndpoint(this.endpoint);
    this.service = new ServiceClient({ pipeline, endpoint: this.endpoint, allowInsecureConnection: this.allowInsecureConnection });
  }

  /** Sends one request; resolves for 2xx, throws the one ArmError type otherwise (a 3xx is no success either). */
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
    if (options.tenantId) nameTenant(request, options.tenantId);
    const response = await armCall(() => this.service.sendRequest(request));
    const result: HttpResult = { status: response.status, headers: response.headers, bodyText: response.bodyAsText ?? undefined };
    if (response.status < 200 || response.status >= 300) throw armErrorFromResponse(result);
    return result;
  }

  async get<T>(pathOrUrl: string, options: RequestOptions = {}): Promise<T> {
    return parseJson<T>((await this.send('GET', pathOrUrl, options)).bodyText, pathOrUrl);
  }

  /** GET that answers `undefined` for 404, for resources whose absence is an ordinary state. */
  async getIfExists<T>(pathOrUrl: string, options: RequestOptions = {}): Promise<T | undefined> {
    try {
      return await this.get<T>(pathOrUrl, options);
    } catch (error) {
      if (error instanceof ArmError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** Every item of a pageable list; nextLink is followed exactly as returned, under the paging guard. */
  list<T>(path: string, options: RequestOptions = {}): AsyncGenerator<T> {
    const guard = new PageGuard(lastSegment(path), this.reliability.maxPages);
    return listAll<T>(this.url(path, options.apiVersion), (url) => this.get<ArmPage<T>>(url, { signal: options.signal, tenantId: options.tenantId }), guard);
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
      clock: this.clock,
      signal,
      timing: this.reliability,
      onStatus: options.onStatus,
      onPollFailure: options.onPollFailure,
      finalStateVia: options.finalStateVia,
    });
    return final.bodyText ? parseJson<T>(final.bodyText, path) : undefined;
  }

  /**
   * One call of the generated Microsoft.Resources client (resource groups, providers), on this same pipeline, with
   * its failures normalised like every other.
   */
  resources<T>(subscriptionId: string, call: (client: ResourceManagementClient) => Promise<T>): Promise<T> {
    return armCall(() => call(this.generatedClient(subscriptionId)));
  }

  /** Every item of a generated client's list, under the paging guard. */
  resourcesList<T>(subscriptionId: string, what: string, list: (client: ResourceManagementClient) => PagedAsyncIterableIterator<T, T[]>): Promise<T[]> {
    return armCall(() => collectPages(list(this.generatedClient(subscriptionId)).byPage(), new PageGuard(what, this.reliability.maxPages)));
  }

  private generatedClient(subscriptionId: string): ResourceManagementClient {
    const { ResourceManagementClient: Client } = loadLazy<typeof import('../lazy/resourceManagementClient')>('resourceManagementClient');
    return new Client(NO_CREDENTIAL, subscriptionId, {
      pipeline: this.pipeline,
      endpoint: this.endpoint,
      allowInsecureConnection: this.allowInsecureConnection,
    });
  }

  /** An absolute URL (nextLink, operation status) is used as returned; the pipeline's token boundary vets its origin. */
  url(pathOrUrl: string, apiVersion?: string): string {
    if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
    const path = pathOrUrl.startsWith('/') ? pathOrUrl : '/' + pathOrUrl;
    const query = apiVersion ? `${path.includes('?') ? '&' : '?'}api-version=${encodeURIComponent(apiVersion)}` : '';
    return this.endpoint + path + query;
  }
}

/** The pipeline already carries authentication; the generated client insists on a credential argument. */
const NO_CREDENTIAL: TokenCredential = {
  getToken: () => Promise.reject(new Error(l10n.t('Authentication is done by the shared pipeline.'))),
};

/** The one factory for Resource Manager clients. */
export function createArmClient(options: ArmClientOptions): ArmClient {
  const endpoint = options.cloud.resourceManagerEndpoint;
  const loopback = isLoopbackEndpoint(endpoint);
  if (!loopback && !endpoint.toLowerCase().startsWith('https://')) {
    throw new Error(l10n.t('The Resource Manager endpoint must use https: {0}', endpoint));
  }
  // The development token is only ever for loopback; anywhere else a credential is required.
  if (!options.credential && !loopback) throw new Error(l10n.t('A credential is required for a Resource Manager endpoint that is not the local emulator.'));
  const reliability = { ...DEFAULT_RELIABILITY, ...options.reliability };
  const clock = options.clock ?? systemClock;
  const pipeline = createArmPipeline({
    endpoint,
    credential: options.credential,
    scopes: resourceManagerScope(options.cloud),
    userAgent: options.userAgent,
    reliability,
    clock,
    log: options.log,
    tenants: options.tenants,
  });
  return new ArmClient(options.cloud, pipeline, reliability, clock);
}

/** A 2xx body that is not JSON (an HTML page from a proxy) is a clear error, not a SyntaxError. */
function parseJson<T>(text: string | undefined, what: string): T {
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ArmError(
      'InvalidResponse',
      l10n.t({ message: 'Resource Manager answered {0} with a body that is not JSON ("{1}").', args: [lastSegment(what), clip(text.trim().replace(/\s+/g, ' '), 60)], comment: '{0} is the request path\'s last segment, {1} the start of the body' }),
      undefined,
    );
  }
}

function lastSegment(path: string): string {
  return path.split('?')[0].split('/').filter(Boolean).pop() ?? path;
}

/**
 * ARM emulator: a loopback HTTP server (node:http only) serving the Azure Resource Manager operations the extension uses.
 * Responsibilities here: routing, bearer auth, ARM headers and errors, fault injection, request log, traffic recording,
 * and the unauthenticated control API under /_emulator.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEV_TOKEN } from '../../src/auth/loopback';
import { FaultRegistry, type ActiveFaultRule, type FaultRule } from './faults';
import { ArmError, Router, type ArmResponse, type EmulatorConfig, type RequestContext } from './http';
import { LroEngine, registerLroRoutes } from './lro';
import { resetAgentPools } from './routes/agentPools';
import { registerConnectedClusterRoutes } from './routes/connectedClusters';
import { registerCustomLocationRoutes } from './routes/customLocations';
import { registerHybridContainerServiceRoutes } from './routes/hybridContainerService';
import { registerLogicalNetworkRoutes } from './routes/logicalNetworks';
import { registerResourceRoutes } from './routes/resources';
import { registerSubscriptionRoutes } from './routes/subscriptions';
import { registerResourceGraphRoutes, resetResourceGraph } from './routes/resourceGraph';
import { TrafficRecorder } from './traffic';
import { World, type WorldKind } from './world';

export interface EmulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Items per list page; default 50. */
  pageSize?: number;
  /** Directory for oav traffic files; default process.env.ARM_TRAFFIC_DIR; unset = no recording. */
  trafficDir?: string;
  /** Operation-status polls answered InProgress before an LRO completes; default 2. */
  lroPollsToComplete?: number;
  /** Retry-After seconds on LRO and throttling responses; default 1 (tests set 0). */
  retryAfterSeconds?: number;
  /** Seed: 'demo' (default) or 'empty'. */
  world?: WorldKind;
  tokenMode?: EmulatorConfig['tokenMode'];
  /** Added before every ARM answer; default 0. */
  latencyMs?: number;
  log?: (line: string) => void;
}

export interface RecordedRequest {
  method: string;
  /** Full URL as sent. */
  url: string;
  /** 0 when the connection was reset by a fault. */
  status: number;
  /** ISO timestamp of arrival. */
  time: string;
  /** Operation-status / Location polling request (not a swagger operation). */
  polling: boolean;
  /** The request's JSON body, when it had one (so tests can check exactly what a client sent). */
  body?: unknown;
  /** Path of the traffic file written for this exchange, when recording. */
  trafficFile?: string;
}

export interface Emulator {
  url: string;
  port: number;
  close(): Promise<void>;
  faults: FaultRegistry;
  world: World;
  /** Request log (ARM requests only; the control API is never logged). */
  requests: RecordedRequest[];
  config: EmulatorConfig;
  /** Same as POST /_emulator/reset. */
  reset(world?: WorldKind): void;
}

const CONTROL_PREFIX = '/_emulator';

function createRouter(): Router {
  const router = new Router();
  registerLroRoutes(router);
  registerSubscriptionRoutes(router);
  registerResourceRoutes(router);
  registerCustomLocationRoutes(router);
  registerLogicalNetworkRoutes(router);
  registerConnectedClusterRoutes(router);
  registerHybridContainerServiceRoutes(router);
  registerResourceGraphRoutes(router);
  return router;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function headerMap(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Faults that let the service handle the request and then change (or lose) its answer. */
function isAfterEffect(rule: ActiveFaultRule): boolean {
  return !!(rule.resetAfterAccept || rule.statusAfterAccept || rule.hideForReads || rule.rewrite) && !rule.status && !rule.reset && !rule.hang && !rule.unauthorizedOnce;
}

function withOrigin(url: string, origin: string): string {
  const parsed = new URL(url);
  return `${origin.replace(/\/+$/, '')}${parsed.pathname}${parsed.search}`;
}

/** The service's answer, changed as the rule says (the world has already changed). */
function applyAfterEffects(rule: ActiveFaultRule, response: ArmResponse): ArmResponse {
  if (rule.statusAfterAccept && response.status < 300) {
    const status = rule.statusAfterAccept;
    return { status, body: { error: { code: status === 504 ? 'GatewayTimeout' : 'InternalServerError', message: `Injected fault: HTTP ${status} after the request was accepted.`, details: [] } } };
  }
  const rewrite = rule.rewrite;
  if (!rewrite) return response;
  const headers = { ...(response.headers ?? {}) };
  const find = (name: string) => Object.keys(headers).find((k) => k.toLowerCase() === name);
  if (rewrite.dropAsyncOperation) {
    const key = find('azure-asyncoperation');
    if (key) delete headers[key];
  }
  const asyncKey = find('azure-asyncoperation');
  if (rewrite.asyncOperationOrigin && asyncKey) headers[asyncKey] = withOrigin(headers[asyncKey], rewrite.asyncOperationOrigin);
  const locationKey = find('location');
  if (rewrite.locationOrigin && locationKey) headers[locationKey] = withOrigin(headers[locationKey], rewrite.locationOrigin);
  let body = response.body;
  if ('operationStatus' in rewrite && body && typeof body === 'object') body = { ...(body as object), status: rewrite.operationStatus };
  if (rewrite.nextLink && body && typeof body === 'object' && Array.isArray((body as { value?: unknown }).value)) {
    const page = body as { value: unknown[]; nextLink?: string };
    const self = response.requestUrl ?? '';
    const next =
      rewrite.nextLink === 'self'
        ? self
        : rewrite.nextLink === 'endless'
          ? `${self.split('?')[0]}?api-version=${new URL(self).searchParams.get('api-version') ?? ''}&$skiptoken=${randomUUID()}`
          : withOrigin(page.nextLink ?? self, rewrite.nextLink);
    body = { ...page, nextLink: next };
  }
  return { ...response, headers, body };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const initialConfig: EmulatorConfig = {
    pageSize: options.pageSize ?? 50,
    lroPollsToComplete: options.lroPollsToComplete ?? 2,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    tokenMode: options.tokenMode ?? 'development',
    latencyMs: options.latencyMs ?? 0,
    graphQuota: 15,
    graphQuotaWindowMs: 5000,
    graphLagMs: 0,
    graphEnabled: true,
  };
  const config: EmulatorConfig = { ...initialConfig };
  const worldKind: WorldKind = options.world ?? 'demo';
  const world = new World(worldKind);
  const faults = new FaultRegistry();
  const lro = new LroEngine(() => config.lroPollsToComplete);
  const requests: RecordedRequest[] = [];
  const trafficDir = options.trafficDir ?? process.env.ARM_TRAFFIC_DIR;
  const recorder = trafficDir ? new TrafficRecorder(trafficDir) : undefined;
  const taggedRecorders = new Map<string, TrafficRecorder>();
  const recorderFor = (tag: string | undefined) => {
    if (!trafficDir || !tag) return recorder;
    if (!/^[a-z0-9-]+$/.test(tag)) throw new Error(`trafficTag "${tag}": lowercase letters, digits and "-" only.`);
    let tagged = taggedRecorders.get(tag);
    if (!tagged) taggedRecorders.set(tag, (tagged = new TrafficRecorder(`${trafficDir.replace(/[\\/]+$/, '')}-${tag}`)));
    return tagged;
  };
  const router = createRouter();
  const log = options.log ?? (() => undefined);
  /** Resources that read 404 for a few more GETs (hideForReads): lower-cased path → reads left. */
  const hidden = new Map<string, number>();

  const reset = (kind?: WorldKind) => {
    world.reset(kind ?? worldKind);
    faults.clear();
    lro.clear();
    hidden.clear();
    resetAgentPools();
    resetResourceGraph();
    requests.length = 0;
    Object.assign(config, initialConfig);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`emulator internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'InternalServerError', message: 'Emulator internal error.', details: [] } }));
      }
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const host = req.headers.host ?? `${options.host ?? '127.0.0.1'}:${port}`;
    const baseUrl = `http://${host}`;
    const rawUrl = req.url ?? '/';
    const parsed = new URL(rawUrl, baseUrl);
    const path = parsed.pathname.replace(/\/{2,}/g, '/');
    const rawBody = await readBody(req);

    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      return control(method, path, rawBody, res);
    }

    if (config.latencyMs) await sleep(config.latencyMs);
    const fullUrl = `${baseUrl}${rawUrl}`;
    const time = new Date().toISOString();
    const requestHeaders = headerMap(req);
    const correlationId = requestHeaders['x-ms-correlation-request-id'] || randomUUID();
    const requestId = randomUUID();
    const routeMatch = router.match(method, path);
    const polling = !!routeMatch && 'route' in routeMatch && routeMatch.route.polling === true;

    let requestBody: unknown;
    let bodyError: ArmError | undefined;
    if (rawBody.trim().length > 0) {
      try {
        requestBody = JSON.parse(rawBody);
      } catch (e) {
        bodyError = new ArmError(400, 'InvalidRequestContent', `The request content was not valid JSON: ${(e as Error).message}`);
      }
    }

    let after: ActiveFaultRule | undefined;
    const send = (original: ArmResponse) => {
      const response = after ? applyAfterEffects(after, { ...original, requestUrl: fullUrl }) : original;
      if (after?.resetAfterAccept && original.status < 300) {
        requests.push({ method, url: fullUrl, status: 0, time, polling, ...(requestBody !== undefined ? { body: requestBody } : {}) });
        log(`${method} ${rawUrl} -> accepted, then connection reset (fault ${after.id})`);
        req.socket.destroy();
        return;
      }
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-ms-request-id': requestId,
        'x-ms-correlation-request-id': correlationId,
      };
      for (const [k, v] of Object.entries(response.headers ?? {})) headers[k.toLowerCase()] = v;
      const hasBody = response.body !== undefined && method !== 'HEAD' && response.status !== 204;
      const text = hasBody ? (typeof response.rawBody === 'string' ? response.rawBody : JSON.stringify(response.body)) : '';
      headers['content-length'] = String(Buffer.byteLength(text));
      res.writeHead(response.status, headers);
      res.end(text);
      const entry: RecordedRequest = { method, url: fullUrl, status: response.status, time, polling, ...(requestBody !== undefined ? { body: requestBody } : {}) };
      const rec = recorderFor(tag);
      if (rec) {
        entry.trafficFile = rec.record({
          url: fullUrl,
          method,
          requestHeaders,
          requestBody,
          statusCode: response.status,
          responseHeaders: headers,
          responseBody: hasBody ? response.body : undefined,
        });
      }
      requests.push(entry);
      log(`${method} ${rawUrl} -> ${response.status}`);
    };
    const sendError = (err: ArmError, extraHeaders?: Record<string, string>) =>
      send({ status: err.status, body: err.toBody(), headers: extraHeaders });

    // 1. Faults: those that answer in place of the service now; the others change its answer (see send).
    const fault = faults.takeImmediate(method, path);
    const tag = fault?.trafficTag;
    if (fault && isAfterEffect(fault)) after = fault;
    else if (fault) {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.hang) {
        requests.push({ method, url: fullUrl, status: 0, time, polling });
        log(`${method} ${rawUrl} -> no answer (hang, fault ${fault.id})`);
        return;
      }
      if (fault.reset) {
        requests.push({ method, url: fullUrl, status: 0, time, polling });
        log(`${method} ${rawUrl} -> connection reset (fault ${fault.id})`);
        req.socket.destroy();
        return;
      }
      if (fault.unauthorizedOnce) {
        return sendError(new ArmError(401, 'AuthenticationFailed', 'Authentication failed. The access token expired (injected fault).'), { 'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token"' });
      }
      if (fault.status) {
        const headers: Record<string, string> = {};
        const retryAfter = fault.retryAfter ?? (fault.status === 429 || fault.status === 503 ? config.retryAfterSeconds : undefined);
        if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
        const defaultCode = fault.status === 429 ? 'TooManyRequests' : fault.status === 503 ? 'ServiceUnavailable' : fault.status >= 500 ? 'InternalServerError' : 'InjectedFault';
        const body = fault.body ?? { error: { code: defaultCode, message: `Injected fault: HTTP ${fault.status}.`, details: [] } };
        Object.assign(headers, fault.headers);
        if (fault.rawBody !== undefined) headers['content-type'] = 'text/html; charset=utf-8';
        return send({ status: fault.status, body, headers, rawBody: fault.rawBody });
      }
    }

    // 2. Auth.
    const auth = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(.+)$/i.exec(auth.trim());
    // A token names its tenant after '@' (DEV_TOKEN@<tenant>, emu-token:<ms>@<tenant>); without one it is the home tenant's.
    const [tokenBody, tokenTenant] = bearer ? bearer[1].split('@', 2) : [];
    const m = bearer ? [bearer[0], tokenBody] : null;
    const tenantId = tokenTenant ?? world.tenantId;
    const expiresAt = m && config.tokenMode === 'expiring' ? /^emu-token:(\d+)$/.exec(m[1])?.[1] : undefined;
    if (m && config.tokenMode === 'expiring' && expiresAt && Number(expiresAt) <= Date.now()) {
      return sendError(new ArmError(401, 'ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.'), {
        'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The access token has expired."',
      });
    }
    if (!m || (config.tokenMode === 'expiring' ? !expiresAt : m[1] !== DEV_TOKEN) || !world.tenants.some((t) => t.tenantId === tenantId)) {
      return sendError(
        new ArmError(401, 'AuthenticationFailed', m ? 'Authentication failed. The access token is not valid for this emulator.' : "Authentication failed. The 'Authorization' header is missing or is not a Bearer token."),
        { 'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token"' },
      );
    }

    // A subscription of another tenant than the token's: ARM's wrong-issuer refusal.
    const scopedTo = /^\/subscriptions\/([^/]+)\//i.exec(path + '/')?.[1];
    const owner = scopedTo ? world.getSubscription(decodeURIComponent(scopedTo))?.tenantId : undefined;
    if (owner && owner !== tenantId) {
      return sendError(new ArmError(401, 'InvalidAuthenticationTokenTenant', `The access token is from the wrong issuer '${tenantId}'. It must match the tenant '${owner}' associated with this subscription.`), {
        'WWW-Authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/${owner}", error="invalid_token"`,
      });
    }

    // 3. A resource accepted moments ago may not be readable yet (hideForReads).
    const readsHidden = method === 'GET' ? hidden.get(path.toLowerCase()) : undefined;
    if (readsHidden) {
      if (readsHidden <= 1) hidden.delete(path.toLowerCase());
      else hidden.set(path.toLowerCase(), readsHidden - 1);
      return sendError(new ArmError(404, 'ResourceNotFound', `The Resource '${path.split('/').pop()}' was not found (not visible yet).`));
    }

    // 4. Route + api-version.
    if (!routeMatch) {
      return sendError(new ArmError(404, 'InvalidResourceType', `The emulator has no operation for '${method} ${path}'.`));
    }
    if ('methodMismatch' in routeMatch) {
      return sendError(new ArmError(405, 'MethodNotAllowed', `The method '${method}' is not supported for '${path}'.`));
    }
    const { route, params } = routeMatch;
    const apiVersion = parsed.searchParams.get('api-version');
    if (route.apiVersions.length > 0) {
      if (!apiVersion) {
        return sendError(new ArmError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests."));
      }
      if (!route.apiVersions.includes(apiVersion)) {
        return sendError(new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${apiVersion}' is invalid. The supported versions are '${route.apiVersions.join(',')}'.`));
      }
    }
    if (bodyError) return sendError(bodyError);

    const ctx: RequestContext = {
      req, method, path, query: parsed.searchParams, baseUrl, body: requestBody, apiVersion: apiVersion ?? '',
      tenantId, world, lro, config, faults,
      takeLroOutcome: () => {
        const rule = faults.takeLroOutcome(method, path);
        return rule?.lroOutcome ? { outcome: rule.lroOutcome, error: rule.error } : undefined;
      },
    };
    try {
      const response = await route.handler(ctx, params);
      if (after?.hideForReads && response.status < 300) hidden.set(path.toLowerCase(), after.hideForReads);
      send(response);
    } catch (err) {
      if (err instanceof ArmError) return sendError(err, (err as ArmError & { headers?: Record<string, string> }).headers);
      log(`handler error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return sendError(new ArmError(500, 'InternalServerError', 'The emulator failed to process the request.'));
    }
  }

  function control(method: string, path: string, rawBody: string, res: http.ServerResponse): void {
    const reply = (status: number, body?: unknown) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    };
    let body: Record<string, unknown> = {};
    try {
      if (rawBody.trim()) body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      return reply(400, { error: { code: 'InvalidJson', message: 'The control request body is not valid JSON.' } });
    }
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /_emulator/health':
        return reply(200, { ok: true, url: `http://${options.host ?? '127.0.0.1'}:${port}` });
      case 'GET /_emulator/faults':
        return reply(200, { faults: faults.list() });
      case 'POST /_emulator/faults':
        try {
          return reply(201, faults.add(body as unknown as FaultRule));
        } catch (e) {
          return reply(400, { error: { code: 'InvalidFaultRule', message: (e as Error).message } });
        }
      case 'DELETE /_emulator/faults':
        faults.clear();
        return reply(200, { faults: [] });
      case 'POST /_emulator/reset': {
        const kind = body.world;
        if (kind !== undefined && kind !== 'demo' && kind !== 'empty') {
          return reply(400, { error: { code: 'InvalidWorld', message: "world must be 'demo' or 'empty'." } });
        }
        reset(kind as WorldKind | undefined);
        return reply(200, { ok: true, world: world.kind, config });
      }
      case 'GET /_emulator/requests':
        return reply(200, { requests });
      case 'DELETE /_emulator/requests':
        requests.length = 0;
        return reply(200, { requests });
      case 'GET /_emulator/config':
        return reply(200, config);
      case 'POST /_emulator/config': {
        if (body.tokenMode !== undefined) {
          if (body.tokenMode !== 'development' && body.tokenMode !== 'expiring') return reply(400, { error: { code: 'InvalidConfig', message: "tokenMode must be 'development' or 'expiring'." } });
          config.tokenMode = body.tokenMode;
        }
        for (const key of ['pageSize', 'lroPollsToComplete', 'retryAfterSeconds', 'latencyMs', 'graphQuota', 'graphQuotaWindowMs', 'graphLagMs'] as const) {
          const v = body[key];
          if (v === undefined) continue;
          const min = key === 'pageSize' || key === 'graphQuota' || key === 'graphQuotaWindowMs' ? 1 : 0;
          if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
            return reply(400, { error: { code: 'InvalidConfig', message: `${key} must be an integer >= ${min}.` } });
          }
          config[key] = v;
        }
        if (body.graphEnabled !== undefined) {
          if (typeof body.graphEnabled !== 'boolean') return reply(400, { error: { code: 'InvalidConfig', message: 'graphEnabled must be a boolean.' } });
          config.graphEnabled = body.graphEnabled;
        }
        return reply(200, config);
      }
      default:
        return reply(404, { error: { code: 'NotFound', message: `Unknown control endpoint '${method} ${path}'.` } });
    }
  }

  let port = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    faults,
    world,
    requests,
    config,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

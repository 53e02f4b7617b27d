/** Shared request context, ARM error helpers, paging and the route table used by the routes/* files. */
import type { IncomingMessage } from 'node:http';
import type { FaultRegistry, LroOutcome } from './faults';
import type { LroEngine } from './lro';
import type { World } from './world';

export interface EmulatorConfig {
  pageSize: number;
  lroPollsToComplete: number;
  retryAfterSeconds: number;
  /**
   * 'development' (default): the fixed development token. 'expiring': only tokens `emu-token:<expires-at-ms>` that
   * have not expired, so tests can drive a real credential and its refresh through the product's own token path.
   */
  tokenMode: 'development' | 'expiring';
  /** Added before every ARM answer (benchmarks: a fixed network latency). */
  latencyMs: number;
  /** Resource Graph: queries per 5 s per caller; how far its index lags behind writes; whether it exists at all. */
  graphQuota: number;
  graphQuotaWindowMs: number;
  graphLagMs: number;
  graphEnabled: boolean;
}

export interface ArmResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is instead of JSON (fault bodies only). */
  rawBody?: string;
  /** The request's full URL, for rewrites that point a nextLink back at it. */
  requestUrl?: string;
}

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { code: string; message: string; target?: string }[] = [],
    readonly target?: string,
  ) {
    super(message);
  }

  toBody(): object {
    const error: Record<string, unknown> = { code: this.code, message: this.message, details: this.details };
    if (this.target) error.target = this.target;
    return { error };
  }
}

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  /** URL path as sent (not decoded). */
  path: string;
  query: URLSearchParams;
  /** Absolute base URL of the emulator as addressed by the client, e.g. http://127.0.0.1:PORT */
  baseUrl: string;
  /** Parsed JSON body (undefined when none). */
  body: unknown;
  apiVersion: string;
  /** The tenant the request's token is for (the development token: the home tenant). */
  tenantId: string;
  world: World;
  lro: LroEngine;
  config: EmulatorConfig;
  faults: FaultRegistry;
  /** Consumes a matching `lroOutcome` fault rule for this request, if any. */
  takeLroOutcome(): { outcome: LroOutcome; error?: { code: string; message: string } } | undefined;
}

export type RouteHandler = (ctx: RequestContext, params: string[]) => ArmResponse | Promise<ArmResponse>;

export interface Route {
  method: string;
  /** Anchored, case-insensitive pattern over the URL path; capture groups become params (decoded). */
  pattern: RegExp;
  apiVersions: string[];
  /** Operation-status / location polling routes (not swagger operations). */
  polling?: boolean;
  handler: RouteHandler;
}

export class Router {
  readonly routes: Route[] = [];

  add(method: string, pattern: string, apiVersions: string[], handler: RouteHandler, polling = false): void {
    this.routes.push({ method: method.toUpperCase(), pattern: new RegExp(`^${pattern}/?$`, 'i'), apiVersions, handler, polling });
  }

  /** Finds the route for a path; `methodMismatch` when the path matches but not the method. */
  match(method: string, path: string): { route: Route; params: string[] } | { methodMismatch: true } | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method.toUpperCase()) continue;
      return { route, params: m.slice(1).map((p) => (p === undefined ? '' : decodeURIComponent(p))) };
    }
    return pathMatched ? { methodMismatch: true } : undefined;
  }
}

/** Path segment patterns. */
export const SEG = '([^/]+)';
export const SUB = `/subscriptions/${SEG}`;
export const RG = `${SUB}/resourcegroups/${SEG}`;

export function json(status: number, body?: unknown, headers?: Record<string, string>): ArmResponse {
  return { status, body, headers };
}

export function notFound(type: string, name: string, resourceGroup?: string): ArmError {
  const where = resourceGroup ? ` under resource group '${resourceGroup}'` : '';
  return new ArmError(404, 'ResourceNotFound', `The Resource '${type}/${name}'${where} was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
}

export function invalidContent(field: string, message: string): ArmError {
  return new ArmError(400, 'InvalidRequestContent', `The request content was invalid: '${field}' ${message}`, [
    { code: 'InvalidRequestContent', target: field, message: `'${field}' ${message}` },
  ], field);
}

/** Returns one page of `items` as `{ value, nextLink? }`; nextLink is absolute and carries api-version and an opaque $skipToken. */
export function page<T>(ctx: RequestContext, items: T[]): ArmResponse {
  let offset = 0;
  const token = ctx.query.get('$skipToken');
  if (token !== null) {
    try {
      const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
      if (typeof decoded.o !== 'number' || !Number.isInteger(decoded.o) || decoded.o < 0) throw new Error('bad');
      offset = decoded.o;
    } catch {
      throw new ArmError(400, 'InvalidSkipToken', `The $skipToken '${token}' is not valid.`);
    }
  }
  const size = Math.max(1, ctx.config.pageSize);
  const value = items.slice(offset, offset + size);
  const body: { value: T[]; nextLink?: string } = { value };
  if (offset + size < items.length) {
    const next = Buffer.from(JSON.stringify({ o: offset + size }), 'utf8').toString('base64url');
    body.nextLink = `${ctx.baseUrl}${ctx.path}?api-version=${encodeURIComponent(ctx.apiVersion)}&$skipToken=${next}`;
  }
  return json(200, body);
}

export function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidContent(field, 'is required and must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

export function optionalObject(value: unknown, field: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  return requireObject(value, field);
}

export function requireString(value: unknown, field: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value.length === 0)) {
    throw invalidContent(field, allowEmpty ? 'is required and must be a string.' : 'is required and must be a non-empty string.');
  }
  return value;
}

export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidContent(field, 'must be a string.');
  return value;
}

export function optionalEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalidContent(field, `must be one of: ${allowed.join(', ')}.`);
  }
  return value as T;
}

export function optionalTags(value: unknown, field = 'tags'): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const obj = requireObject(value, field);
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v !== 'string') throw invalidContent(`${field}.${k}`, 'must be a string.');
  }
  return obj as Record<string, string>;
}

export function deepClone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function ensureSubscription(ctx: RequestContext, subscriptionId: string): void {
  if (!ctx.world.getSubscription(subscriptionId)) {
    throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
  }
}

export function ensureResourceGroup(ctx: RequestContext, subscriptionId: string, resourceGroup: string): void {
  ensureSubscription(ctx, subscriptionId);
  if (!ctx.world.getResourceGroup(subscriptionId, resourceGroup)) {
    throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`);
  }
}

/** Parses `/subscriptions/{sub}/resourceGroups/{rg}/...` out of a resource id (any case). */
export function parseScope(id: string): { subscriptionId: string; resourceGroup: string } | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)(\/|$)/i.exec(id);
  return m ? { subscriptionId: m[1], resourceGroup: m[2] } : undefined;
}

/** Headers for a response that starts a long-running operation. */
export function lroHeaders(ctx: RequestContext, op: import('./lro').LroOperation, withLocation: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'Azure-AsyncOperation': ctx.lro.asyncOperationUrl(ctx.baseUrl, op),
    'Retry-After': String(ctx.config.retryAfterSeconds),
  };
  if (withLocation) headers.Location = ctx.lro.locationUrl(ctx.baseUrl, op);
  return headers;
}

/** Reads the LRO outcome for this request from the fault rules (default Succeeded). */
export function lroOutcomeFor(ctx: RequestContext): { outcome: LroOutcome; error?: { code: string; message: string } } {
  return ctx.takeLroOutcome() ?? { outcome: 'Succeeded' };
}

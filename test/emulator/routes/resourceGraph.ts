/**
 * Microsoft.ResourceGraph `POST /providers/Microsoft.ResourceGraph/resources` (2022-10-01, 2024-04-01), for the queries
 * the extension sends: a small, documented KQL subset over the `resources` table —
 *   resources | where <cond> [| where <cond>] [| project f1, f2, …] [| order by f [asc|desc]]
 * where <cond> combines, with `and`, `or` and parentheses, `f in~ ('a', …)`, `f in (…)`, `f =~ 'x'`, `f !~ 'x'` and
 * `f == 'x'`. Anything else is refused with ARG's own `BadRequest` / `InvalidQuery` shape.
 *
 * What is indexed is what Microsoft's sources confirm for the `resources` table (FIELD-NOTES, "Azure Resource Graph"):
 * custom locations, Azure Stack HCI logical networks and connected clusters. AKS Arc instances are extension resources
 * no cited source lists, so they are not here: the extension reads them from ARM.
 *
 * Paging: `options.$top` (1–1000, default 100 here as in ARG's documented default) and an opaque `$skipToken`. Quota:
 * `config.graphQuota` queries per `config.graphQuotaWindowMs` (5 s) per caller, told in `x-ms-user-quota-remaining` and
 * `x-ms-user-quota-resets-after` (hh:mm:ss), a 429 beyond it. Lag: a resource created less than `config.graphLagMs`
 * ago is not yet in the index, and one deleted that recently still is (its last state), as ARG lags behind writes.
 */
import { ArmError, json, requireObject, type RequestContext, type Router } from '../http';
import type { ArmResource, World } from '../world';

export const RESOURCE_GRAPH_API_VERSIONS = ['2022-10-01', '2024-04-01'];
const INDEXED_TYPES = new Set(['microsoft.extendedlocation/customlocations', 'microsoft.azurestackhci/logicalnetworks', 'microsoft.kubernetes/connectedclusters']);

type Row = Record<string, unknown>;

// ---------------------------------------------------------------- the index, with its lag

export function resetResourceGraph(): void {
  quota.clear();
  resultSets.clear();
}

/** What the index holds: resources created before the lag, and those removed within it (their last state). */
function indexed(world: World, lagMs: number): ArmResource[] {
  const cutoff = Date.now() - lagMs;
  const rows = [...world.resources.values()].filter((r) => INDEXED_TYPES.has(r.type.toLowerCase()) && (!lagMs || (world.createdAt.get(r.id.toLowerCase()) ?? 0) <= cutoff));
  if (lagMs) for (const { resource, at } of world.recentlyRemoved.values()) if (at > cutoff && INDEXED_TYPES.has(resource.type.toLowerCase())) rows.push(resource);
  return rows;
}

function rowOf(resource: ArmResource, tenantId: string): Row {
  const [, , subscriptionId, , resourceGroup] = resource.id.split('/');
  return {
    id: resource.id,
    name: resource.name,
    type: resource.type.toLowerCase(),
    tenantId,
    kind: (resource as { kind?: string }).kind ?? '',
    location: resource.location,
    resourceGroup: resourceGroup?.toLowerCase(),
    subscriptionId,
    managedBy: '',
    sku: null,
    plan: null,
    properties: resource.properties ?? {},
    tags: resource.tags ?? {},
    identity: null,
    zones: null,
    extendedLocation: resource.extendedLocation ?? null,
  };
}

// ---------------------------------------------------------------- the KQL subset

type Condition = (row: Row) => boolean;
interface Query {
  where: Condition[];
  project?: string[];
  order?: { field: string; descending: boolean };
}

const invalidQuery = (why: string) =>
  new ArmError(400, 'BadRequest', 'Please provide below info when asking for support: timestamp = ' + new Date().toISOString() + '.', [{ code: 'InvalidQuery', message: `Query is invalid. ${why}` }]);

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(?:('(?:[^'\\]|\\.)*')|(in~|=~|!~|==|[|(),])|([A-Za-z_][A-Za-z0-9_.]*))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw invalidQuery(`Unexpected text at ${at}: "${text.slice(at, at + 20)}".`);
    tokens.push(m[1] ?? m[2] ?? m[3]);
    at = re.lastIndex;
  }
  return tokens;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const unquote = (token: string | undefined): string => {
  if (!token || !token.startsWith("'")) throw invalidQuery(`A string literal was expected, not "${token ?? 'the end'}".`);
  return token.slice(1, -1).replace(/\\(.)/g, '$1');
};

function parseQuery(source: string): Query {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const token = tokens[i++];
    if (expected !== undefined && token?.toLowerCase() !== expected) throw invalidQuery(`"${expected}" was expected, not "${token ?? 'the end'}".`);
    return token;
  };
  const table = take();
  if (table?.toLowerCase() !== 'resources') throw invalidQuery(`Table "${table}" is not one this emulator serves (only resources).`);

  const term = (): Condition => {
    if (peek() === '(') {
      take('(');
      const inner = or();
      take(')');
      return inner;
    }
    const field = take();
    if (!field || !/^[A-Za-z_]/.test(field)) throw invalidQuery(`A column name was expected, not "${field ?? 'the end'}".`);
    const op = take()?.toLowerCase();
    if (op === 'in~' || op === 'in') {
      take('(');
      const values: string[] = [unquote(take())];
      while (peek() === ',') {
        take(',');
        values.push(unquote(take()));
      }
      take(')');
      const set = new Set(op === 'in~' ? values.map((v) => v.toLowerCase()) : values);
      return (row) => set.has(op === 'in~' ? text(row[field]).toLowerCase() : text(row[field]));
    }
    const value = unquote(take());
    if (op === '=~') return (row) => text(row[field]).toLowerCase() === value.toLowerCase();
    if (op === '!~') return (row) => text(row[field]).toLowerCase() !== value.toLowerCase();
    if (op === '==') return (row) => text(row[field]) === value;
    throw invalidQuery(`Operator "${op}" is not in this emulator's subset.`);
  };
  /** Operands joined by `word`: a row passes when every one (and) or some one (or) passes. */
  const joined = (word: 'and' | 'or', operand: () => Condition) => (): Condition => {
    const parts = [operand()];
    while (peek()?.toLowerCase() === word) {
      take();
      parts.push(operand());
    }
    return word === 'and' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
  };
  const and = joined('and', term);
  const or = joined('or', and);

  const query: Query = { where: [] };
  while (i < tokens.length) {
    take('|');
    const op = take()?.toLowerCase();
    if (op === 'where') query.where.push(or());
    else if (op === 'project') {
      query.project = [take()];
      while (peek() === ',') {
        take(',');
        query.project.push(take());
      }
    } else if (op === 'order') {
      take('by');
      const field = take();
      const direction = peek()?.toLowerCase();
      if (direction === 'asc' || direction === 'desc') take();
      query.order = { field, descending: direction !== 'asc' };
    } else throw invalidQuery(`Operator "${op}" is not in this emulator's subset.`);
  }
  return query;
}

// ---------------------------------------------------------------- paging and quota

const quota = new Map<string, { windowStart: number; used: number }>();

function quotaHeaders(ctx: RequestContext): Record<string, string> {
  const caller = ctx.req.headers.authorization ?? '';
  const now = Date.now();
  let window = quota.get(caller);
  const windowMs = ctx.config.graphQuotaWindowMs;
  if (!window || now - window.windowStart >= windowMs) quota.set(caller, (window = { windowStart: now, used: 0 }));
  const resetsAfter = Math.max(0, windowMs - (now - window.windowStart));
  // Whole seconds, rounded up, as the header's hh:mm:ss can say: waiting that long always reaches the reset.
  const hhmmss = new Date(Math.ceil(resetsAfter / 1000) * 1000).toISOString().slice(11, 19);
  if (window.used >= ctx.config.graphQuota) {
    throw Object.assign(new ArmError(429, 'RateLimiting', 'Please provide below info when asking for support: the user quota of Resource Graph queries is used up.'), {
      headers: { 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': hhmmss, 'Retry-After': String(Math.ceil(resetsAfter / 1000)) },
    });
  }
  window.used++;
  return { 'x-ms-user-quota-remaining': String(ctx.config.graphQuota - window.used), 'x-ms-user-quota-resets-after': hhmmss };
}

function query(ctx: RequestContext) {
  if (!ctx.config.graphEnabled) throw new ArmError(404, 'InvalidResourceType', "The resource type 'resources' could not be found in the namespace 'Microsoft.ResourceGraph' for api version '" + ctx.apiVersion + "'.");
  const headers = quotaHeaders(ctx);
  const body = requireObject(ctx.body, 'body');
  if (typeof body.query !== 'string' || !body.query.trim()) throw invalidQuery('The query is empty.');
  const subscriptions = body.subscriptions;
  if (subscriptions !== undefined && (!Array.isArray(subscriptions) || subscriptions.some((s) => typeof s !== 'string'))) throw new ArmError(400, 'BadRequest', 'subscriptions must be a list of subscription ids.');
  const options = (body.options ?? {}) as Record<string, unknown>;
  const top = options.$top === undefined ? 100 : Number(options.$top);
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw new ArmError(400, 'BadRequest', '$top must be an integer from 1 to 1000.');
  if (options.resultFormat !== undefined && options.resultFormat !== 'objectArray') throw new ArmError(400, 'BadRequest', 'This emulator answers resultFormat objectArray only.');

  // Like ARG, a $skipToken continues the result set the first page computed (not a new evaluation per page).
  const skip = typeof options.$skipToken === 'string' ? skipOf(options.$skipToken, body.query) : undefined;
  const rows = skip ? resultSets.get(skip.set) ?? evaluate(ctx, body.query, subscriptions as string[] | undefined) : evaluate(ctx, body.query, subscriptions as string[] | undefined);
  const set = skip?.set ?? nextSet++;
  resultSets.set(set, rows);
  if (resultSets.size > 32) resultSets.delete(resultSets.keys().next().value!);
  const from = skip?.skip ?? 0;
  const data = rows.slice(from, from + top);
  const next = from + top < rows.length ? Buffer.from(JSON.stringify({ set, skip: from + top, query: body.query })).toString('base64') : undefined;
  return json(200, { totalRecords: rows.length, count: data.length, resultTruncated: 'false', ...(next ? { $skipToken: next } : {}), data, facets: [] }, headers);
}

const resultSets = new Map<number, Row[]>();
let nextSet = 1;

function evaluate(ctx: RequestContext, queryText: string, subscriptions: string[] | undefined): Row[] {
  const parsed = parseQuery(queryText);
  // A token sees its own tenant's subscriptions only; others asked for are left out, as ARG does.
  const ownTenant = new Set(ctx.world.subscriptions.filter((s) => s.tenantId === ctx.tenantId).map((s) => s.subscriptionId.toLowerCase()));
  const scope = new Set((subscriptions ?? [...ownTenant]).map((s) => s.toLowerCase()).filter((s) => ownTenant.has(s)));
  let rows = indexed(ctx.world, ctx.config.graphLagMs)
    .map((r) => rowOf(r, ctx.world.tenantId))
    .filter((row) => scope.has(text(row.subscriptionId).toLowerCase()) && parsed.where.every((w) => w(row)));
  if (parsed.order) {
    const { field, descending } = parsed.order;
    rows.sort((a, b) => (text(a[field]) < text(b[field]) ? -1 : text(a[field]) > text(b[field]) ? 1 : 0) * (descending ? -1 : 1));
  }
  if (parsed.project) rows = rows.map((row) => Object.fromEntries(parsed.project!.map((f) => [f, row[f] ?? null])));
  return rows;
}

function skipOf(token: string, queryText: string): { set: number; skip: number } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { set?: unknown; skip?: unknown; query?: unknown };
    if (typeof parsed.skip === 'number' && typeof parsed.set === 'number' && parsed.query === queryText) return { set: parsed.set, skip: parsed.skip };
  } catch {
    // fall through
  }
  throw new ArmError(400, 'BadRequest', 'The $skipToken is not valid for this query.');
}

export function registerResourceGraphRoutes(router: Router): void {
  router.add('POST', '/providers/Microsoft.ResourceGraph/resources', RESOURCE_GRAPH_API_VERSIONS, query);
}

import * as l10n from '@vscode/l10n';
import type { ArmClient } from './armClient';
import { ArmError } from './armError';
import type { Clock } from './clock';
import { mapWithConcurrency } from './concurrency';
import { PageGuard } from './paging';

/**
 * Azure Resource Graph's query API (`POST {resourceManager}/providers/Microsoft.ResourceGraph/resources`), on the one
 * shared pipeline (same token boundary, retries and timeouts as every other request). 2024-04-01 is the swagger in
 * test/specs; a cloud that refuses it (one public report: US Government) gets 2022-10-01.
 */
export const RESOURCE_GRAPH_API_VERSIONS = ['2024-04-01', '2022-10-01'] as const;

/**
 * Subscriptions per query. Microsoft's throttling guidance batches them in groups under 300; smaller batches, a few at
 * once, turn one long chain of pages into short parallel ones (the user quota, about 15 queries per 5 s, is honoured).
 */
export const SUBSCRIPTIONS_PER_QUERY = 50;
const BATCHES_AT_ONCE = 4;
/** Rows per page: ARG's maximum `$top`. */
const ROWS_PER_PAGE = 1000;
/** A quota reset longer than this is not waited for: the query fails as throttled (the tree says so, per row). */
const MAX_QUOTA_WAIT_MS = 60_000;

interface QueryResponse {
  totalRecords?: number;
  count?: number;
  data?: unknown;
  $skipToken?: string;
}

export interface GraphQueryOptions {
  signal?: AbortSignal;
  /** Rows per page (`$top`); ARG's maximum unless a test asks for small pages. */
  rowsPerPage?: number;
  /** The tenant whose token the query goes with (a query sees one tenant's subscriptions). */
  tenantId?: string;
}

/**
 * Every row of `query` over `subscriptions`, page by page (`$skipToken`), in batches of SUBSCRIPTIONS_PER_QUERY.
 * When a response says the caller's quota is used up (`x-ms-user-quota-remaining: 0`), the next request waits for
 * `x-ms-user-quota-resets-after` instead of earning a 429.
 */
export async function queryResourceGraph<T>(client: ArmClient, query: string, subscriptions: readonly string[], options: GraphQueryOptions = {}): Promise<T[]> {
  const rows: T[] = [];
  const batches: string[][] = [];
  for (let i = 0; i < subscriptions.length; i += SUBSCRIPTIONS_PER_QUERY) batches.push(subscriptions.slice(i, i + SUBSCRIPTIONS_PER_QUERY));
  const quota = new QuotaGate(client.clock);
  const results = await mapWithConcurrency(batches, BATCHES_AT_ONCE, (batch) => queryBatch<T>(client, query, batch, quota, options));
  for (const batch of results) rows.push(...batch);
  return rows;
}

async function queryBatch<T>(client: ArmClient, query: string, subscriptions: string[], quota: QuotaGate, options: GraphQueryOptions): Promise<T[]> {
  const signal = options.signal;
  const guard = new PageGuard(l10n.t('Resource Graph results'), client.reliability.maxPages);
  const rows: T[] = [];
  let skipToken: string | undefined;
  do {
    await quota.wait(signal);
    const body = { subscriptions, query, options: { $top: options.rowsPerPage ?? ROWS_PER_PAGE, resultFormat: 'objectArray', ...(skipToken ? { $skipToken: skipToken } : {}) } };
    const result = await post(client, body, signal, options.tenantId);
    quota.update(result.headers);
    const page = parsePage(result.bodyText);
    const data = page.data as T[];
    guard.check(page.$skipToken, data);
    rows.push(...data);
    skipToken = page.$skipToken || undefined;
  } while (skipToken);
  return rows;
}

/** Per client (one per cloud and sign-in): the api-version its Resource Manager took, remembered once refused. */
const apiVersionIndex = new WeakMap<ArmClient, number>();

async function post(client: ArmClient, body: unknown, signal?: AbortSignal, tenantId?: string) {
  for (;;) {
    const index = apiVersionIndex.get(client) ?? 0;
    try {
      return await client.send('POST', '/providers/Microsoft.ResourceGraph/resources', { apiVersion: RESOURCE_GRAPH_API_VERSIONS[index], body, signal, tenantId });
    } catch (error) {
      const refusedVersion = error instanceof ArmError && error.status === 400 && /ApiVersion/i.test(error.code);
      if (!refusedVersion || index >= RESOURCE_GRAPH_API_VERSIONS.length - 1) throw error;
      apiVersionIndex.set(client, index + 1);
    }
  }
}

function parsePage(bodyText: string | undefined): QueryResponse & { data: unknown[] } {
  let page: QueryResponse;
  try {
    page = JSON.parse(bodyText ?? '') as QueryResponse;
  } catch {
    throw new ArmError('InvalidResponse', l10n.t('Resource Graph answered with a body that is not JSON.'), undefined);
  }
  if (!page || typeof page !== 'object' || !Array.isArray(page.data)) {
    throw new ArmError('InvalidResponse', l10n.t('Resource Graph answered without a list of rows (data); was resultFormat objectArray honoured?'), undefined);
  }
  if (page.$skipToken !== undefined && typeof page.$skipToken !== 'string') throw new ArmError('InvalidResponse', l10n.t('Resource Graph answered with a $skipToken that is not a string.'), undefined);
  return page as QueryResponse & { data: unknown[] };
}

/** "hh:mm:ss" (ARG's x-ms-user-quota-resets-after) in milliseconds, or undefined. */
export function parseQuotaReset(value: string | undefined): number | undefined {
  const m = value ? /^(\d+):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(value.trim()) : null;
  return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 : undefined;
}

/** Shared by the batches of one query: once the quota is used up, every next request waits for its reset. */
class QuotaGate {
  private until = 0;
  constructor(private readonly clock: Clock) {}

  update(headers: { get(name: string): string | undefined }): void {
    const remaining = Number(headers.get('x-ms-user-quota-remaining'));
    const resetMs = parseQuotaReset(headers.get('x-ms-user-quota-resets-after'));
    if (remaining === 0 && resetMs !== undefined) this.until = Math.max(this.until, this.clock.now() + Math.min(resetMs, MAX_QUOTA_WAIT_MS));
  }

  async wait(signal?: AbortSignal): Promise<void> {
    const ms = this.until - this.clock.now();
    if (ms > 0) await this.clock.sleep(ms, signal);
  }
}

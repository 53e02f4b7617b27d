import type { ArmClient } from './armClient';
import { ArmError } from './armError';
import { createLimiter } from './concurrency';
import { getConnectedCluster, isAksArcCluster, listAksArcClusters } from './connectedClusters';
import { listCustomLocations } from './customLocations';
import type { AksArcCluster } from './grouping';
import { listLogicalNetworks } from './logicalNetworks';
import type { ConnectedCluster, ProvisionedClusterInstance, Subscription } from './models';
import { getProvisionedClusterInstance } from './provisionedClusters';
import { isTransitionalState } from './provisioningState';
import { queryResourceGraph } from './resourceGraph';
import { parseResourceId } from './resourceId';
import { checkResources, checkSubscriptions } from './shapes';
import { listSubscriptions } from './subscriptions';
import type { TenantDirectory } from './tenants';
import { OperationCancelledError, raceAbort } from '../cancellation';

/**
 * The one inventory of what the extension shows — custom locations, logical networks and AKS Arc clusters of the shown
 * subscriptions, and the clusters' AKS Arc instances — read once and shared by the tree, the cluster picker, the task
 * provider and the wizard's pickers.
 *
 * - **Lists** come from one Resource Graph query over every shown subscription (paged, batched, quota-aware). Where
 *   Resource Graph is not there (a custom or sovereign endpoint without it: 404, 403, 400), every subscription is
 *   listed through its own three ARM lists instead — chosen once, said once in the output channel.
 * - **Instances** (`provisionedClusterInstances`, extension resources) are not in Microsoft's list of what Resource
 *   Graph indexes ("Azure Resource Graph table and resource type reference", learn.microsoft.com/azure/governance/
 *   resource-graph/reference/supported-tables-resources: its `resources` table lists custom locations, logical networks
 *   and connected clusters, and of HybridContainerService only the older provisionedclusters types), so they are read
 *   from ARM: only for what is shown, at most INSTANCE_READS_PER_SUBSCRIPTION at a time in one subscription (ARM
 *   throttles reads per subscription) and INSTANCE_READS_AT_ONCE across subscriptions, cached, and re-read only for
 *   clusters in a transitional state or marked changed.
 * - **Writes**: Resource Graph lags behind them, so a command that changed a cluster says so (`changed(id)`) and the
 *   next read of that subscription patches the cluster from direct ARM reads of it, instead of querying again.
 *
 * Plain TypeScript (no `vscode`): the benchmark runs this very code.
 */
export interface SubscriptionResources {
  customLocations: unknown[];
  logicalNetworks: unknown[];
  /** Connected clusters of kind ProvisionedCluster (not yet checked for shape). */
  clusters: unknown[];
  /** Lists that could not be read (per-subscription path only: Resource Graph answers all or nothing). */
  failures: { what: 'Custom locations' | 'Logical networks' | 'AKS Arc clusters'; error: unknown }[];
}

export type InventorySource = 'Resource Graph' | 'per-subscription lists';

export interface InventoryOptions {
  /** Where the choice of path and other one-off facts go (the output channel). */
  log?: (line: string) => void;
  /** Which of the account's subscriptions are shown (the "Select Subscriptions…" filter); all when unset. */
  select?: (all: Subscription[]) => Subscription[];
  /** The tenants whose subscriptions are shown together ("Select Tenants…"); none: the credential's default tenant. */
  tenants?: () => string[];
  /** Learns each subscription's tenant, so that each request goes with its tenant's token. */
  directory?: TenantDirectory;
  instanceReadsAtOnce?: number;
  instanceReadsPerSubscription?: number;
  /** Resource Graph rows per page (tests: small pages). */
  graphRowsPerPage?: number;
  subscriptionListsAtOnce?: number;
}

/**
 * Instance reads in flight: 8 per subscription (ARM throttles reads per subscription and principal, with a bucket of
 * hundreds), and 16 subscriptions' worth in all. Measured (bench:tree, S=200): 64 in all took 112 units, 128 took 72;
 * past that the machine, not the latency, is the bound.
 */
export const INSTANCE_READS_PER_SUBSCRIPTION = 8;
export const INSTANCE_READS_AT_ONCE = 16 * INSTANCE_READS_PER_SUBSCRIPTION;
const SUBSCRIPTION_LISTS_AT_ONCE = 12;
const RECENT_WRITES_MS = 10 * 60_000;

const TYPES = {
  customLocation: 'microsoft.extendedlocation/customlocations',
  logicalNetwork: 'microsoft.azurestackhci/logicalnetworks',
  connectedCluster: 'microsoft.kubernetes/connectedclusters',
};

/** A query over `resources`: the rows `where` keeps, with the columns the lists need, ordered by id for stable paging. */
const resourcesQuery = (...where: string[]) =>
  ['resources', ...where.map((w) => `| where ${w}`), '| project id, name, type, kind, location, extendedLocation, properties, tags, subscriptionId', '| order by id asc'].join(' ');

/** The inventory query: the three types, AKS Arc's connected clusters only. */
export const INVENTORY_QUERY = resourcesQuery(
  `type in~ ('${TYPES.customLocation}', '${TYPES.logicalNetwork}', '${TYPES.connectedCluster}')`,
  `type !~ '${TYPES.connectedCluster}' or kind =~ 'ProvisionedCluster'`,
);

/** What the picker and the task provider need when the tree has not loaded: the clusters alone (fewer pages). */
export const CLUSTERS_QUERY = resourcesQuery(`type =~ '${TYPES.connectedCluster}' and kind =~ 'ProvisionedCluster'`);

/** A Resource Graph row, before its shape is checked. */
type GraphRow = { id?: unknown; type?: unknown; subscriptionId?: unknown };

type InstanceRead = { instance?: ProvisionedClusterInstance } | { error: unknown };

const key = (id: string) => id.toLowerCase();

export class Inventory {
  /** The path in use; undefined until the first load decides. */
  source: InventorySource | undefined;
  private scope: string[] = [];
  private bulk?: { ids: Set<string>; done: Promise<Map<string, SubscriptionResources>>; abort: AbortController };
  private readonly bySubscription = new Map<string, Promise<SubscriptionResources>>();
  /** Loads of one subscription alone (not the shared query): a Refresh of that subscription aborts them. */
  private readonly ownLoads = new Map<string, AbortController>();
  private readonly instances = new Map<string, InstanceRead>();
  /** Connected clusters to re-read from ARM at the next read of their subscription (lower-cased id → id as given). */
  private readonly dirty = new Map<string, Map<string, string>>();
  private readonly instanceLimit: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly perSubscriptionLimits = new Map<string, <T>(task: () => Promise<T>) => Promise<T>>();
  private readonly listLimit: <T>(task: () => Promise<T>) => Promise<T>;
  private generation = 0;
  private subscriptionList?: Promise<unknown[]>;
  private clustersOnly?: Promise<Map<string, unknown[]>>;
  /** Subscriptions refreshed on their own since the shared load: the next read queries just that one. */
  private readonly stale = new Set<string>();
  private toldFallback = false;
  /** Clusters commands changed, kept RECENT_WRITES_MS: Resource Graph's lag behind writes is seconds to minutes. */
  private readonly recentWrites = new Map<string, { subscription: string; clusterId: string; at: number }>();

  constructor(
    private readonly client: () => ArmClient,
    readonly options: InventoryOptions = {},
  ) {
    this.instanceLimit = createLimiter(options.instanceReadsAtOnce ?? INSTANCE_READS_AT_ONCE);
    this.listLimit = createLimiter(options.subscriptionListsAtOnce ?? SUBSCRIPTION_LISTS_AT_ONCE);
  }

  /**
   * Tenants chosen but not signed in to (or refused): the tree shows one "Sign in to …" row for each, instead of
   * asking per request.
   */
  readonly tenantsNotSignedIn = new Map<string, unknown>();

  /**
   * `GET /subscriptions`, once (per chosen tenant, with that tenant's token): the tree, the pickers and Connect (for a
   * subscription's tenant) share it.
   */
  allSubscriptions(signal?: AbortSignal): Promise<unknown[]> {
    if (!this.subscriptionList) {
      const list = this.listAcrossTenants();
      this.subscriptionList = list;
      list.catch(() => this.subscriptionList === list && (this.subscriptionList = undefined));
    }
    return raceAbort(this.subscriptionList, signal);
  }

  private async listAcrossTenants(): Promise<unknown[]> {
    const client = this.client();
    const tenants = this.options.tenants?.() ?? [];
    this.tenantsNotSignedIn.clear();
    if (!tenants.length) {
      const all = await listSubscriptions(client);
      this.options.directory?.learn(all);
      return all;
    }
    const perTenant = await Promise.all(
      tenants.map(async (tenantId) => {
        try {
          const subscriptions = await listSubscriptions(client, undefined, tenantId);
          // A subscription's tenant is the one whose token listed it (a guest's list can name its home tenant).
          return subscriptions.map((s) => (s && typeof s === 'object' ? { ...s, tenantId } : s));
        } catch (error) {
          this.tenantsNotSignedIn.set(tenantId, error);
          return [];
        }
      }),
    );
    const seen = new Set<string>();
    const all = perTenant.flat().filter((s) => {
      const id = typeof s?.subscriptionId === 'string' ? s.subscriptionId.toLowerCase() : undefined;
      if (!id || seen.has(id)) return !id;
      seen.add(id);
      return true;
    });
    this.options.directory?.learn(all);
    return all;
  }

  /** The well-formed subscriptions the filter shows; they become the scope of the next load. */
  async shownSubscriptions(signal?: AbortSignal): Promise<Subscription[]> {
    const { items } = checkSubscriptions<Subscription>(await this.allSubscriptions(signal));
    const shown = this.options.select?.(items) ?? items;
    this.setScope(shown.map((s) => s.subscriptionId));
    return shown;
  }

  /** The shown subscriptions: the next read of any of them loads them all in one query. */
  setScope(subscriptionIds: readonly string[]): void {
    this.scope = [...subscriptionIds];
  }

  /** Forget everything (Refresh, sign-in, another cloud): the next read queries again, and may choose the path again. */
  invalidate(): void {
    this.generation++;
    this.source = undefined;
    this.stale.clear();
    this.bulk?.abort.abort();
    this.bulk = undefined;
    for (const own of this.ownLoads.values()) own.abort();
    this.ownLoads.clear();
    this.bySubscription.clear();
    this.instances.clear();
    this.dirty.clear();
    this.subscriptionList = undefined;
    this.clustersOnly = undefined;
  }

  /** The user refreshed one subscription: its lists and its clusters' instances are read again, alone. */
  invalidateSubscription(subscriptionId: string): void {
    const id = key(subscriptionId);
    this.ownLoads.get(id)?.abort();
    this.ownLoads.delete(id);
    this.bySubscription.delete(id);
    this.dirty.delete(id);
    this.stale.add(id);
    const prefix = `/subscriptions/${id}/`;
    for (const clusterId of [...this.instances.keys()]) if (clusterId.startsWith(prefix)) this.instances.delete(clusterId);
  }

  /**
   * A command changed this resource (a connected cluster, its instance or anything under it): the next read of its
   * subscription re-reads that cluster and its instance from ARM and patches them in.
   */
  changed(resourceId: string): void {
    const cluster = this.markDirty(resourceId);
    // Resource Graph may still show the old state for minutes: a re-query (a Refresh) is patched from ARM again.
    if (cluster) this.recentWrites.set(key(cluster.clusterId), { ...cluster, at: Date.now() });
  }

  /** Marks a cluster (or anything under one) to be re-read from ARM at the next read of its subscription. */
  private markDirty(resourceId: string): { subscription: string; clusterId: string } | undefined {
    const parsed = parseResourceId(resourceId);
    const clusterAt = parsed.types.findIndex((t) => t.toLowerCase() === 'connectedclusters');
    if (!parsed.resourceGroup || clusterAt !== 0) {
      this.bySubscription.delete(key(parsed.subscriptionId));
      return undefined;
    }
    const clusterId = `/subscriptions/${parsed.subscriptionId}/resourceGroups/${parsed.resourceGroup}/providers/Microsoft.Kubernetes/connectedClusters/${parsed.names[0]}`;
    const sub = key(parsed.subscriptionId);
    this.addDirty(sub, key(clusterId), clusterId);
    this.instances.delete(key(clusterId));
    return { subscription: sub, clusterId };
  }

  /** The lists of one subscription, from the shared load (patched with what commands changed). */
  async subscription(subscriptionId: string, signal?: AbortSignal): Promise<SubscriptionResources> {
    const id = key(subscriptionId);
    let resources = this.bySubscription.get(id);
    if (!resources) {
      resources = this.load(id);
      this.bySubscription.set(id, resources);
      // What commands changed lately is read from ARM over whatever the (lagging) index says.
      for (const [clusterKey, write] of this.recentWrites) {
        if (Date.now() - write.at > RECENT_WRITES_MS) this.recentWrites.delete(clusterKey);
        else if (write.subscription === id) this.addDirty(id, clusterKey, write.clusterId);
      }
      resources.catch(() => this.bySubscription.get(id) === resources && this.bySubscription.delete(id));
    }
    const result = await raceAbort(resources, signal);
    return this.patchDirty(id, result, signal);
  }

  /**
   * The AKS Arc clusters of every shown subscription (the picker and the task provider): no instance is read. What
   * the tree loaded is reused; otherwise only the clusters are asked for (one query of them alone, kept for the next
   * picker; on the per-subscription path, each subscription's whole lists, which the tree reuses in turn). Malformed
   * rows are left out here; the tree is where they are shown as warnings.
   */
  async clusters(signal?: AbortSignal): Promise<{ subscriptionId: string; clusters: ConnectedCluster[]; failure?: unknown }[]> {
    const checked = (rows: unknown[]) => checkResources<ConnectedCluster>('AKS Arc cluster', rows).items;
    const loaded = this.scope.every((id) => this.bySubscription.has(key(id)) || this.bulk?.ids.has(key(id)));
    if (!loaded && this.source !== 'per-subscription lists') {
      try {
        if (!this.clustersOnly) {
          const list = this.queryClusters([...this.scope]);
          this.clustersOnly = list;
          list.catch(() => this.clustersOnly === list && (this.clustersOnly = undefined));
        }
        const all = await raceAbort(this.clustersOnly, signal);
        return this.scope.map((subscriptionId) => ({ subscriptionId, clusters: checked(all.get(key(subscriptionId)) ?? []) }));
      } catch (error) {
        if ((this.source as InventorySource | undefined) !== 'per-subscription lists') throw error; // set by the failed query
      }
    }
    // One abort listener for them all (one per subscription would be hundreds on one signal).
    return raceAbort(Promise.all(
      this.scope.map(async (subscriptionId) => {
        const resources = await this.subscription(subscriptionId);
        const failure = resources.failures.find((f) => f.what === 'AKS Arc clusters')?.error;
        return { subscriptionId, clusters: checked(resources.clusters), ...(failure ? { failure } : {}) };
      }),
    ), signal);
  }

  /**
   * The clusters with their AKS Arc instances: cached ones as they are, except those in a transitional state, which
   * are read again (with their connected cluster, which a deletion removes); within the per-subscription and overall bounds
   * across every caller.
   */
  async withInstances(clusters: ConnectedCluster[], signal?: AbortSignal): Promise<{ cluster: ConnectedCluster; read: InstanceRead }[]> {
    const generation = this.generation;
    const results = await Promise.all(
      clusters.map(async (cluster) => {
        const cached = this.instances.get(key(cluster.id));
        if (cached && !('error' in cached) && !isTransitionalState(cached.instance?.properties?.provisioningState ?? cluster.properties?.provisioningState)) {
          return { cluster, read: cached };
        }
        const subscriptionLimit = this.perSubscriptionLimit(subscriptionOf(cluster.id));
        const read = await subscriptionLimit(() => this.instanceLimit(async (): Promise<InstanceRead> => {
          if (signal?.aborted) throw new OperationCancelledError();
          try {
            return { instance: await getProvisionedClusterInstance(this.client(), cluster.id, signal) };
          } catch (error) {
            if (signal?.aborted) throw error;
            return { error };
          }
        }));
        if (generation === this.generation && !('error' in read)) this.instances.set(key(cluster.id), read);
        return { cluster, read };
      }),
    );
    return results;
  }

  /** The instances of clusters still changing: their connected clusters are re-read at the next read too. */
  rereadTransitional(clusters: readonly AksArcCluster[]): void {
    for (const item of clusters) {
      if (isTransitionalState(item.instance?.properties?.provisioningState ?? item.cluster.properties?.provisioningState)) this.markDirty(item.cluster.id);
    }
  }

  private perSubscriptionLimit(subscriptionId: string): <T>(task: () => Promise<T>) => Promise<T> {
    let limit = this.perSubscriptionLimits.get(subscriptionId);
    if (!limit) this.perSubscriptionLimits.set(subscriptionId, (limit = createLimiter(this.options.instanceReadsPerSubscription ?? INSTANCE_READS_PER_SUBSCRIPTION)));
    return limit;
  }

  /** Adds a connected cluster to those its subscription's next read re-reads from ARM. */
  private addDirty(subscription: string, clusterKey: string, clusterId: string): void {
    this.dirty.set(subscription, (this.dirty.get(subscription) ?? new Map()).set(clusterKey, clusterId));
  }

  // ---------------------------------------------------------------- loading

  private load(subscriptionId: string): Promise<SubscriptionResources> {
    if (this.source === 'per-subscription lists') return this.listOne(subscriptionId, this.ownLoad(subscriptionId));
    // A query that found Resource Graph missing has switched the path: that subscription is listed instead.
    const orListed = (error: unknown) => {
      if (this.source === 'per-subscription lists') return this.listOne(subscriptionId, this.ownLoad(subscriptionId));
      throw error;
    };
    if (this.stale.delete(subscriptionId)) {
      return this.queryGraph([subscriptionId], this.ownLoad(subscriptionId)).then((one) => one.get(subscriptionId) ?? empty(), orListed);
    }
    if (!this.bulk || !this.bulk.ids.has(subscriptionId)) {
      const ids = new Set([...this.scope.map(key), subscriptionId]);
      const abort = new AbortController();
      this.bulk = { ids, abort, done: this.queryGraph([...ids], abort.signal) };
      const bulk = this.bulk;
      bulk.done.catch(() => this.bulk === bulk && (this.bulk = undefined));
    }
    return this.bulk.done.then((all) => all.get(subscriptionId) ?? empty(), orListed);
  }

  private ownLoad(subscriptionId: string): AbortSignal {
    const abort = new AbortController();
    this.ownLoads.set(subscriptionId, abort);
    return abort.signal;
  }

  private async queryClusters(subscriptionIds: string[]): Promise<Map<string, unknown[]>> {
    const rows = await this.graphRows(CLUSTERS_QUERY, subscriptionIds);
    const all = new Map<string, unknown[]>(subscriptionIds.map((id) => [key(id), []]));
    for (const row of rows) if (typeof row?.subscriptionId === 'string' && isAksArcCluster(row as ConnectedCluster)) all.get(key(row.subscriptionId))?.push(row);
    return all;
  }

  private async queryGraph(subscriptionIds: string[], signal: AbortSignal): Promise<Map<string, SubscriptionResources>> {
    const all = new Map<string, SubscriptionResources>(subscriptionIds.map((id) => [id, empty()]));
    const rows = await this.graphRows(INVENTORY_QUERY, subscriptionIds, signal);
    for (const row of rows) {
      const subscription = typeof row?.subscriptionId === 'string' ? all.get(key(row.subscriptionId)) : undefined;
      const type = typeof row?.type === 'string' ? row.type.toLowerCase() : '';
      if (!subscription) continue;
      if (type === TYPES.customLocation) subscription.customLocations.push(row);
      else if (type === TYPES.logicalNetwork) subscription.logicalNetworks.push(row);
      else if (type === TYPES.connectedCluster && isAksArcCluster(row as ConnectedCluster)) subscription.clusters.push(row);
    }
    return all;
  }

  /** Rows of a query; a Resource Graph that is not there switches the inventory to the per-subscription path. */
  private async graphRows(query: string, subscriptionIds: string[], signal?: AbortSignal): Promise<GraphRow[]> {
    let rows: GraphRow[];
    // A query sees one tenant's subscriptions: one per tenant, each with its tenant's token.
    const byTenant = new Map<string | undefined, string[]>();
    for (const id of subscriptionIds) {
      const tenantId = this.options.directory?.tenantOfSubscription(id);
      byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), id]);
    }
    try {
      const perTenant = await Promise.all(
        [...byTenant].map(([tenantId, ids]) => queryResourceGraph<GraphRow>(this.client(), query, ids, { signal, rowsPerPage: this.options.graphRowsPerPage, tenantId })),
      );
      rows = perTenant.flat();
    } catch (error) {
      if (!graphUnavailable(error)) throw error;
      this.source = 'per-subscription lists';
      if (this.toldFallback) throw error;
      this.toldFallback = true;
      this.options.log?.(`Resource Graph is not available here (${error instanceof ArmError ? `${error.status ?? ''} ${error.code}`.trim() : 'no answer'}): listing each subscription instead.`);
      throw error;
    }
    this.source = 'Resource Graph';
    return rows;
  }

  /** The per-subscription path: three ARM lists, each failing on its own (custom locations fail the subscription). */
  private listOne(subscriptionId: string, signal: AbortSignal): Promise<SubscriptionResources> {
    return this.listLimit(async () => {
      const client = this.client();
      const [locations, networks, clusters] = await Promise.allSettled([
        listCustomLocations(client, subscriptionId, signal),
        listLogicalNetworks(client, subscriptionId, signal),
        listAksArcClusters(client, subscriptionId, signal),
      ]);
      if (locations.status === 'rejected') throw locations.reason;
      const failures: SubscriptionResources['failures'] = [];
      if (networks.status === 'rejected') failures.push({ what: 'Logical networks', error: networks.reason });
      if (clusters.status === 'rejected') failures.push({ what: 'AKS Arc clusters', error: clusters.reason });
      return {
        customLocations: locations.value,
        logicalNetworks: networks.status === 'fulfilled' ? networks.value : [],
        clusters: clusters.status === 'fulfilled' ? clusters.value : [],
        failures,
      };
    });
  }

  /** Re-reads, from ARM, the clusters a command changed in this subscription, and patches the cached lists. */
  private async patchDirty(subscriptionId: string, resources: SubscriptionResources, signal?: AbortSignal): Promise<SubscriptionResources> {
    const dirty = this.dirty.get(subscriptionId);
    if (!dirty?.size) return resources;
    this.dirty.delete(subscriptionId);
    const reads = await Promise.all(
      [...dirty].map(async ([clusterKey, clusterId]) => {
        try {
          return { clusterKey, cluster: await getConnectedCluster(this.client(), clusterId, signal) };
        } catch (error) {
          if (signal?.aborted) throw error;
          // Not readable now: read it again next time; the cached row stays.
          this.addDirty(subscriptionId, clusterKey, clusterId);
          return { clusterKey, unreadable: true as const };
        }
      }),
    );
    let clusters = resources.clusters;
    for (const read of reads) {
      if ('unreadable' in read) continue;
      clusters = clusters.filter((c) => key(String((c as { id?: unknown }).id)) !== read.clusterKey);
      if (read.cluster && isAksArcCluster(read.cluster)) clusters.push(read.cluster);
    }
    const patched = { ...resources, clusters };
    this.bySubscription.set(subscriptionId, Promise.resolve(patched));
    return patched;
  }
}

/** The subscription of an id, lower-cased ('' for an id that does not parse: such rows share one bound). */
function subscriptionOf(id: string): string {
  try {
    return key(parseResourceId(id).subscriptionId);
  } catch {
    return '';
  }
}

const empty = (): SubscriptionResources => ({ customLocations: [], logicalNetworks: [], clusters: [], failures: [] });

/** Resource Graph is not there (or not for us): the per-subscription path serves instead. */
function graphUnavailable(error: unknown): boolean {
  return error instanceof ArmError && (error.status === 404 || error.status === 403 || error.status === 400 || error.status === 405 || error.status === 501);
}

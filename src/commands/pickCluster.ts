import type { AzureSession } from '../auth/azureSession';
import { listAgentPools, type AgentPool } from '../azure/agentPools';
import { clusterRefFromId } from '../azure/clusterRef';
import { listAksArcClusters } from '../azure/connectedClusters';
import type { ConnectedCluster } from '../azure/models';
import { parseResourceId } from '../azure/resourceId';
import { filterSubscriptions, listSubscriptions } from '../azure/subscriptions';
import { settings } from '../settings';
import type { Prompter } from '../wizard/prompter';

/**
 * For commands run from the palette: the AKS Arc clusters of the shown subscriptions, in a quick pick through the
 * Prompter (so tests script it); closing the picker aborts its list requests.
 */
export function pickCluster(session: AzureSession, prompter: Prompter, title: string): Promise<ConnectedCluster> {
  return prompter.pick({
    placeholder: `${title}: AKS Arc cluster`,
    noItemsMessage: 'No AKS Arc cluster in the shown subscriptions.',
    items: async (signal) => {
      const subscriptions = filterSubscriptions(await listSubscriptions(session.client, signal), settings.selectedSubscriptions());
      const perSubscription = await Promise.all(subscriptions.map(async (s) => ({ s, clusters: await listAksArcClusters(session.client, s.subscriptionId, signal) })));
      return perSubscription.flatMap(({ s, clusters }) =>
        clusters.map((cluster) => ({ label: cluster.name, description: `${parseResourceId(cluster.id).resourceGroup} · ${s.displayName}`, value: cluster })),
      );
    },
  });
}

/** A tree item (or anything) that names a cluster; commands started from the palette have none. */
export interface ClusterOrigin {
  resource?: { id: string; name: string };
}

/** For node-pool commands run from the palette: a cluster, then one of its node pools. */
export async function pickNodePool(session: AzureSession, prompter: Prompter, title: string): Promise<AgentPool> {
  const ref = clusterRefFromId((await pickCluster(session, prompter, title)).id);
  return prompter.pick({
    placeholder: `${title}: node pool of "${ref.name}"`,
    noItemsMessage: `"${ref.name}" has no node pools.`,
    items: async (signal) =>
      (await listAgentPools(session.client, ref.connectedClusterId, signal)).map((pool) => ({
        label: pool.name,
        description: `${pool.properties?.count ?? '?'} × ${pool.properties?.vmSize ?? '?'}`,
        value: pool,
      })),
  });
}

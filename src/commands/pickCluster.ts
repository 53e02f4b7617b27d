import * as l10n from '@vscode/l10n';
import type { AzureSession } from '../auth/azureSession';
import { listAgentPools, type AgentPool } from '../azure/agentPools';
import { clusterRefFromId } from '../azure/clusterRef';
import { errorText } from '../azure/armError';
import type { ConnectedCluster } from '../azure/models';
import { parseResourceId } from '../azure/resourceId';
import type { PickItem, Prompter } from '../wizard/prompter';

/**
 * For commands run from the palette: the AKS Arc clusters of the shown subscriptions, from the shared inventory (what
 * the tree loaded is reused; nothing else is read), in a quick pick through the Prompter (so tests script it). A
 * subscription whose clusters could not be listed is one row saying so.
 */
export function pickCluster(session: AzureSession, prompter: Prompter, title: string): Promise<ConnectedCluster> {
  return prompter.pick({
    placeholder: l10n.t({ message: '{0}: AKS Arc cluster', args: [title], comment: '{0} is the command\'s name, e.g. Scale Node Pool' }),
    noItemsMessage: l10n.t('No AKS Arc cluster in the shown subscriptions.'),
    items: async (signal): Promise<PickItem<ConnectedCluster>[]> => {
      const inventory = session.inventory;
      const subscriptions = await inventory.shownSubscriptions(signal);
      const names = new Map(subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
      return (await inventory.clusters(signal)).flatMap(({ subscriptionId, clusters, failure }) => {
        const subscription = names.get(subscriptionId.toLowerCase()) ?? subscriptionId;
        const rows: PickItem<ConnectedCluster>[] = clusters.map((cluster) => ({
          label: cluster.name,
          description: `${parseResourceId(cluster.id).resourceGroup} · ${subscription}`,
          value: cluster,
        }));
        if (failure) rows.push({ label: `$(warning) ${subscription}`, description: l10n.t('clusters could not be listed: {0}', errorText(failure)), value: undefined as never, inert: true });
        return rows;
      });
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
    placeholder: l10n.t({ message: '{0}: node pool of "{1}"', args: [title, ref.name], comment: '{0} is the command\'s name, e.g. Scale Node Pool; {1} a cluster' }),
    noItemsMessage: l10n.t('"{0}" has no node pools.', ref.name),
    items: async (signal) =>
      (await listAgentPools(session.client, ref.connectedClusterId, signal)).map((pool) => ({
        label: pool.name,
        description: `${pool.properties?.count ?? '?'} × ${pool.properties?.vmSize ?? '?'}`,
        value: pool,
      })),
  });
}

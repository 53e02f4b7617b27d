import * as l10n from '@vscode/l10n';
import { connectedClusterId, parseResourceId, provisionedClusterInstanceId } from './resourceId';

/**
 * One reference to an AKS Arc cluster, worked out once from its id and carried from the tree node to every command
 * that acts on it: its subscription, resource group and name, and the ids of both its resources.
 */
export interface ClusterRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  /** The connected cluster (Microsoft.Kubernetes). */
  connectedClusterId: string;
  /** Its AKS Arc instance, `provisionedClusterInstances/default`. */
  instanceId: string;
}

export function clusterRefFromId(id: string): ClusterRef {
  const parsed = parseResourceId(id);
  if (!parsed.resourceGroup || !parsed.name || parsed.types[0]?.toLowerCase() !== 'connectedclusters') {
    throw new Error(l10n.t('Not a connected cluster\'s id: "{0}".', id));
  }
  const connected = connectedClusterId(parsed.subscriptionId, parsed.resourceGroup, parsed.names[0]);
  return { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup, name: parsed.names[0], connectedClusterId: connected, instanceId: provisionedClusterInstanceId(connected) };
}

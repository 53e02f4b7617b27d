import type { AksArcCluster } from '../azure/grouping';
import { isTransitionalState } from '../azure/provisioningState';

/** The state a developer cares about: the AKS Arc instance's when it exists, else the connected cluster's. */
export function clusterState(item: AksArcCluster): string {
  return item.instance?.properties?.provisioningState ?? item.cluster.properties?.provisioningState ?? 'Unknown';
}

/** Creating, Updating, Deleting, Accepted…: a state that will change on its own, so the tree keeps re-reading it. */
export function isTransitional(item: AksArcCluster): boolean {
  return isTransitionalState(clusterState(item));
}

export function clusterKubernetesVersion(item: AksArcCluster): string | undefined {
  return item.instance?.properties?.kubernetesVersion ?? item.cluster.properties?.kubernetesVersion;
}

/** "Succeeded · v1.29.4 · Connected" */
export function describeCluster(item: AksArcCluster): string {
  const version = clusterKubernetesVersion(item);
  return [clusterState(item), version ? `v${version.replace(/^v/, '')}` : undefined, item.cluster.properties?.connectivityStatus]
    .filter(isString)
    .join(' · ');
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

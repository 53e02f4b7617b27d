import type { AksArcCluster } from '../azure/grouping';
import { isTransitionalState } from '../azure/provisioningState';
import { formatKubernetesVersion } from '../text';

/** The state a developer cares about: the AKS Arc instance's when it exists, else the connected cluster's. */
export function clusterState(item: AksArcCluster): string {
  return text(item.instance?.properties?.provisioningState) ?? text(item.cluster.properties?.provisioningState) ?? 'Unknown';
}

/** Creating, Updating, Deleting, Accepted…: a state that will change on its own, so the tree keeps re-reading it. */
export function isTransitional(item: AksArcCluster): boolean {
  return isTransitionalState(clusterState(item));
}

export function clusterKubernetesVersion(item: AksArcCluster): string | undefined {
  return text(item.instance?.properties?.kubernetesVersion) ?? text(item.cluster.properties?.kubernetesVersion);
}

/** "Succeeded · v1.29.4 · Connected" */
export function describeCluster(item: AksArcCluster): string {
  const version = clusterKubernetesVersion(item);
  return [clusterState(item), formatKubernetesVersion(version), text(item.cluster.properties?.connectivityStatus)].filter(Boolean).join(' · ');
}

/** A field the tree shows, when it is the non-empty string the swagger says (bodies can hold anything). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

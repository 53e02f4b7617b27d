import type { ArmClient } from './armClient';
import { API_VERSIONS } from './apiVersions';
import { collect } from './paging';
import type { ConnectedCluster } from './models';

/** AKS Arc clusters are the connected clusters of kind ProvisionedCluster. */
export async function listAksArcClusters(client: ArmClient, subscriptionId: string, signal?: AbortSignal): Promise<ConnectedCluster[]> {
  const all = await collect(
    client.list<ConnectedCluster>(`/subscriptions/${subscriptionId}/providers/Microsoft.Kubernetes/connectedClusters`, {
      apiVersion: API_VERSIONS.connectedClusters,
      signal,
    }),
  );
  return all.filter(isAksArcCluster);
}

export function isAksArcCluster(cluster: ConnectedCluster): boolean {
  return typeof cluster?.kind === 'string' && cluster.kind.toLowerCase() === 'provisionedcluster';
}

export function getConnectedCluster(client: ArmClient, id: string, signal?: AbortSignal): Promise<ConnectedCluster | undefined> {
  return client.getIfExists<ConnectedCluster>(id, { apiVersion: API_VERSIONS.connectedClusters, signal });
}

/** Deletes a connected cluster (and with it its AKS Arc instance, an extension resource) and waits for the end. */
export async function deleteConnectedCluster(client: ArmClient, id: string, options: { signal?: AbortSignal; onStatus?: (status: string) => void } = {}): Promise<void> {
  await client.runLongRunning('DELETE', id, { apiVersion: API_VERSIONS.connectedClusters, signal: options.signal, onStatus: options.onStatus });
}

import type { ArmClient } from './armClient';
import { API_VERSIONS } from './apiVersions';
import { collect } from './paging';
import { provisionedClusterInstanceId } from './resourceId';

/** An AKS Arc node pool as `…/provisionedClusterInstances/default/agentPools` returns it (2024-01-01). */
export interface AgentPool {
  id: string;
  name: string;
  type?: string;
  properties?: {
    count?: number;
    vmSize?: string;
    osType?: string;
    osSKU?: string;
    enableAutoScaling?: boolean;
    minCount?: number;
    maxCount?: number;
    maxPods?: number;
    nodeLabels?: Record<string, string>;
    nodeTaints?: string[];
    kubernetesVersion?: string;
    provisioningState?: string;
    status?: { currentState?: string; errorMessage?: string };
  };
}

export const agentPoolsPath = (connectedClusterId: string) => `${provisionedClusterInstanceId(connectedClusterId)}/agentPools`;

export function listAgentPools(client: ArmClient, connectedClusterId: string, signal?: AbortSignal): Promise<AgentPool[]> {
  return collect(client.list<AgentPool>(agentPoolsPath(connectedClusterId), { apiVersion: API_VERSIONS.hybridContainerService, signal }));
}

export function getAgentPool(client: ArmClient, poolId: string, signal?: AbortSignal): Promise<AgentPool | undefined> {
  return client.getIfExists<AgentPool>(poolId, { apiVersion: API_VERSIONS.hybridContainerService, signal });
}

/** What a PUT may carry: everything but what the service owns (ids, state, the inherited Kubernetes version). */
export function writableAgentPoolBody(pool: AgentPool): { properties: Record<string, unknown> } {
  const { provisioningState: _state, status: _status, kubernetesVersion: _version, ...properties } = pool.properties ?? {};
  return { properties };
}

/**
 * Scales a pool: its body read fresh just before (so nothing changed meanwhile is undone), the new count (or autoscaler
 * bounds) set, PUT, and its long-running operation followed to the end.
 */
export async function scaleAgentPool(
  client: ArmClient,
  poolId: string,
  change: { count: number } | { minCount: number; maxCount: number },
  options: { signal?: AbortSignal; onStatus?: (status: string) => void } = {},
): Promise<AgentPool | undefined> {
  const current = await getAgentPool(client, poolId, options.signal);
  if (!current) throw new Error(`Node pool ${poolId.split('/').pop()} does not exist any more.`);
  const body = writableAgentPoolBody(current);
  Object.assign(body.properties, change);
  return client.runLongRunning<AgentPool>('PUT', poolId, { apiVersion: API_VERSIONS.hybridContainerService, body, signal: options.signal, onStatus: options.onStatus });
}

/** A new pool as AKS Arc's PutAgentPool example has it: count, VM size and OS (with its SKU); the version is inherited. */
export interface NewAgentPool {
  count: number;
  vmSize: string;
  osType: 'Linux' | 'Windows';
  osSKU: 'CBLMariner' | 'Windows2019' | 'Windows2022';
}

export function createAgentPool(
  client: ArmClient,
  connectedClusterId: string,
  name: string,
  pool: NewAgentPool,
  options: { signal?: AbortSignal; onStatus?: (status: string) => void } = {},
): Promise<AgentPool | undefined> {
  return client.runLongRunning<AgentPool>('PUT', `${agentPoolsPath(connectedClusterId)}/${name}`, {
    apiVersion: API_VERSIONS.hybridContainerService,
    body: { properties: { ...pool } },
    signal: options.signal,
    onStatus: options.onStatus,
  });
}

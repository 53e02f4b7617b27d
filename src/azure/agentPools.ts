import * as l10n from '@vscode/l10n';
import type { ArmClient } from './armClient';
import { API_VERSIONS } from './apiVersions';
import { ArmError } from './armError';
import { collect } from './paging';
import { AKS_ARC_LIMITS } from './limits';
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
 *
 * What an existing pool lets you change is what Az.AksArc's `Update-AzAksArcNodepool` offers (Azure/azure-powershell,
 * src/AksArc/AksArc.Autorest/custom/Update-AzAksArcNodepool.ps1): `Count`, `EnableAutoScaling` with `MinCount` and
 * `MaxCount`, `NodeLabel`, `NodeTaint` and `Tag`. VM size, OS type and SKU and max pods are set by
 * `New-AzAksArcNodepool` only, so no command here changes them on an existing pool. Neither cmdlet bounds the numbers
 * (plain Int32): the limits are AKS Arc's published ones (`AKS_ARC_LIMITS`).
 */
export async function scaleAgentPool(
  client: ArmClient,
  poolId: string,
  change: { count: number } | { minCount: number; maxCount: number },
  options: { signal?: AbortSignal; onStatus?: (status: string) => void } = {},
): Promise<AgentPool | undefined> {
  const current = await getAgentPool(client, poolId, options.signal);
  if (!current) throw new ArmError('ResourceNotFound', l10n.t('Node pool "{0}" does not exist any more.', `${poolId.split('/').pop()}`), 404);
  const body = writableAgentPoolBody(current);
  Object.assign(body.properties, change);
  return client.runLongRunning<AgentPool>('PUT', poolId, { apiVersion: API_VERSIONS.hybridContainerService, body, signal: options.signal, onStatus: options.onStatus });
}

/**
 * A new pool as AKS Arc's PutAgentPool example has it — count, VM size and OS (with its SKU); the version is inherited —
 * and what `New-AzAksArcNodepool` adds: autoscaler bounds, node labels and taints.
 */
export interface NewAgentPool {
  count: number;
  vmSize: string;
  osType: 'Linux' | 'Windows';
  osSKU: 'CBLMariner' | 'Windows2019' | 'Windows2022';
  enableAutoScaling?: true;
  minCount?: number;
  maxCount?: number;
  nodeLabels?: Record<string, string>;
  nodeTaints?: string[];
}

/** The nodes a pool may hold: AKS Arc's per-pool limit, or fewer when the cluster's other pools fill its total. */
export interface NodeRoom {
  max: number;
  /** Set when the cluster's total, not the per-pool limit, is what binds. */
  why?: string;
}

/** The room the cluster's pools other than `except` leave (an autoscaled pool counts at its maximum). */
export function nodeRoom(pools: AgentPool[], except?: string): NodeRoom {
  const others = pools
    .filter((p) => p.name !== except)
    .reduce((sum, p) => sum + Math.max(p.properties?.count ?? 0, p.properties?.enableAutoScaling ? p.properties.maxCount ?? 0 : 0), 0);
  const left = Math.max(0, AKS_ARC_LIMITS.clusterMaxNodes - others);
  return left < AKS_ARC_LIMITS.nodePoolMaxNodes
    ? { max: left, why: l10n.t("the cluster's other node pools hold {0} of AKS Arc's {1} nodes per cluster", others, AKS_ARC_LIMITS.clusterMaxNodes) }
    : { max: AKS_ARC_LIMITS.nodePoolMaxNodes };
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

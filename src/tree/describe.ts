import type { AksArcCluster } from '../azure/grouping';
import type { LogicalNetwork } from '../azure/models';
import { isTransitionalState } from '../azure/provisioningState';

/** A logical network reduced to what a developer choosing one needs to see. Pure: unit-tested without VS Code. */
export interface LogicalNetworkSummary {
  addressPrefix: string;
  allocation: string;
  /** "10.20.0.100 – 10.20.0.199", with the pool's type and name beside it. */
  ipPools: { range: string; detail: string }[];
  dnsServers: string[];
  vlan: string;
  gateway?: string;
  vmSwitch?: string;
}

export function summarizeLogicalNetwork(network: LogicalNetwork): LogicalNetworkSummary {
  const subnets = network.properties?.subnets ?? [];
  const prefixes = subnets.flatMap((s) => s.properties?.addressPrefixes ?? (s.properties?.addressPrefix ? [s.properties.addressPrefix] : []));
  const allocations = unique(subnets.map((s) => s.properties?.ipAllocationMethod).filter((m): m is 'Dynamic' | 'Static' => isString(m)));
  const vlans = unique(subnets.map((s) => s.properties?.vlan).filter((v): v is number => typeof v === 'number').map(String));
  const routes = subnets.flatMap((s) => s.properties?.routeTable?.properties?.routes ?? []);
  const gateway = routes.find((r) => r.properties?.addressPrefix === '0.0.0.0/0')?.properties?.nextHopIpAddress;
  return {
    addressPrefix: prefixes.join(', ') || 'none',
    allocation: allocations.join(', ') || 'unknown',
    ipPools: subnets.flatMap((s) =>
      (s.properties?.ipPools ?? []).map((p) => ({
        range: `${p.start ?? '?'} – ${p.end ?? '?'}`,
        detail: [p.ipPoolType, p.name].filter(isString).join(' · '),
      })),
    ),
    dnsServers: network.properties?.dhcpOptions?.dnsServers ?? [],
    vlan: vlans.join(', ') || 'none',
    gateway,
    vmSwitch: network.properties?.vmSwitchName,
  };
}

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

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

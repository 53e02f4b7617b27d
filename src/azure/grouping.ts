import type { ConnectedCluster, CustomLocation, LogicalNetwork, ProvisionedClusterInstance } from './models';
import { sameResourceId } from './resourceId';

/** A connected cluster with its AKS Arc instance (absent while step 2 of a create has not happened). */
export interface AksArcCluster {
  cluster: ConnectedCluster;
  instance?: ProvisionedClusterInstance;
}

export interface CustomLocationInventory {
  customLocation: CustomLocation;
  logicalNetworks: LogicalNetwork[];
  clusters: AksArcCluster[];
}

export interface SubscriptionInventory {
  customLocations: CustomLocationInventory[];
  /** Resources whose custom location is not in this subscription's list (or that have none yet). */
  unassigned: { logicalNetworks: LogicalNetwork[]; clusters: AksArcCluster[] };
}

/**
 * Puts each logical network and cluster under its custom location. There is no server-side filter, and ARM ids
 * differ in case between services, so `extendedLocation.name` is compared with the id case-insensitively.
 */
export function groupByCustomLocation(
  customLocations: CustomLocation[],
  logicalNetworks: LogicalNetwork[],
  clusters: AksArcCluster[],
): SubscriptionInventory {
  const groups = sortByName(customLocations, (c) => c.name).map<CustomLocationInventory>((customLocation) => ({
    customLocation,
    logicalNetworks: [],
    clusters: [],
  }));
  const find = (extendedLocationName: string | undefined) =>
    groups.find((group) => sameResourceId(group.customLocation.id, extendedLocationName));
  const unassigned: SubscriptionInventory['unassigned'] = { logicalNetworks: [], clusters: [] };
  for (const network of sortByName(logicalNetworks, (n) => n.name)) {
    (find(network.extendedLocation?.name)?.logicalNetworks ?? unassigned.logicalNetworks).push(network);
  }
  for (const cluster of sortByName(clusters, (c) => c.cluster.name)) {
    (find(cluster.instance?.extendedLocation?.name)?.clusters ?? unassigned.clusters).push(cluster);
  }
  return { customLocations: groups, unassigned };
}

export function sortByName<T>(items: readonly T[], name: (item: T) => string | undefined): T[] {
  return [...items].sort((a, b) => (name(a) ?? '').localeCompare(name(b) ?? '', undefined, { sensitivity: 'base' }));
}

/** A parsed ARM resource id. Segment names keep the case they had in the id. */
export interface ResourceId {
  subscriptionId: string;
  resourceGroup?: string;
  provider?: string;
  /** e.g. `customLocations` or `connectedClusters/provisionedClusterInstances` for nested and extension types. */
  types: string[];
  names: string[];
  /** The last name, e.g. the cluster's name. */
  name?: string;
}

/** Parses `/subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}[/...]`, case-insensitively. */
export function parseResourceId(id: string): ResourceId {
  const segments = id.split('/').filter(Boolean);
  if (segments.length < 2 || segments[0].toLowerCase() !== 'subscriptions') {
    throw new Error(`Not an Azure resource id: "${id}". It must start with /subscriptions/{subscriptionId}.`);
  }
  const result: ResourceId = { subscriptionId: segments[1], types: [], names: [] };
  let i = 2;
  if (segments[i]?.toLowerCase() === 'resourcegroups') {
    if (!segments[i + 1]) throw new Error(`The resource id "${id}" names no resource group.`);
    result.resourceGroup = segments[i + 1];
    i += 2;
  }
  while (i < segments.length) {
    if (segments[i].toLowerCase() === 'providers') {
      result.provider = segments[i + 1];
      i += 2;
      continue;
    }
    result.types.push(segments[i]);
    if (segments[i + 1] !== undefined) result.names.push(segments[i + 1]);
    i += 2;
  }
  result.name = result.names[result.names.length - 1];
  return result;
}

/** ARM ids compare case-insensitively (the specs' own examples mix `resourceGroups` and `resourcegroups`). */
export function sameResourceId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && normalizeResourceId(a) === normalizeResourceId(b);
}

export function normalizeResourceId(id: string): string {
  return '/' + id.split('/').filter(Boolean).join('/').toLowerCase();
}

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/** The connected cluster's id (Microsoft.Kubernetes). */
export function connectedClusterId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
}

/** The provisioned cluster is an extension resource on the connected cluster, and its name is always `default`. */
export function provisionedClusterInstanceId(connectedClusterResourceId: string): string {
  return `${trimSlash(connectedClusterResourceId)}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`;
}

function trimSlash(id: string): string {
  return id.replace(/\/+$/, '');
}

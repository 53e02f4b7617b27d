import * as l10n from '@vscode/l10n';

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

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Parses an ARM id as ARM writes them — `/subscriptions/{guid}[/resourceGroups/{g}[/providers/{ns}/{type}/{name}…]]`,
 * case-insensitively — and refuses anything else with a message saying what is wrong: an id the extension acts on
 * must name exactly one resource.
 */
export function parseResourceId(id: string): ResourceId {
  const refuse = (why: string) => new Error(l10n.t({ message: 'Not an Azure resource id: "{0}" ({1}).', args: [`${id}`, why], comment: '{1} says what is wrong with the id' }));
  if (typeof id !== 'string' || !id.startsWith('/')) throw refuse(l10n.t('it must start with {0}', '/subscriptions/{subscriptionId}'));
  const segments = id.slice(1).split('/');
  if (segments.some((s) => s === '')) throw refuse(l10n.t('it has an empty segment'));
  if (segments[0].toLowerCase() !== 'subscriptions' || segments.length < 2) throw refuse(l10n.t('it must start with {0}', '/subscriptions/{subscriptionId}'));
  if (!GUID.test(segments[1])) throw refuse(l10n.t('the subscription id is not a GUID'));
  const result: ResourceId = { subscriptionId: segments[1], types: [], names: [] };
  let i = 2;
  if (segments[i]?.toLowerCase() === 'resourcegroups') {
    if (segments[i + 1] === undefined) throw refuse(l10n.t('it names no resource group'));
    result.resourceGroup = segments[i + 1];
    i += 2;
  }
  if (i === segments.length) return result;
  if (segments[i].toLowerCase() !== 'providers' || segments[i + 1] === undefined) throw refuse(l10n.t('a resource type must follow {0}', '/providers/{namespace}'));
  result.provider = segments[i + 1];
  i += 2;
  const rest = segments.slice(i);
  if (rest.length < 2 || rest.length % 2 !== 0) throw refuse(l10n.t('every resource type needs a name'));
  for (let k = 0; k < rest.length; k += 2) {
    // An extension resource's `providers/{namespace}` pair names its provider; it is not a type.
    if (rest[k].toLowerCase() === 'providers') {
      result.provider = rest[k + 1];
      continue;
    }
    result.types.push(rest[k]);
    result.names.push(rest[k + 1]);
  }
  result.name = result.names[result.names.length - 1];
  return result;
}

/** The last segment of an id, for display only (never parsed further): "seattle-hci-arcbridge". */
export function resourceNameOf(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
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

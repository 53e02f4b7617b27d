import * as l10n from '@vscode/l10n';
import type { ResourceGroup } from '@azure/arm-resources';
import type { ArmClient } from './armClient';

/** Resource groups through the generated Microsoft.Resources client, on the shared pipeline. */
export function listResourceGroups(client: ArmClient, subscriptionId: string, signal?: AbortSignal): Promise<ResourceGroup[]> {
  return client.resourcesList(subscriptionId, l10n.t('resource groups'), (rm) => rm.resourceGroups.list({ abortSignal: signal }));
}

export async function resourceGroupExists(client: ArmClient, subscriptionId: string, name: string, signal?: AbortSignal): Promise<boolean> {
  return (await client.resources(subscriptionId, (rm) => rm.resourceGroups.checkExistence(name, { abortSignal: signal }))).body;
}

/** The group, or undefined when it does not exist (for reading what a run left). */
export async function getResourceGroup(client: ArmClient, subscriptionId: string, name: string, signal?: AbortSignal): Promise<ResourceGroup | undefined> {
  return (await resourceGroupExists(client, subscriptionId, name, signal)) ? client.resources(subscriptionId, (rm) => rm.resourceGroups.get(name, { abortSignal: signal })) : undefined;
}

export function createResourceGroup(client: ArmClient, subscriptionId: string, name: string, location: string, signal?: AbortSignal): Promise<ResourceGroup> {
  return client.resources(subscriptionId, (rm) => rm.resourceGroups.createOrUpdate(name, { location }, { abortSignal: signal }));
}

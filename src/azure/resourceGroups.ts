import type { ResourceGroup } from '@azure/arm-resources';
import type { ArmClient } from './armClient';
import { collect } from './paging';

/** Resource groups through the generated Microsoft.Resources client, on the shared pipeline. */
export function listResourceGroups(client: ArmClient, subscriptionId: string, signal?: AbortSignal): Promise<ResourceGroup[]> {
  return collect(client.resources(subscriptionId).resourceGroups.list({ abortSignal: signal }));
}

export async function resourceGroupExists(client: ArmClient, subscriptionId: string, name: string, signal?: AbortSignal): Promise<boolean> {
  return (await client.resources(subscriptionId).resourceGroups.checkExistence(name, { abortSignal: signal })).body;
}

export function createResourceGroup(client: ArmClient, subscriptionId: string, name: string, location: string, signal?: AbortSignal): Promise<ResourceGroup> {
  return client.resources(subscriptionId).resourceGroups.createOrUpdate(name, { location }, { abortSignal: signal });
}

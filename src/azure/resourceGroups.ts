import type { ResourceGroup } from '@azure/arm-resources';
import type { ArmClient } from './armClient';
import { collect } from './paging';

/** Resource groups through the generated Microsoft.Resources client, on the shared pipeline. */
export function listResourceGroups(client: ArmClient, subscriptionId: string, signal?: AbortSignal): Promise<ResourceGroup[]> {
  return collect(client.resources(subscriptionId).resourceGroups.list({ abortSignal: signal }));
}

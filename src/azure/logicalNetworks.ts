import type { ArmClient } from './armClient';
import { API_VERSIONS } from './apiVersions';
import { collect } from './paging';
import type { LogicalNetwork } from './models';

export function listLogicalNetworks(client: ArmClient, subscriptionId: string, signal?: AbortSignal): Promise<LogicalNetwork[]> {
  return collect(
    client.list<LogicalNetwork>(`/subscriptions/${subscriptionId}/providers/Microsoft.AzureStackHCI/logicalNetworks`, {
      apiVersion: API_VERSIONS.logicalNetworks,
      signal,
    }),
  );
}

import type { ArmClient } from './armClient';
import { API_VERSIONS } from './apiVersions';
import { collect } from './paging';

export interface AzureLocation {
  name: string;
  displayName?: string;
  regionalDisplayName?: string;
}

/** The subscription's regions (Subscriptions_ListLocations), for a new resource group. */
export function listLocations(client: ArmClient, subscriptionId: string, signal?: AbortSignal): Promise<AzureLocation[]> {
  return collect(client.list<AzureLocation>(`/subscriptions/${subscriptionId}/locations`, { apiVersion: API_VERSIONS.subscriptions, signal }));
}

import type { ArmClient } from './armClient';
import { API_VERSIONS } from './apiVersions';
import { collect } from './paging';
import type { CustomLocation } from './models';

export function listCustomLocations(client: ArmClient, subscriptionId: string, signal?: AbortSignal): Promise<CustomLocation[]> {
  return collect(
    client.list<CustomLocation>(`/subscriptions/${subscriptionId}/providers/Microsoft.ExtendedLocation/customLocations`, {
      apiVersion: API_VERSIONS.customLocations,
      signal,
    }),
  );
}

import type { ArmClient } from './armClient';
import { API_VERSIONS } from './apiVersions';
import { collect } from './paging';
import type { Subscription } from './models';

export function listSubscriptions(client: ArmClient, signal?: AbortSignal): Promise<Subscription[]> {
  return collect(client.list<Subscription>('/subscriptions', { apiVersion: API_VERSIONS.subscriptions, signal }));
}

import type { ArmClient } from './armClient';
import { API_VERSIONS } from './apiVersions';
import { collect } from './paging';
import type { Subscription } from './models';

/** The subscriptions of one tenant (`tenantId`; none: the credential's default tenant). */
export function listSubscriptions(client: ArmClient, signal?: AbortSignal, tenantId?: string): Promise<Subscription[]> {
  return collect(client.list<Subscription>('/subscriptions', { apiVersion: API_VERSIONS.subscriptions, signal, tenantId }));
}

/** `GET /tenants`: every directory the signed-in account belongs to. */
export interface Tenant {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
  tenantCategory?: string;
}

export function listTenants(client: ArmClient, signal?: AbortSignal): Promise<Tenant[]> {
  return collect(client.list<Tenant>('/tenants', { apiVersion: API_VERSIONS.subscriptions, signal }));
}

/** Subscriptions whose id is in `selected` (case-insensitively), all of them when nothing is selected. */
export function filterSubscriptions(all: Subscription[], selected: string[]): Subscription[] {
  const wanted = new Set(selected.map((id) => id.toLowerCase()));
  const shown = wanted.size ? all.filter((s) => wanted.has(s.subscriptionId.toLowerCase())) : all;
  return [...shown].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

import * as l10n from '@vscode/l10n';
import type { ArmClient } from './armClient';
import { API_VERSIONS } from './apiVersions';
import type { ProvisionedClusterInstance } from './models';
import { provisionedClusterInstanceId } from './resourceId';

/** The AKS Arc part of a connected cluster; `undefined` while it does not exist yet (or after a failed step 2). */
export function getProvisionedClusterInstance(
  client: ArmClient,
  connectedClusterId: string,
  signal?: AbortSignal,
): Promise<ProvisionedClusterInstance | undefined> {
  return client.getIfExists<ProvisionedClusterInstance>(provisionedClusterInstanceId(connectedClusterId), {
    apiVersion: API_VERSIONS.hybridContainerService,
    signal,
  });
}

/** `kubernetesVersions/default` or `skus/default`: per-custom-location catalogs that AKS Arc fills on first PUT. */
export type CustomLocationCatalog = 'kubernetesVersions' | 'skus';

export interface CatalogResource<V> {
  id?: string;
  properties?: { provisioningState?: string; values?: V[] };
}

export function catalogId(customLocationId: string, catalog: CustomLocationCatalog): string {
  return `${customLocationId}/providers/Microsoft.HybridContainerService/${catalog}/default`;
}

export function getCatalog<V>(client: ArmClient, customLocationId: string, catalog: CustomLocationCatalog, signal?: AbortSignal): Promise<CatalogResource<V> | undefined> {
  return client.getIfExists<CatalogResource<V>>(catalogId(customLocationId, catalog), { apiVersion: API_VERSIONS.hybridContainerService, signal });
}

/**
 * Creates the catalog where it does not exist yet: a one-time PUT per custom location (what `az aksarc` does), then its
 * long-running operation, after which the service has filled `values`.
 */
export async function createCatalog<V>(
  client: ArmClient,
  customLocationId: string,
  catalog: CustomLocationCatalog,
  options: { signal?: AbortSignal; onStatus?: (status: string) => void } = {},
): Promise<CatalogResource<V>> {
  const created = await client.runLongRunning<CatalogResource<V>>('PUT', catalogId(customLocationId, catalog), {
    apiVersion: API_VERSIONS.hybridContainerService,
    body: { extendedLocation: { type: 'CustomLocation', name: customLocationId } },
    signal: options.signal,
    onStatus: options.onStatus,
  });
  return created ?? {};
}

export interface ListCredentialResponse {
  status?: string;
  properties?: { kubeconfigs?: { name?: string; value?: string }[] };
}

/**
 * The cluster's kubeconfig straight from AKS Arc (`listUserKubeconfig` for Entra users, `listAdminKubeconfig` for the
 * local admin): a long-running POST whose result is the operation-status body (final-state-via azure-async-operation).
 * Returns the decoded YAML.
 */
export async function getClusterKubeconfig(
  client: ArmClient,
  connectedClusterId: string,
  kind: 'user' | 'admin',
  options: { signal?: AbortSignal; onStatus?: (status: string) => void } = {},
): Promise<string> {
  const action = kind === 'admin' ? 'listAdminKubeconfig' : 'listUserKubeconfig';
  const result = await client.runLongRunning<ListCredentialResponse>('POST', `${provisionedClusterInstanceId(connectedClusterId)}/${action}`, {
    apiVersion: API_VERSIONS.hybridContainerService,
    signal: options.signal,
    onStatus: options.onStatus,
    finalStateVia: 'azure-async-operation',
  });
  const value = result?.properties?.kubeconfigs?.find((k) => k.value)?.value;
  if (!value) {
    const cluster = `${connectedClusterId.split('/').pop()}`;
    throw new Error(kind === 'admin' ? l10n.t('AKS Arc returned no admin kubeconfig for {0}.', cluster) : l10n.t('AKS Arc returned no user kubeconfig for {0}.', cluster));
  }
  return Buffer.from(value, 'base64').toString('utf8');
}

/** Deletes a cluster's AKS Arc instance (its VMs on Azure Local) and waits for the end. */
export async function deleteProvisionedClusterInstance(client: ArmClient, connectedClusterId: string, options: { signal?: AbortSignal; onStatus?: (status: string) => void } = {}): Promise<void> {
  await client.runLongRunning('DELETE', provisionedClusterInstanceId(connectedClusterId), { apiVersion: API_VERSIONS.hybridContainerService, signal: options.signal, onStatus: options.onStatus });
}

/** `…/provisionedClusterInstances/default/upgradeProfiles/default`: the versions the control plane can move to. */
export interface UpgradeProfile {
  properties?: { controlPlaneProfile?: { kubernetesVersion?: string; upgrades?: { kubernetesVersion?: string; isPreview?: boolean }[] } };
}

export function getUpgradeProfile(client: ArmClient, connectedClusterId: string, signal?: AbortSignal): Promise<UpgradeProfile | undefined> {
  return client.getIfExists<UpgradeProfile>(`${provisionedClusterInstanceId(connectedClusterId)}/upgradeProfiles/default`, { apiVersion: API_VERSIONS.hybridContainerService, signal });
}

/** The offered upgrades, well-formed ones only. */
export function upgradesOf(profile: UpgradeProfile | undefined): { version: string; isPreview: boolean }[] {
  const upgrades = profile?.properties?.controlPlaneProfile?.upgrades;
  return (Array.isArray(upgrades) ? upgrades : [])
    .filter((u): u is { kubernetesVersion: string; isPreview?: boolean } => !!u && typeof u.kubernetesVersion === 'string' && u.kubernetesVersion !== '')
    .map((u) => ({ version: u.kubernetesVersion, isPreview: u.isPreview === true }));
}

/**
 * An instance body for a PUT: read fresh just before (so node-pool changes made through agentPools are not undone),
 * without what the service owns (state, status, the pools' inherited version), with the new Kubernetes version.
 */
export function upgradeBody(instance: ProvisionedClusterInstance, version: string): { extendedLocation?: unknown; properties: Record<string, unknown> } {
  const { provisioningState: _state, status: _status, ...properties } = (instance.properties ?? {}) as Record<string, unknown>;
  if (Array.isArray(properties.agentPoolProfiles)) {
    properties.agentPoolProfiles = properties.agentPoolProfiles.map((pool: Record<string, unknown>) => {
      const { kubernetesVersion: _inherited, ...rest } = pool;
      return rest;
    });
  }
  properties.kubernetesVersion = version;
  return { ...(instance.extendedLocation ? { extendedLocation: instance.extendedLocation } : {}), properties };
}

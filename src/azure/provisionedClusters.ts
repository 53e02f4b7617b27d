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

import * as l10n from '@vscode/l10n';
import { API_VERSIONS } from '../../azure/apiVersions';
import { connectedClusterId, provisionedClusterInstanceId } from '../../azure/resourceId';
import type { ClusterSpec } from './clusterSpec';

/** A request exactly as it will be sent (the api-version is in the URL path's query). */
export interface ArmRequestSpec {
  /** What the request makes, for progress messages and the .http document. */
  title: string;
  method: 'PUT';
  path: string;
  apiVersion: string;
  body: Record<string, unknown>;
}

/**
 * Step 1: the connected cluster (Microsoft.Kubernetes 2024-01-01), kind ProvisionedCluster. Properties that belong to
 * step 1 only (aadProfile, distribution, kind) are here and nowhere else (see test/specs/README and REPORT §7).
 */
export function connectedClusterRequest(spec: ClusterSpec): ArmRequestSpec {
  return {
    title: l10n.t('connected cluster (Microsoft.Kubernetes)'),
    method: 'PUT',
    path: connectedClusterId(spec.subscriptionId, spec.resourceGroup, spec.name),
    apiVersion: API_VERSIONS.connectedClusters,
    body: {
      location: spec.location,
      kind: 'ProvisionedCluster',
      identity: { type: 'SystemAssigned' },
      properties: {
        agentPublicKeyCertificate: '',
        distribution: 'AKS',
        distributionVersion: '1.0',
        azureHybridBenefit: spec.azureHybridBenefit ?? 'NotApplicable',
        aadProfile: {
          enableAzureRBAC: spec.access.enableAzureRbac,
          adminGroupObjectIDs: spec.access.adminGroupObjectIds,
          ...(spec.access.tenantId ? { tenantID: spec.access.tenantId } : {}),
        },
      },
    },
  };
}

/**
 * Step 2: the AKS Arc instance, an extension resource on the connected cluster always named `default`
 * (not the how-to's resource-group path ending in the cluster name, and not a -preview api-version).
 */
export function provisionedClusterRequest(spec: ClusterSpec): ArmRequestSpec {
  return {
    title: l10n.t('AKS Arc instance (Microsoft.HybridContainerService)'),
    method: 'PUT',
    path: provisionedClusterInstanceId(connectedClusterId(spec.subscriptionId, spec.resourceGroup, spec.name)),
    apiVersion: API_VERSIONS.hybridContainerService,
    body: {
      extendedLocation: { type: 'CustomLocation', name: spec.customLocationId },
      properties: {
        kubernetesVersion: spec.kubernetesVersion,
        controlPlane: {
          count: spec.controlPlane.count,
          vmSize: spec.controlPlane.vmSize,
          ...(spec.controlPlaneIp ? { controlPlaneEndpoint: { hostIP: spec.controlPlaneIp } } : {}),
        },
        agentPoolProfiles: [
          {
            name: spec.nodePool.name,
            count: spec.nodePool.count,
            vmSize: spec.nodePool.vmSize,
            osType: spec.nodePool.osSku === 'CBLMariner' ? 'Linux' : 'Windows',
            osSKU: spec.nodePool.osSku,
          },
        ],
        linuxProfile: { ssh: { publicKeys: [{ keyData: spec.sshPublicKey.trim() }] } },
        cloudProviderProfile: { infraNetworkProfile: { vnetSubnetIds: [spec.logicalNetworkId] } },
        networkProfile: { networkPolicy: 'calico', podCidr: '10.244.0.0/16' },
        licenseProfile: { azureHybridBenefit: spec.azureHybridBenefit ?? 'NotApplicable' },
      },
    },
  };
}

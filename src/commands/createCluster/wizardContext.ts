import * as l10n from '@vscode/l10n';
import type { Inventory } from '../../azure/inventory';
import type { ArmClient } from '../../azure/armClient';
import type { CustomLocation, LogicalNetwork, Subscription } from '../../azure/models';
import type { ClusterSpec } from './clusterSpec';

/** Answers that are plain values: the wizard's context holds them, and the workspace remembers them as they are. */
export interface PlainAnswers {
  kubernetesVersion?: string;
  controlPlaneCount?: 1 | 3 | 5;
  controlPlaneVmSize?: string;
  nodePoolName?: string;
  nodePoolCount?: number;
  nodePoolVmSize?: string;
  nodePoolOsSku?: ClusterSpec['nodePool']['osSku'];
  adminGroupObjectIds?: string[];
  enableAzureRbac?: boolean;
}

/** Answers remembered per workspace, offered first the next time (resources by id, the key by its file). */
export interface WizardDefaults extends PlainAnswers {
  subscriptionId?: string;
  resourceGroup?: string;
  customLocationId?: string;
  logicalNetworkId?: string;
  sshPublicKeyPath?: string;
}

/** The review's lines that can be picked to change their answers. */
export type ReviewTarget = 'location' | 'resourceGroup' | 'name' | 'network' | 'controlPlaneIp' | 'kubernetes' | 'controlPlane' | 'nodePool' | 'ssh' | 'access';

/** Where the SSH public key came from, for the review and the final message. */
export type SshKeySource = { kind: 'file'; path: string } | { kind: 'pasted' } | { kind: 'generated'; privateKeyPath: string; publicKeyPath: string };

/** Everything the create-cluster wizard knows so far. Steps fill it in order; Back keeps answers as defaults. */
export interface CreateClusterContext extends PlainAnswers {
  readonly client: ArmClient;
  /** The shared inventory: the custom location and network pickers offer what the tree already read. */
  readonly inventory: Inventory;
  /** The signed-in tenant, when known (shown in the review; sent as aadProfile.tenantID). */
  readonly tenantId?: string;
  readonly defaults: WizardDefaults;
  /** Answers given by the tree item the wizard was started from; their steps are skipped. */
  readonly prefilled: { subscriptionId?: string; customLocationId?: string; logicalNetworkId?: string };
  /** ~/.ssh, where existing public keys are offered from. */
  readonly sshDirectory: string;
  /** How long provider registration waits between polls (the tests shorten it). */
  readonly pollMs?: number;

  subscription?: Subscription;
  /** The subscription whose resource providers were found registered. */
  providersCheckedFor?: string;
  /** Resource providers registered by this wizard (reported at the end). */
  registeredProviders?: string[];
  resourceGroup?: { name: string; location?: string; isNew: boolean };
  name?: string;
  customLocation?: CustomLocation;
  logicalNetwork?: LogicalNetwork;
  controlPlaneIp?: string;
  sshPublicKey?: string;
  sshKeySource?: SshKeySource;
  /** Catalogs already read in this wizard, by custom location id and catalog. */
  catalogs?: Map<string, unknown>;
  /** Why answers the user was not asked were chosen (the quick path), shown on their review lines. */
  because?: Partial<Record<ReviewTarget | 'subscription', string>>;
  /** The review's decision. */
  action?: 'create' | 'export';
}

/** The finished answers as a ClusterSpec; throws if a step was skipped that should not have been. */
export function toClusterSpec(context: CreateClusterContext): ClusterSpec {
  const missing = (field: string): never => {
    throw new Error(l10n.t({ message: 'Create cluster: {0} was not chosen.', args: [field], comment: ['{0} is an answer of the wizard, e.g. "logical network".'] }));
  };
  const customLocation = context.customLocation ?? missing(l10n.t('custom location'));
  return {
    subscriptionId: context.subscription?.subscriptionId ?? missing(l10n.t('subscription')),
    resourceGroup: context.resourceGroup?.name ?? missing(l10n.t('resource group')),
    // The connected cluster lives in the custom location's region: Arc needs a region where the Azure Local instance is registered.
    location: customLocation.location,
    name: context.name ?? missing(l10n.t('cluster name')),
    customLocationId: customLocation.id,
    logicalNetworkId: context.logicalNetwork?.id ?? missing(l10n.t('logical network')),
    controlPlaneIp: context.controlPlaneIp || undefined,
    kubernetesVersion: context.kubernetesVersion ?? missing(l10n.t('Kubernetes version')),
    controlPlane: { count: context.controlPlaneCount ?? 1, vmSize: context.controlPlaneVmSize ?? missing(l10n.t('control plane VM size')) },
    nodePool: {
      name: context.nodePoolName ?? missing(l10n.t('node pool name')),
      count: context.nodePoolCount ?? 1,
      vmSize: context.nodePoolVmSize ?? missing(l10n.t('node pool VM size')),
      osSku: context.nodePoolOsSku ?? 'CBLMariner',
    },
    sshPublicKey: context.sshPublicKey ?? missing(l10n.t('SSH public key')),
    access: {
      adminGroupObjectIds: context.adminGroupObjectIds ?? [],
      enableAzureRbac: context.enableAzureRbac ?? false,
      // The subscription's tenant when no tenant is set: the Entra groups must be in the cluster's tenant.
      tenantId: context.tenantId ?? context.subscription?.tenantId,
    },
  };
}

/** What to remember for next time (no keys, no names of new things). */
export function rememberedDefaults(context: CreateClusterContext): WizardDefaults {
  return {
    subscriptionId: context.subscription?.subscriptionId,
    resourceGroup: context.resourceGroup?.isNew ? undefined : context.resourceGroup?.name,
    customLocationId: context.customLocation?.id,
    logicalNetworkId: context.logicalNetwork?.id,
    kubernetesVersion: context.kubernetesVersion,
    controlPlaneCount: context.controlPlaneCount,
    controlPlaneVmSize: context.controlPlaneVmSize,
    nodePoolName: context.nodePoolName,
    nodePoolCount: context.nodePoolCount,
    nodePoolVmSize: context.nodePoolVmSize,
    nodePoolOsSku: context.nodePoolOsSku,
    sshPublicKeyPath: context.sshKeySource?.kind === 'file' ? context.sshKeySource.path : context.sshKeySource?.kind === 'generated' ? context.sshKeySource.publicKeyPath : undefined,
    adminGroupObjectIds: context.adminGroupObjectIds,
    enableAzureRbac: context.enableAzureRbac,
  };
}

import * as path from 'node:path';
import { summarizeLogicalNetwork } from '../../azure/logicalNetwork';
import type { CreateClusterContext } from './wizardContext';

export interface ReviewLine {
  label: string;
  value: string;
}

/** The review's summary, one line per answer; a missing admin group is said plainly. Pure: unit-tested. */
export function reviewLines(context: CreateClusterContext): ReviewLine[] {
  const group = context.resourceGroup;
  const network = context.logicalNetwork;
  const key = context.sshKeySource;
  const lines: ReviewLine[] = [
    { label: '$(key) Subscription', value: `${context.subscription?.displayName} (${context.subscription?.subscriptionId})` },
    { label: '$(folder) Resource group', value: group ? `${group.name}${group.isNew ? ` (new, ${group.location})` : ''}` : '' },
    { label: '$(server-environment) Cluster', value: `${context.name} in ${context.customLocation?.location}` },
    { label: '$(location) Custom location', value: context.customLocation?.name ?? '' },
    {
      label: '$(type-hierarchy) Logical network',
      value: network ? `${network.name} (${summarizeLogicalNetwork(network).addressPrefix})${context.controlPlaneIp ? ` · control plane IP ${context.controlPlaneIp}` : ''}` : '',
    },
    { label: '$(versions) Kubernetes', value: context.kubernetesVersion ?? '' },
    { label: '$(server) Control plane', value: `${context.controlPlaneCount} × ${context.controlPlaneVmSize}` },
    { label: '$(layers) Node pool', value: `${context.nodePoolName}: ${context.nodePoolCount} × ${context.nodePoolVmSize} · ${context.nodePoolOsSku}` },
    {
      label: '$(lock) SSH key',
      value: key?.kind === 'file' ? path.basename(key.path) : key?.kind === 'generated' ? `new pair, private key ${key.privateKeyPath}` : 'pasted',
    },
    {
      label: '$(organization) Access',
      value: `${context.enableAzureRbac ? 'Azure RBAC' : 'Kubernetes RBAC'} · admin groups: ${context.adminGroupObjectIds?.join(', ') || 'none'}${context.tenantId ? ` · tenant ${context.tenantId}` : ''}`,
    },
  ];
  if (context.registeredProviders?.length) {
    lines.push({ label: '$(check) Registered', value: `${context.registeredProviders.join(', ')} in this subscription` });
  }
  if (!context.adminGroupObjectIds?.length) {
    lines.push({ label: '$(warning) No admin group', value: 'you will not be able to use kubectl on this cluster until someone grants you access' });
  }
  return lines;
}

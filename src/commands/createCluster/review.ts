import * as path from 'node:path';
import { summarizeLogicalNetwork } from '../../azure/logicalNetwork';
import type { CreateClusterContext, ReviewTarget } from './wizardContext';

export interface ReviewLine {
  label: string;
  value: string;
  /** Why this answer was chosen when the user was not asked. */
  why?: string;
  /** Picking the line changes these answers. */
  target?: ReviewTarget;
}

/**
 * The review's summary, one line per answer, each with what changes it and, for defaults, why they were chosen; a
 * missing admin group is said plainly. Pure: unit-tested.
 */
export function reviewLines(context: CreateClusterContext): ReviewLine[] {
  const group = context.resourceGroup;
  const network = context.logicalNetwork;
  const key = context.sshKeySource;
  const answered: (ReviewLine & { target: ReviewTarget; whyKey?: 'subscription' })[] = [
    { label: '$(key) Subscription', value: `${context.subscription?.displayName} (${context.subscription?.subscriptionId})`, target: 'location', whyKey: 'subscription' },
    { label: '$(folder) Resource group', value: group ? `${group.name}${group.isNew ? ` (new, ${group.location})` : ''}` : '', target: 'resourceGroup' },
    { label: '$(server-environment) Cluster', value: `${context.name} in ${context.customLocation?.location}`, target: 'name' },
    { label: '$(location) Custom location', value: context.customLocation?.name ?? '', target: 'location' },
    { label: '$(type-hierarchy) Logical network', value: network ? `${network.name} (${summarizeLogicalNetwork(network).addressPrefix})` : '', target: 'network' },
    { label: '$(symbol-constant) Control plane IP', value: context.controlPlaneIp ?? 'automatic', target: 'controlPlaneIp' },
    { label: '$(versions) Kubernetes', value: context.kubernetesVersion ?? '', target: 'kubernetes' },
    { label: '$(server) Control plane', value: `${context.controlPlaneCount} × ${context.controlPlaneVmSize}`, target: 'controlPlane' },
    { label: '$(layers) Node pool', value: `${context.nodePoolName}: ${context.nodePoolCount} × ${context.nodePoolVmSize} · ${context.nodePoolOsSku}`, target: 'nodePool' },
    {
      label: '$(lock) SSH key',
      value: key?.kind === 'file' ? path.basename(key.path) : key?.kind === 'generated' ? `new pair, private key ${key.privateKeyPath}` : 'pasted',
      target: 'ssh',
    },
    {
      label: '$(organization) Access',
      value: `${context.enableAzureRbac ? 'Azure RBAC' : 'Kubernetes RBAC'} · admin groups: ${context.adminGroupObjectIds?.join(', ') || 'none'}${context.tenantId ? ` · tenant ${context.tenantId}` : ''}`,
      target: 'access',
    },
  ];
  const lines: ReviewLine[] = answered.map(({ whyKey, ...line }) => {
    const why = context.because?.[whyKey ?? line.target];
    return why ? { ...line, why } : line;
  });
  if (context.registeredProviders?.length) {
    lines.push({ label: '$(check) Registered', value: `${context.registeredProviders.join(', ')} in this subscription` });
  }
  if (!context.adminGroupObjectIds?.length) {
    lines.push({ label: '$(warning) No admin group', value: 'you will not be able to use kubectl on this cluster until someone grants you access' });
  }
  return lines;
}

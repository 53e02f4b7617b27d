import * as l10n from '@vscode/l10n';
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
    { label: `$(key) ${l10n.t('Subscription')}`, value: `${context.subscription?.displayName} (${context.subscription?.subscriptionId})`, target: 'location', whyKey: 'subscription' },
    {
      label: `$(folder) ${l10n.t('Resource group')}`,
      value: group ? (group.isNew ? l10n.t('{0} (new, {1})', group.name, `${group.location}`) : group.name) : '',
      target: 'resourceGroup',
    },
    {
      label: `$(server-environment) ${l10n.t('Cluster')}`,
      value: l10n.t({ message: '{0} in {1}', args: [`${context.name}`, `${context.customLocation?.location}`], comment: ['{0} is the cluster name, {1} its Azure region.'] }),
      target: 'name',
    },
    { label: `$(location) ${l10n.t('Custom location')}`, value: context.customLocation?.name ?? '', target: 'location' },
    { label: `$(type-hierarchy) ${l10n.t('Logical network')}`, value: network ? `${network.name} (${summarizeLogicalNetwork(network).addressPrefix})` : '', target: 'network' },
    { label: `$(symbol-constant) ${l10n.t('Control plane IP')}`, value: context.controlPlaneIp ?? l10n.t('automatic'), target: 'controlPlaneIp' },
    { label: `$(versions) ${l10n.t('Kubernetes')}`, value: context.kubernetesVersion ?? '', target: 'kubernetes' },
    { label: `$(server) ${l10n.t('Control plane')}`, value: `${context.controlPlaneCount} × ${context.controlPlaneVmSize}`, target: 'controlPlane' },
    { label: `$(layers) ${l10n.t('Node pool')}`, value: `${context.nodePoolName}: ${context.nodePoolCount} × ${context.nodePoolVmSize} · ${context.nodePoolOsSku}`, target: 'nodePool' },
    {
      label: `$(lock) ${l10n.t('SSH key')}`,
      value: key?.kind === 'file' ? path.basename(key.path) : key?.kind === 'generated' ? l10n.t('new pair, private key {0}', key.privateKeyPath) : l10n.t('pasted'),
      target: 'ssh',
    },
    {
      label: `$(organization) ${l10n.t('Access')}`,
      value: `${l10n.t({
        message: '{0} · admin groups: {1}',
        args: [context.enableAzureRbac ? l10n.t('Azure RBAC') : l10n.t('Kubernetes RBAC'), context.adminGroupObjectIds?.join(', ') || l10n.t('none')],
        comment: ['{0} is "Azure RBAC" or "Kubernetes RBAC"; {1} the admin group object IDs, or "none".'],
      })}${context.tenantId ? ` · ${l10n.t('tenant {0}', context.tenantId)}` : ''}`,
      target: 'access',
    },
  ];
  const lines: ReviewLine[] = answered.map(({ whyKey, ...line }) => {
    const why = context.because?.[whyKey ?? line.target];
    return why ? { ...line, why } : line;
  });
  if (context.registeredProviders?.length) {
    lines.push({ label: `$(check) ${l10n.t('Registered')}`, value: l10n.t('{0} in this subscription', context.registeredProviders.join(', ')) });
  }
  if (!context.adminGroupObjectIds?.length) {
    lines.push({ label: `$(warning) ${l10n.t('No admin group')}`, value: l10n.t('you will not be able to use kubectl on this cluster until someone grants you access') });
  }
  return lines;
}

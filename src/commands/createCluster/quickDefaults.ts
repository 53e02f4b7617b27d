import * as l10n from '@vscode/l10n';
import type { KubernetesVersionChoice, VmSizeChoice } from './kubernetesVersions';
import { DEFAULT_VM_SIZE } from './steps/vmSizeItems';
import type { CreateClusterContext, PlainAnswers } from './wizardContext';

export interface QuickDefaults {
  /** Only the answers that were missing; an answer given (or changed in the review) is never replaced. */
  answers: PlainAnswers;
  /** Why each default was chosen, for the review (by the review line it shows on). */
  because: NonNullable<CreateClusterContext['because']>;
}

const OS_NAMES: Record<string, string> = { CBLMariner: 'Azure Linux', Windows2022: 'Windows Server 2022', Windows2019: 'Windows Server 2019' };

/**
 * The quick create's defaults for what it does not ask, from the custom location's catalogs: the newest release
 * version ready for the node pool's OS (Azure Linux unless chosen), one control plane node, the AKS Arc default VM
 * size where offered, one Linux node pool of one node, Kubernetes RBAC, the control plane IP left to AKS Arc. What cannot be decided (nothing ready, no VM
 * sizes) stays missing, and the wizard asks it. Pure: unit-tested.
 */
export function chooseQuickDefaults(current: PlainAnswers & { controlPlaneIp?: string }, versions: KubernetesVersionChoice[], sizes: VmSizeChoice[], customLocationName: string): QuickDefaults {
  const answers: PlainAnswers = {};
  const because: QuickDefaults['because'] = {};
  const osSku = current.nodePoolOsSku ?? 'CBLMariner';
  const osName = OS_NAMES[osSku] ?? osSku;

  if (!current.kubernetesVersion) {
    const newest = versions.find((v) => !v.isPreview && v.readiness.some((r) => r.osSku === osSku && r.ready));
    if (newest) {
      answers.kubernetesVersion = newest.version;
      because.kubernetes = l10n.t({ message: 'the newest version ready for {0} on {1}', args: [osName, customLocationName], comment: ['{0} is an operating system, {1} a custom location.'] });
    }
  }
  const size = sizes.some((s) => s.name === DEFAULT_VM_SIZE) ? DEFAULT_VM_SIZE : sizes[0]?.name;
  const sizeWhy = size === DEFAULT_VM_SIZE ? l10n.t('the AKS Arc default size') : l10n.t({ message: 'the first size {0} offers', args: [customLocationName], comment: ['{0} is a custom location.'] });
  const reasons = (parts: (string | false)[]) => parts.filter(Boolean).join('; ') || undefined;
  if (current.controlPlaneCount === undefined) answers.controlPlaneCount = 1;
  if (!current.controlPlaneVmSize && size) answers.controlPlaneVmSize = size;
  const controlPlane = reasons([answers.controlPlaneCount !== undefined && l10n.t('1 node, for development and test (3 or 5 for high availability)'), !!answers.controlPlaneVmSize && sizeWhy]);
  if (controlPlane) because.controlPlane = controlPlane;
  if (!current.nodePoolName) answers.nodePoolName = 'nodepool1';
  if (current.nodePoolCount === undefined) answers.nodePoolCount = 1;
  if (!current.nodePoolVmSize && size) answers.nodePoolVmSize = size;
  if (!current.nodePoolOsSku) answers.nodePoolOsSku = osSku;
  const nodePool = reasons([
    (answers.nodePoolName !== undefined || answers.nodePoolCount !== undefined || answers.nodePoolOsSku !== undefined) && l10n.t({ message: 'one {0} pool of one node (scale or add pools later)', args: [osName], comment: ['{0} is an operating system, e.g. Azure Linux.'] }),
    !!answers.nodePoolVmSize && sizeWhy,
  ]);
  if (nodePool) because.nodePool = nodePool;
  if (!current.controlPlaneIp) {
    // Optional in the 2024-01-01 API (controlPlane.controlPlaneEndpoint.hostIP). "You can now deploy AKS Arc clusters
    // without specifying the control plane IP. The IP address is assigned automatically." (What's new in AKS on Azure
    // Local, release 2411: MicrosoftDocs/azure-stack-docs AKS-Arc/aks-whats-new-local.md); it is chosen "from the
    // logical network passed during the Kubernetes cluster create operation" (AKS-Arc/aks-hci-network-system-requirements.md).
    because.controlPlaneIp = l10n.t('assigned automatically (Azure Local 2411 and later); pick this line to set one');
  }
  if (current.enableAzureRbac === undefined) {
    answers.enableAzureRbac = false;
    because.access = l10n.t('Kubernetes RBAC: the admin groups are cluster-admin');
  }
  return { answers, because };
}

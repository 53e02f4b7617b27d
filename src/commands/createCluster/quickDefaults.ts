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
      because.kubernetes = `the newest version ready for ${osName} on ${customLocationName}`;
    }
  }
  const size = sizes.some((s) => s.name === DEFAULT_VM_SIZE) ? DEFAULT_VM_SIZE : sizes[0]?.name;
  const sizeWhy = size === DEFAULT_VM_SIZE ? 'the AKS Arc default size' : `the first size ${customLocationName} offers`;
  const reasons = (parts: (string | false)[]) => parts.filter(Boolean).join('; ') || undefined;
  if (current.controlPlaneCount === undefined) answers.controlPlaneCount = 1;
  if (!current.controlPlaneVmSize && size) answers.controlPlaneVmSize = size;
  const controlPlane = reasons([answers.controlPlaneCount !== undefined && '1 node, for development and test (3 or 5 for high availability)', !!answers.controlPlaneVmSize && sizeWhy]);
  if (controlPlane) because.controlPlane = controlPlane;
  if (!current.nodePoolName) answers.nodePoolName = 'nodepool1';
  if (current.nodePoolCount === undefined) answers.nodePoolCount = 1;
  if (!current.nodePoolVmSize && size) answers.nodePoolVmSize = size;
  if (!current.nodePoolOsSku) answers.nodePoolOsSku = osSku;
  const nodePool = reasons([
    (answers.nodePoolName !== undefined || answers.nodePoolCount !== undefined || answers.nodePoolOsSku !== undefined) && `one ${osName} pool of one node (scale or add pools later)`,
    !!answers.nodePoolVmSize && sizeWhy,
  ]);
  if (nodePool) because.nodePool = nodePool;
  if (!current.controlPlaneIp) {
    // Optional in the 2024-01-01 API (controlPlane.controlPlaneEndpoint.hostIP); the premise, not checked
    // against a Microsoft page here: Azure Local 2411 and later assign it when none is given.
    because.controlPlaneIp = 'assigned automatically (Azure Local 2411 and later); pick this line to set one';
  }
  if (current.enableAzureRbac === undefined) {
    answers.enableAzureRbac = false;
    because.access = 'Kubernetes RBAC: the admin groups are cluster-admin';
  }
  return { answers, because };
}

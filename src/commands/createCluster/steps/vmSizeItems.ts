import type { PickItem } from '../../../wizard/prompter';
import type { VmSizeChoice } from '../kubernetesVersions';

/** The AKS Arc default for both the control plane and node pools, where the custom location offers it. */
export const DEFAULT_VM_SIZE = 'Standard_A4_v2';

export function vmSizeItems(sizes: VmSizeChoice[], current: string | undefined): PickItem<string>[] {
  const preferred = [current, DEFAULT_VM_SIZE].find((name) => name && sizes.some((s) => s.name === name)) ?? sizes[0]?.name;
  return sizes.map((size) => ({
    label: size.name,
    description: [size.vCPUs !== undefined ? `${size.vCPUs} vCPUs` : undefined, size.memoryGB !== undefined ? `${size.memoryGB} GB` : undefined, size.name === DEFAULT_VM_SIZE ? 'default' : undefined]
      .filter(Boolean)
      .join(' · '),
    value: size.name,
    suggested: size.name === preferred,
  }));
}

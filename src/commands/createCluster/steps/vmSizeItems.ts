import type { PickItem } from '../../../wizard/prompter';
import { plural } from '../../../text';
import type { VmSizeChoice } from '../kubernetesVersions';

/** The AKS Arc default for both the control plane and node pools, where the custom location offers it. */
export const DEFAULT_VM_SIZE = 'Standard_A4_v2';

export function vmSizeItems(sizes: VmSizeChoice[], current: string | undefined): PickItem<string>[] {
  const preferred = [current, DEFAULT_VM_SIZE].find((name) => name && sizes.some((s) => s.name === name)) ?? sizes[0]?.name;
  return sizes.map((size) => ({
    label: size.name,
    description: [size.vCpu !== undefined ? plural(size.vCpu, 'vCPU') : undefined, size.memoryMb !== undefined ? `${memoryText(size.memoryMb)}` : undefined, size.name === DEFAULT_VM_SIZE ? 'default' : undefined]
      .filter(Boolean)
      .join(' · '),
    value: size.name,
    suggested: size.name === preferred,
  }));
}

/** "8 GB", "2.3 GB", "512 MB" from the service's MemoryMb. */
export function memoryText(memoryMb: number): string {
  if (memoryMb < 1024) return `${memoryMb} MB`;
  const gb = memoryMb / 1024;
  return `${Number.isInteger(gb) ? gb : gb.toFixed(1)} GB`;
}

import * as l10n from '@vscode/l10n';
import type { PickItem } from '../../../wizard/prompter';
import { plural } from '../../../text';
import type { VmSizeChoice } from '../kubernetesVersions';

/** The AKS Arc default for both the control plane and node pools, where the custom location offers it. */
export const DEFAULT_VM_SIZE = 'Standard_A4_v2';

export function vmSizeItems(sizes: VmSizeChoice[], current: string | undefined): PickItem<string>[] {
  const preferred = [current, DEFAULT_VM_SIZE].find((name) => name && sizes.some((s) => s.name === name)) ?? sizes[0]?.name;
  return sizes.map((size) => ({
    label: size.name,
    description: [size.vCpu !== undefined ? plural(size.vCpu, l10n.t('vCPU'), l10n.t('vCPUs')) : undefined, size.memoryMb !== undefined ? `${memoryText(size.memoryMb)}` : undefined, size.name === DEFAULT_VM_SIZE ? l10n.t('default') : undefined]
      .filter(Boolean)
      .join(' · '),
    value: size.name,
    suggested: size.name === preferred,
  }));
}

/** "8 GB", "2.3 GB", "512 MB" from the service's MemoryMb. */
export function memoryText(memoryMb: number): string {
  if (memoryMb < 1024) return l10n.t('{0} MB', memoryMb);
  const gb = memoryMb / 1024;
  return l10n.t('{0} GB', Number.isInteger(gb) ? gb : gb.toFixed(1));
}

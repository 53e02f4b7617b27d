import * as l10n from '@vscode/l10n';
import type { PickItem } from '../../../wizard/prompter';
import type { KubernetesVersionReadiness } from '../kubernetesVersions';

export type OsSku = 'CBLMariner' | 'Windows2022' | 'Windows2019';

const OS_SKUS: { sku: OsSku; label: string }[] = [
  { sku: 'CBLMariner', label: 'Linux (Azure Linux / CBL-Mariner)' },
  { sku: 'Windows2022', label: 'Windows Server 2022' },
  { sku: 'Windows2019', label: 'Windows Server 2019' },
];

/** A pool's OS choices; one whose image is not ready for the cluster's Kubernetes version is listed with the reason. */
export function osSkuItems(readiness: KubernetesVersionReadiness[], kubernetesVersion: string | undefined, current: OsSku): PickItem<OsSku>[] {
  return OS_SKUS.map(({ sku, label }) => {
    const state = readiness.find((r) => r.osSku === sku);
    return {
      label,
      description: sku,
      value: sku,
      disabledReason: !state
        ? l10n.t('not offered for Kubernetes {0}.', kubernetesVersion ?? l10n.t('(unknown)'))
        : state.ready
          ? undefined
          : (state.errorMessage ?? l10n.t('not ready yet.')),
      suggested: sku === current,
    };
  });
}

export const osTypeOf = (sku: OsSku): 'Linux' | 'Windows' => (sku === 'CBLMariner' ? 'Linux' : 'Windows');

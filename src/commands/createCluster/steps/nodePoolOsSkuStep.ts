import type { WizardStep } from '../../../wizard/runWizard';
import type { ClusterSpec } from '../clusterSpec';
import { kubernetesVersionChoices, type KubernetesVersionProperties } from '../kubernetesVersions';
import type { CreateClusterContext } from '../wizardContext';
import { loadCatalog } from './catalogs';

type OsSku = ClusterSpec['nodePool']['osSku'];
const OS_SKUS: { sku: OsSku; label: string }[] = [
  { sku: 'CBLMariner', label: 'Linux (Azure Linux / CBL-Mariner)' },
  { sku: 'Windows2022', label: 'Windows Server 2022' },
  { sku: 'Windows2019', label: 'Windows Server 2019' },
];

/** 7d. The node pool's OS; an OS SKU whose image is not ready for the chosen version is listed with the reason. */
export const nodePoolOsSkuStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const catalog = await loadCatalog<KubernetesVersionProperties>(context, prompter, 'kubernetesVersions');
    const readiness = kubernetesVersionChoices(catalog).find((c) => c.version === context.kubernetesVersion)?.readiness ?? [];
    const current = context.nodePoolOsSku ?? context.defaults.nodePoolOsSku ?? 'CBLMariner';
    context.nodePoolOsSku = await prompter.pick({
      step,
      placeholder: `Operating system of the nodes in "${context.nodePoolName}" (Kubernetes ${context.kubernetesVersion})`,
      items: OS_SKUS.map(({ sku, label }) => {
        const state = readiness.find((r) => r.osSku === sku);
        return {
          label,
          description: sku,
          value: sku,
          disabledReason: !state ? `not offered for Kubernetes ${context.kubernetesVersion}.` : state.ready ? undefined : state.errorMessage ?? 'not ready yet.',
          suggested: sku === current,
        };
      }),
    });
  },
};

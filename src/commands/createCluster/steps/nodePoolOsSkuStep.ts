import * as l10n from '@vscode/l10n';
import type { WizardStep } from '../../../wizard/runWizard';
import { kubernetesVersionChoices, type KubernetesVersionProperties } from '../kubernetesVersions';
import type { CreateClusterContext } from '../wizardContext';
import { loadCatalog } from './catalogs';
import { osSkuItems } from './osSkuItems';

/** 7d. The node pool's OS; an OS SKU whose image is not ready for the chosen version is listed with the reason. */
export const nodePoolOsSkuStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const catalog = await loadCatalog<KubernetesVersionProperties>(context, prompter, 'kubernetesVersions');
    const readiness = kubernetesVersionChoices(catalog).find((c) => c.version === context.kubernetesVersion)?.readiness ?? [];
    context.nodePoolOsSku = await prompter.pick({
      step,
      placeholder: l10n.t({
        message: 'Operating system of the nodes in "{0}" (Kubernetes {1})',
        args: [`${context.nodePoolName}`, `${context.kubernetesVersion}`],
        comment: ['{0} is the node pool, {1} the Kubernetes version.'],
      }),
      items: osSkuItems(readiness, context.kubernetesVersion, context.nodePoolOsSku ?? context.defaults.nodePoolOsSku ?? 'CBLMariner'),
    });
  },
};

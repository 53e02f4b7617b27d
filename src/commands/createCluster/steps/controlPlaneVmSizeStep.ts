import * as l10n from '@vscode/l10n';
import type { WizardStep } from '../../../wizard/runWizard';
import { vmSizeChoices, type VmSkuProperties } from '../kubernetesVersions';
import type { CreateClusterContext } from '../wizardContext';
import { loadCatalog } from './catalogs';
import { vmSizeItems } from './vmSizeItems';

/** 6b. The control plane VM size, from the custom location's `skus/default`. */
export const controlPlaneVmSizeStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const sizes = vmSizeChoices(await loadCatalog<VmSkuProperties>(context, prompter, 'skus'));
    context.controlPlaneVmSize = await prompter.pick({
      step,
      placeholder: l10n.t('VM size of the control plane nodes'),
      noItemsMessage: l10n.t('{0} offers no VM sizes.', context.customLocation!.name),
      items: vmSizeItems(sizes, context.controlPlaneVmSize ?? context.defaults.controlPlaneVmSize),
    });
  },
};

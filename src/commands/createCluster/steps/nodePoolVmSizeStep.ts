import * as l10n from '@vscode/l10n';
import type { WizardStep } from '../../../wizard/runWizard';
import { vmSizeChoices, type VmSkuProperties } from '../kubernetesVersions';
import type { CreateClusterContext } from '../wizardContext';
import { loadCatalog } from './catalogs';
import { vmSizeItems } from './vmSizeItems';

/** 7c. The node pool's VM size. */
export const nodePoolVmSizeStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const sizes = vmSizeChoices(await loadCatalog<VmSkuProperties>(context, prompter, 'skus'));
    context.nodePoolVmSize = await prompter.pick({
      step,
      placeholder: l10n.t('VM size of the nodes in "{0}"', `${context.nodePoolName}`),
      noItemsMessage: l10n.t('{0} offers no VM sizes.', context.customLocation!.name),
      items: vmSizeItems(sizes, context.nodePoolVmSize ?? context.defaults.nodePoolVmSize),
    });
  },
};

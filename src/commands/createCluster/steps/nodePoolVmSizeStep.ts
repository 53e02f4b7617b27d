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
      placeholder: `VM size of the nodes in "${context.nodePoolName}"`,
      noItemsMessage: `${context.customLocation!.name} offers no VM sizes.`,
      items: vmSizeItems(sizes, context.nodePoolVmSize ?? context.defaults.nodePoolVmSize),
    });
  },
};

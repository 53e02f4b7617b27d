import type { WizardStep } from '../../../wizard/runWizard';
import { kubernetesVersionChoices, vmSizeChoices, type KubernetesVersionProperties, type VmSkuProperties } from '../kubernetesVersions';
import { chooseQuickDefaults } from '../quickDefaults';
import type { CreateClusterContext } from '../wizardContext';
import { loadCatalog } from './catalogs';

/** The quick path's defaults for everything it does not ask, from the custom location's catalogs (see quickDefaults). */
export const quickDefaultsStep: WizardStep<CreateClusterContext> = {
  silent: true,
  async prompt(context, prompter) {
    const versions = kubernetesVersionChoices(await loadCatalog<KubernetesVersionProperties>(context, prompter, 'kubernetesVersions'));
    const sizes = vmSizeChoices(await loadCatalog<VmSkuProperties>(context, prompter, 'skus'));
    const { answers, because } = chooseQuickDefaults(context, versions, sizes, context.customLocation!.name);
    Object.assign(context, answers);
    context.because = { ...context.because, ...because };
  },
};

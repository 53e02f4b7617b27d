import type { WizardStep } from '../../../wizard/runWizard';
import { kubernetesVersionChoices, type KubernetesVersionProperties } from '../kubernetesVersions';
import type { CreateClusterContext } from '../wizardContext';
import { loadCatalog } from './catalogs';

/** 5. The Kubernetes version, with its readiness per OS SKU; versions no OS SKU can run yet are listed but not offered. */
export const kubernetesVersionStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const catalog = await loadCatalog<KubernetesVersionProperties>(context, prompter, 'kubernetesVersions');
    const choices = kubernetesVersionChoices(catalog);
    const newestReady = choices.find((c) => !c.isPreview && c.readiness.some((r) => r.ready))?.version;
    context.kubernetesVersion = await prompter.pick({
      step,
      placeholder: `Kubernetes version (offered by ${context.customLocation!.name})`,
      noItemsMessage: `${context.customLocation!.name} offers no Kubernetes versions yet.`,
      items: choices.map((choice) => ({
        label: choice.version,
        description: choice.isPreview ? 'preview' : undefined,
        detail: choice.readiness.map((r) => `${r.osSku} ${r.ready ? 'ready' : 'not ready'}`).join(' · '),
        value: choice.version,
        disabledReason: choice.readiness.some((r) => r.ready)
          ? undefined
          : choice.readiness.map((r) => r.errorMessage).find(Boolean) ?? 'not ready for any OS SKU yet.',
        suggested: choice.version === (context.kubernetesVersion ?? context.defaults.kubernetesVersion ?? newestReady),
      })),
    });
  },
};

import * as l10n from '@vscode/l10n';
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
      placeholder: l10n.t('Kubernetes version (offered by {0})', context.customLocation!.name),
      noItemsMessage: l10n.t('{0} offers no Kubernetes versions yet.', context.customLocation!.name),
      items: choices.map((choice) => ({
        label: choice.version,
        description: choice.isPreview ? l10n.t('preview') : undefined,
        detail: choice.readiness
          .map((r) => (r.ready ? l10n.t({ message: '{0} ready', args: [r.osSku], comment: ['{0} is an OS SKU, e.g. CBLMariner.'] }) : l10n.t({ message: '{0} not ready', args: [r.osSku], comment: ['{0} is an OS SKU, e.g. CBLMariner.'] })))
          .join(' · '),
        value: choice.version,
        disabledReason: choice.readiness.some((r) => r.ready)
          ? undefined
          : choice.readiness.map((r) => r.errorMessage).find(Boolean) ?? l10n.t('not ready for any OS SKU yet.'),
        suggested: choice.version === (context.kubernetesVersion ?? context.defaults.kubernetesVersion ?? newestReady),
      })),
    });
  },
};

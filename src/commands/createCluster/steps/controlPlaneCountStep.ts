import * as l10n from '@vscode/l10n';
import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

/** The choices (their details translated when asked, after the bundle is configured). */
const counts = () =>
  [
    { count: 1, detail: l10n.t('For development and test: no high availability.') },
    { count: 3, detail: l10n.t('Highly available: survives the loss of one control plane VM.') },
    { count: 5, detail: l10n.t('Highly available: survives the loss of two control plane VMs.') },
  ] as const;

/** 6. How many control plane VMs (an odd number, for etcd's quorum). */
export const controlPlaneCountStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const current = context.controlPlaneCount ?? context.defaults.controlPlaneCount ?? 1;
    context.controlPlaneCount = await prompter.pick({
      step,
      placeholder: l10n.t('Number of control plane nodes'),
      items: counts().map((c) => ({ label: String(c.count), detail: c.detail, value: c.count, suggested: c.count === current })),
    });
  },
};

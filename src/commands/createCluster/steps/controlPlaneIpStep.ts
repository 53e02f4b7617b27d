import * as l10n from '@vscode/l10n';
import type { WizardStep } from '../../../wizard/runWizard';
import { validateControlPlaneIp } from '../../../azure/logicalNetwork';
import type { CreateClusterContext } from '../wizardContext';

/** 4b. The optional control-plane (API server) IP: inside the network's prefix, outside its IP pools. */
export const controlPlaneIpStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const network = context.logicalNetwork!;
    const value = await prompter.input({
      step,
      prompt: l10n.t('Control plane IP on {0} (optional: leave empty to let AKS Arc choose)', network.name),
      value: context.controlPlaneIp,
      placeholder: l10n.t('e.g. an unused address inside the prefix, outside the IP pools'),
      validate: (text) => validateControlPlaneIp(text, network),
    });
    context.controlPlaneIp = value.trim() || undefined;
  },
};

import type { WizardStep } from '../../../wizard/runWizard';
import { validateControlPlaneIp } from '../../../azure/logicalNetwork';
import type { CreateClusterContext } from '../wizardContext';

/** 4b. The optional control-plane (API server) IP: inside the network's prefix, outside its IP pools. */
export const controlPlaneIpStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const network = context.logicalNetwork!;
    const value = await prompter.input({
      step,
      prompt: `Control plane IP on ${network.name} (optional: leave empty to let AKS Arc choose)`,
      value: context.controlPlaneIp,
      placeholder: 'e.g. an unused address inside the prefix, outside the IP pools',
      validate: (text) => validateControlPlaneIp(text, network),
    });
    context.controlPlaneIp = value.trim() || undefined;
  },
};

import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

const COUNTS = [
  { count: 1, detail: 'For development and test: no high availability.' },
  { count: 3, detail: 'Highly available: survives the loss of one control plane VM.' },
  { count: 5, detail: 'Highly available: survives the loss of two control plane VMs.' },
] as const;

/** 6. How many control plane VMs (an odd number, for etcd's quorum). */
export const controlPlaneCountStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const current = context.controlPlaneCount ?? context.defaults.controlPlaneCount ?? 1;
    context.controlPlaneCount = await prompter.pick({
      step,
      placeholder: 'Number of control plane nodes',
      items: COUNTS.map((c) => ({ label: String(c.count), detail: c.detail, value: c.count, suggested: c.count === current })),
    });
  },
};

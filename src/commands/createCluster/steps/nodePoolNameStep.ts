import * as l10n from '@vscode/l10n';
import type { WizardStep } from '../../../wizard/runWizard';
import { validateNodePoolName } from '../validators';
import type { CreateClusterContext } from '../wizardContext';

/** 7. The first node pool's name. */
export const nodePoolNameStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    context.nodePoolName = await prompter.input({
      step,
      prompt: l10n.t('Name of the first node pool'),
      value: context.nodePoolName ?? context.defaults.nodePoolName ?? 'nodepool1',
      validate: validateNodePoolName,
    });
  },
};

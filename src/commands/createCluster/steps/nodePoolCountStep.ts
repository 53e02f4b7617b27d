import * as l10n from '@vscode/l10n';
import type { WizardStep } from '../../../wizard/runWizard';
import { parseNodeCount, validateNodeCount } from '../validators';
import type { CreateClusterContext } from '../wizardContext';

/** 7b. How many worker nodes the first pool has. */
export const nodePoolCountStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const value = await prompter.input({
      step,
      prompt: l10n.t('Number of nodes in "{0}"', `${context.nodePoolName}`),
      value: String(context.nodePoolCount ?? context.defaults.nodePoolCount ?? 1),
      validate: validateNodeCount,
    });
    context.nodePoolCount = parseNodeCount(value);
  },
};

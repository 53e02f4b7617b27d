import * as l10n from '@vscode/l10n';
import { resourceGroupExists } from '../../../azure/resourceGroups';
import type { WizardStep } from '../../../wizard/runWizard';
import { validateResourceGroupName } from '../validators';
import type { CreateClusterContext } from '../wizardContext';

/** 1c. The new resource group's name: the naming rule as you type, then "does it exist already?". */
export const newResourceGroupNameStep: WizardStep<CreateClusterContext> = {
  shouldPrompt: (context) => !!context.resourceGroup?.isNew,
  async prompt(context, prompter, step) {
    const subscriptionId = context.subscription!.subscriptionId;
    const name = await prompter.input({
      step,
      prompt: l10n.t('Name of the new resource group'),
      value: context.resourceGroup?.name || undefined,
      placeholder: 'rg-aks-arc',
      validate: validateResourceGroupName,
      validateAsync: async (value, signal) =>
        (await resourceGroupExists(context.client, subscriptionId, value, signal))
          ? l10n.t('Resource group name: "{0}" already exists in this subscription; go back and pick it, or choose another name.', value)
          : undefined,
    });
    context.resourceGroup = { ...context.resourceGroup, name, isNew: true };
  },
};

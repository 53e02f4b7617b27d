import * as l10n from '@vscode/l10n';
import { listCustomLocations } from '../../../azure/customLocations';
import { listLocations } from '../../../azure/locations';
import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

/** 1d. The new resource group's region; regions with the subscription's custom locations come first. */
export const newResourceGroupLocationStep: WizardStep<CreateClusterContext> = {
  shouldPrompt: (context) => !!context.resourceGroup?.isNew,
  async prompt(context, prompter, step) {
    const subscriptionId = context.subscription!.subscriptionId;
    const items = (signal: AbortSignal) => Promise.all([listLocations(context.client, subscriptionId, signal), listCustomLocations(context.client, subscriptionId, signal)]).then(([regions, customLocations]) => {
      const withAzureLocal = new Set(customLocations.map((c) => c.location.toLowerCase()));
      return [...regions]
        .sort((a, b) => Number(withAzureLocal.has(b.name)) - Number(withAzureLocal.has(a.name)) || (a.displayName ?? a.name).localeCompare(b.displayName ?? b.name))
        .map((r) => ({
          label: r.displayName ?? r.name,
          description: withAzureLocal.has(r.name) ? l10n.t({ message: '{0} · has your Azure Local custom locations', args: [r.name], comment: ['{0} is an Azure region name, e.g. eastus.'] }) : r.name,
          value: r.name,
          suggested: r.name === (context.resourceGroup?.location ?? [...withAzureLocal][0]),
        }));
    });
    const location = await prompter.pick({ step, placeholder: l10n.t('Region of the new resource group "{0}"', context.resourceGroup!.name), items });
    context.resourceGroup = { ...context.resourceGroup!, location };
  },
};

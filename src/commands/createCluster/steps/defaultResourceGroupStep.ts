import * as l10n from '@vscode/l10n';
import { listResourceGroups } from '../../../azure/resourceGroups';
import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

/**
 * The quick path's resource group without a question: the one remembered for this subscription, or the
 * subscription's only one. Otherwise the resource group step asks.
 */
export const defaultResourceGroupStep: WizardStep<CreateClusterContext> = {
  silent: true,
  shouldPrompt: (context) => !context.resourceGroup,
  async prompt(context, prompter) {
    const subscriptionId = context.subscription!.subscriptionId;
    const groups = await prompter.loading(l10n.t('Reading resource groups…'), (signal) => listResourceGroups(context.client, subscriptionId, signal));
    const remembered = context.defaults.subscriptionId?.toLowerCase() === subscriptionId.toLowerCase() ? context.defaults.resourceGroup?.toLowerCase() : undefined;
    const chosen = groups.find((g) => remembered && g.name?.toLowerCase() === remembered) ?? (groups.length === 1 ? groups[0] : undefined);
    if (!chosen?.name) return;
    context.resourceGroup = { name: chosen.name, location: chosen.location, isNew: false };
    context.because = { ...context.because, resourceGroup: remembered ? l10n.t('your last choice in this subscription') : l10n.t('the only resource group in this subscription') };
  },
};

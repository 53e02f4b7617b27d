import * as l10n from '@vscode/l10n';
import { filterSubscriptions, listSubscriptions } from '../../../azure/subscriptions';
import { settings } from '../../../settings';
import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

/** 1. The subscription (skipped when the wizard starts from a custom location or logical network). */
export const subscriptionStep: WizardStep<CreateClusterContext> = {
  shouldPrompt: (context) => !context.prefilled.subscriptionId,
  async prompt(context, prompter, step) {
    const items = (signal: AbortSignal) => listSubscriptions(context.client, signal).then((all) =>
      filterSubscriptions(all, settings.selectedSubscriptions()).map((s) => ({
        label: s.displayName,
        description: s.subscriptionId,
        value: s,
        suggested: s.subscriptionId === (context.subscription?.subscriptionId ?? context.defaults.subscriptionId),
      })),
    );
    context.subscription = await prompter.pick({ step, placeholder: l10n.t('Subscription for the new cluster'), items, noItemsMessage: l10n.t('No subscriptions: check your account or "Select Subscriptions…".') });
  },
};

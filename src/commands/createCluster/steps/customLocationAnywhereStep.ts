import * as l10n from '@vscode/l10n';
import type { CustomLocation, Subscription } from '../../../azure/models';
import { sameResourceId } from '../../../azure/resourceId';
import { raceAbort } from '../../../cancellation';
import { errorSummary } from '../../../outcome';
import type { PickItem } from '../../../wizard/prompter';
import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';
import { customLocationItems } from './customLocationStep';

/**
 * The quick path's first question: the custom location (the Azure Local instance), from every shown subscription at
 * once (one inventory read), so that the subscription is the custom location's and never asked on its own.
 */
export const customLocationAnywhereStep: WizardStep<CreateClusterContext> = {
  shouldPrompt: (context) => !context.prefilled.customLocationId,
  async prompt(context, prompter, step) {
    // A subscription whose lists failed is a disabled row (value undefined: a disabled row is never the answer).
    type Choice = { location: CustomLocation; subscription: Subscription } | undefined;
    const items = async (signal: AbortSignal): Promise<PickItem<Choice>[]> => {
      const subscriptions = await context.inventory.shownSubscriptions(signal);
      // One abort listener for them all, not one per subscription on the same signal.
      const reads = await raceAbort(Promise.allSettled(subscriptions.map((s) => context.inventory.subscription(s.subscriptionId))), signal);
      const several = subscriptions.length > 1;
      return reads.flatMap((read, i): PickItem<Choice>[] => {
        const subscription = subscriptions[i];
        if (read.status === 'rejected') {
          return [{ label: `$(warning) ${subscription.displayName}`, description: l10n.t('custom locations could not be read'), value: undefined, disabledReason: errorSummary(read.reason) }];
        }
        return customLocationItems(context, read.value.customLocations, (location) => ({ location, subscription }), several ? subscription.displayName : undefined);
      });
    };
    const chosen = await prompter.pick({
      step,
      placeholder: l10n.t('Custom location (Azure Local instance) to run the cluster on'),
      items,
      noItemsMessage: l10n.t('No custom locations in the shown subscriptions: an Azure Local instance must be registered with Azure Arc first (or check "Select Subscriptions…").'),
    });
    if (!chosen) return;
    if (!sameResourceId(chosen.location.id, context.customLocation?.id)) forgetAnswersOf(context);
    if (chosen.subscription.subscriptionId.toLowerCase() !== context.subscription?.subscriptionId.toLowerCase()) {
      // Resource groups belong to a subscription.
      context.resourceGroup = undefined;
    }
    context.subscription = chosen.subscription;
    context.customLocation = chosen.location;
    context.because = { ...context.because, subscription: l10n.t("the custom location's subscription") };
  },
};

/** Networks, versions and sizes belong to a custom location: another one asks or defaults them again. */
function forgetAnswersOf(context: CreateClusterContext): void {
  context.logicalNetwork = undefined;
  context.controlPlaneIp = undefined;
  context.kubernetesVersion = undefined;
  context.controlPlaneVmSize = undefined;
  context.nodePoolVmSize = undefined;
}

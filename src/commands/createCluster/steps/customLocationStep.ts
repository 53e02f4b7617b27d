import * as l10n from '@vscode/l10n';
import type { CustomLocation } from '../../../azure/models';
import { sortByName } from '../../../azure/grouping';
import { checkResources } from '../../../azure/shapes';
import { resourceNameOf, sameResourceId } from '../../../azure/resourceId';
import type { PickItem } from '../../../wizard/prompter';
import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

/** 3. The custom location (the Azure Local instance) the cluster runs on. */
export const customLocationStep: WizardStep<CreateClusterContext> = {
  shouldPrompt: (context) => !context.prefilled.customLocationId,
  async prompt(context, prompter, step) {
    const items = (signal: AbortSignal) =>
      context.inventory.subscription(context.subscription!.subscriptionId, signal).then((read) => customLocationItems(context, read.customLocations, (location) => location));
    const chosen = await prompter.pick({
      step,
      placeholder: l10n.t('Custom location (Azure Local instance) to run the cluster on'),
      items,
      noItemsMessage: l10n.t('No custom locations in this subscription: an Azure Local instance must be registered with Azure Arc first.'),
    });
    if (!sameResourceId(chosen.id, context.customLocation?.id)) {
      // Networks, versions and sizes belong to a custom location: a different one invalidates those answers.
      context.logicalNetwork = undefined;
      context.controlPlaneIp = undefined;
    }
    context.customLocation = chosen;
  },
};

/**
 * A subscription's custom locations as picker rows, by name: region and host (and `also`, e.g. whose subscription),
 * the remembered one suggested. Both custom location steps list them so.
 */
export function customLocationItems<T>(context: CreateClusterContext, customLocations: unknown[], value: (location: CustomLocation) => T, also?: string): PickItem<T>[] {
  return sortByName(checkResources<CustomLocation>('custom location', customLocations).items, (l) => l.name).map((location) => {
    const host = location.properties?.hostResourceId ? resourceNameOf(location.properties.hostResourceId) : undefined;
    return {
      label: location.name,
      description: [location.location, host, also].filter(Boolean).join(' · '),
      detail: location.properties?.displayName,
      value: value(location),
      suggested: sameResourceId(location.id, context.customLocation?.id ?? context.defaults.customLocationId),
    };
  });
}

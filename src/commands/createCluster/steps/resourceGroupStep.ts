import * as l10n from '@vscode/l10n';
import { listResourceGroups } from '../../../azure/resourceGroups';
import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

const NEW = Symbol('new resource group');

/** 1b. An existing resource group, or a new one (named and placed by the next two steps). */
export const resourceGroupStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const subscriptionId = context.subscription!.subscriptionId;
    const items = (signal: AbortSignal) => listResourceGroups(context.client, subscriptionId, signal).then((groups) => [
      { label: `$(add) ${l10n.t('Create new resource group…')}`, value: NEW as typeof NEW | { name: string; location: string } },
      ...groups
        .map((g) => ({ name: g.name ?? '', location: g.location }))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((g) => ({ label: g.name, description: g.location, value: g, suggested: g.name === (context.resourceGroup?.isNew ? undefined : context.resourceGroup?.name ?? context.defaults.resourceGroup) })),
    ]);
    const chosen = await prompter.pick({ step, placeholder: l10n.t('Resource group for the connected cluster'), items });
    context.resourceGroup = chosen === NEW ? { name: context.resourceGroup?.isNew ? context.resourceGroup.name : '', isNew: true } : { ...chosen, isNew: false };
  },
};

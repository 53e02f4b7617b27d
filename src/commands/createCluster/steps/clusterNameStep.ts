import * as l10n from '@vscode/l10n';
import { getConnectedCluster } from '../../../azure/connectedClusters';
import { connectedClusterId } from '../../../azure/resourceId';
import type { WizardStep } from '../../../wizard/runWizard';
import { validateClusterName } from '../validators';
import type { CreateClusterContext } from '../wizardContext';

/** 2. The cluster's name: the naming rule as you type, then a GET that must answer 404 (unique in the group). */
export const clusterNameStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const subscriptionId = context.subscription!.subscriptionId;
    const group = context.resourceGroup!;
    context.name = await prompter.input({
      step,
      prompt: l10n.t('Name of the AKS Arc cluster (in resource group "{0}")', group.name),
      value: context.name,
      placeholder: 'aks-arc-01',
      validate: validateClusterName,
      // A new resource group is empty: nothing to collide with.
      validateAsync: group.isNew
        ? undefined
        : async (value, signal) =>
            (await getConnectedCluster(context.client, connectedClusterId(subscriptionId, group.name, value), signal))
              ? l10n.t('Cluster name: "{0}" already exists in resource group "{1}".', value, group.name)
              : undefined,
    });
  },
};

import * as l10n from '@vscode/l10n';
import type { LogicalNetwork } from '../../../azure/models';
import { sortByName } from '../../../azure/grouping';
import { checkResources } from '../../../azure/shapes';
import { sameResourceId } from '../../../azure/resourceId';
import { summarizeLogicalNetwork } from '../../../azure/logicalNetwork';
import type { WizardStep } from '../../../wizard/runWizard';
import { logicalNetworkProblem } from '../../../azure/logicalNetwork';
import type { CreateClusterContext } from '../wizardContext';

/**
 * 4. The logical network: only those on the chosen custom location. Each is checked as Az.AksArc checks it; unusable
 * ones are listed with the reason so that the developer knows why their network is not offered.
 */
export const logicalNetworkStep: WizardStep<CreateClusterContext> = {
  shouldPrompt: (context) => !context.prefilled.logicalNetworkId,
  async prompt(context, prompter, step) {
    const customLocation = context.customLocation!;
    const items = (signal: AbortSignal) => context.inventory.subscription(context.subscription!.subscriptionId, signal).then((read) =>
      sortByName(checkResources<LogicalNetwork>('logical network', read.logicalNetworks).items, (n) => n.name)
        .filter((n) => sameResourceId(n.extendedLocation?.name, customLocation.id))
        .map((network) => {
          const summary = summarizeLogicalNetwork(network);
          return {
            label: network.name,
            description: l10n.t({ message: '{0} · VLAN {1}', args: [summary.addressPrefix, summary.vlan], comment: ['{0} is an address prefix (CIDR), {1} VLAN IDs or "none".'] }),
            detail: l10n.t('IP pools {0} · DNS {1}', summary.ipPools.map((p) => p.range).join(', ') || l10n.t('none'), summary.dnsServers.join(', ') || l10n.t('none')),
            value: network,
            disabledReason: logicalNetworkProblem(network),
            suggested: sameResourceId(network.id, context.logicalNetwork?.id ?? context.defaults.logicalNetworkId),
          };
        }),
    );
    context.logicalNetwork = await prompter.pick({
      step,
      placeholder: l10n.t("Logical network on {0} for the cluster's VMs", customLocation.name),
      items,
      noItemsMessage: l10n.t('No logical networks on {0}: create a Static one with an IP pool and a DNS server first.', customLocation.name),
    });
  },
};

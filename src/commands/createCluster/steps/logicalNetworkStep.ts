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
            description: `${summary.addressPrefix} · VLAN ${summary.vlan}`,
            detail: `IP pools ${summary.ipPools.map((p) => p.range).join(', ') || 'none'} · DNS ${summary.dnsServers.join(', ') || 'none'}`,
            value: network,
            disabledReason: logicalNetworkProblem(network),
            suggested: sameResourceId(network.id, context.logicalNetwork?.id ?? context.defaults.logicalNetworkId),
          };
        }),
    );
    context.logicalNetwork = await prompter.pick({
      step,
      placeholder: `Logical network on ${customLocation.name} for the cluster's VMs`,
      items,
      noItemsMessage: `No logical networks on ${customLocation.name}: create a Static one with an IP pool and a DNS server first.`,
    });
  },
};

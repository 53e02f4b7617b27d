import * as vscode from 'vscode';
import type { ArmClient } from '../azure/armClient';
import { mapWithConcurrency } from '../azure/concurrency';
import { listAksArcClusters } from '../azure/connectedClusters';
import { listCustomLocations } from '../azure/customLocations';
import { groupByCustomLocation } from '../azure/grouping';
import { listLogicalNetworks } from '../azure/logicalNetworks';
import type { Subscription } from '../azure/models';
import { getProvisionedClusterInstance } from '../azure/provisionedClusters';
import { ClusterNode } from './clusterNode';
import { isTransitional } from './describe';
import { CustomLocationNode, UnassignedNode } from './customLocationNode';
import { GroupNode } from './groupNode';
import { LazyParentNode } from './lazyParentNode';
import { LogicalNetworkNode } from './logicalNetworkNode';
import { resourceContextValue, type TreeContext, type TreeNode } from './treeNode';

/** How many clusters' AKS Arc instances are read at once while a subscription loads. */
const INSTANCE_READS_AT_ONCE = 4;

export class SubscriptionNode extends LazyParentNode {
  protected readonly emptyLabel = 'No custom locations in this subscription';

  constructor(
    tree: TreeContext,
    readonly subscription: Subscription,
    private readonly client: () => ArmClient,
    private readonly limit: <T>(task: () => Promise<T>) => Promise<T>,
    private readonly expanded: boolean,
  ) {
    super(tree);
  }

  get resource() {
    return { ...this.subscription, name: this.subscription.displayName };
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.subscription.displayName,
      this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.subscription.id.toLowerCase();
    item.tooltip = `${this.subscription.displayName}\n${this.subscription.subscriptionId}`;
    item.iconPath = new vscode.ThemeIcon('key');
    item.contextValue = resourceContextValue('subscription');
    return item;
  }

  /** Lists the subscription's custom locations, logical networks and AKS Arc clusters, and groups them. */
  protected loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    return this.limit(async () => {
      const client = this.client();
      const id = this.subscription.subscriptionId;
      const [customLocations, logicalNetworks, clusters] = await Promise.all([
        listCustomLocations(client, id, signal),
        listLogicalNetworks(client, id, signal),
        listAksArcClusters(client, id, signal),
      ]);
      // A cluster's custom location is on its AKS Arc instance, not on the connected cluster.
      const withInstances = await mapWithConcurrency(clusters, INSTANCE_READS_AT_ONCE, async (cluster) => ({
        cluster,
        instance: await getProvisionedClusterInstance(client, cluster.id, signal),
      }));
      const inventory = groupByCustomLocation(customLocations, logicalNetworks, withInstances);
      this.tree.subscriptionLoaded?.(id, withInstances.some(isTransitional));
      const nodes: TreeNode[] = inventory.customLocations.map((group) => new CustomLocationNode(this.tree, group, this.client));
      const { logicalNetworks: looseNetworks, clusters: looseClusters } = inventory.unassigned;
      if (looseNetworks.length || looseClusters.length) {
        nodes.push(
          new UnassignedNode([
            ...(looseNetworks.length ? [new GroupNode('Logical networks', 'type-hierarchy', looseNetworks.map((n) => new LogicalNetworkNode(n)), '', 'logicalNetworks')] : []),
            ...(looseClusters.length ? [new GroupNode('AKS Arc clusters', 'server-environment', looseClusters.map((c) => new ClusterNode(this.tree, c, this.client)), '', 'clusters')] : []),
          ]),
        );
      }
      return nodes;
    });
  }
}

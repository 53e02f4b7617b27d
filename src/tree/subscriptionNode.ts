import * as vscode from 'vscode';
import type { ArmClient } from '../azure/armClient';
import { errorText } from '../azure/armError';
import { isAksArcCluster } from '../azure/connectedClusters';
import { groupByCustomLocation, type AksArcCluster } from '../azure/grouping';
import type { Inventory, SubscriptionResources } from '../azure/inventory';
import { logicalNetworkShapeProblem } from '../azure/logicalNetwork';
import type { ConnectedCluster, CustomLocation, LogicalNetwork, Subscription } from '../azure/models';
import { checkResources, instanceShapeProblem, type ShapeWarning } from '../azure/shapes';
import { ClusterNode } from './clusterNode';
import { isTransitional } from './describe';
import { CustomLocationNode, UnassignedNode } from './customLocationNode';
import { GroupNode } from './groupNode';
import { LazyParentNode } from './lazyParentNode';
import { LogicalNetworkNode } from './logicalNetworkNode';
import { MessageNode } from './messageNode';
import { resourceContextValue, type TreeContext, type TreeNode } from './treeNode';

export class SubscriptionNode extends LazyParentNode {
  protected readonly emptyLabel = vscode.l10n.t('No custom locations in this subscription');
  /** The cluster nodes of the last load, by id: a re-read updates them in place, so what is expanded stays so. */
  private clusterNodes = new Map<string, ClusterNode>();

  constructor(
    tree: TreeContext,
    readonly subscription: Subscription,
    private readonly client: () => ArmClient,
    private readonly inventory: () => Inventory,
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

  /**
   * Lists the subscription's custom locations, logical networks and AKS Arc clusters, and groups them. Each part fails
   * on its own: a list that cannot be read, an instance that cannot be, or an item that is malformed or repeats an id
   * becomes one row saying so, and the rest renders. Without custom locations nothing can be placed: that one fails
   * the subscription.
   */
  protected loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    return this.limit(async () => {
      const id = this.subscription.subscriptionId;
      const inventory = this.inventory();
      const read = await inventory.subscription(id, signal);
      const rows: TreeNode[] = read.failures.map((f) => MessageNode.partError(notListed(f.what, errorText(f.error)), this));
      const warnings: ShapeWarning[] = [];
      const checked = <T extends { id: string; name: string }>(kind: string, values: unknown[], problemOf?: (item: T) => string | undefined): T[] => {
        const result = checkResources<T>(kind, values, problemOf);
        warnings.push(...result.warnings);
        return result.items;
      };
      const customLocations = checked<CustomLocation>('custom location', read.customLocations);
      const logicalNetworks = checked<LogicalNetwork>('logical network', read.logicalNetworks, logicalNetworkShapeProblem);
      const clusters = checked<ConnectedCluster>('AKS Arc cluster', read.clusters).filter(isAksArcCluster);

      // A cluster's custom location is on its AKS Arc instance, not on the connected cluster; one that cannot be read
      // (or is malformed) leaves its cluster under "Other resources" with a row saying why.
      const withInstances = (await inventory.withInstances(clusters, signal)).map(({ cluster, read: instanceRead }): AksArcCluster => {
        if ('error' in instanceRead) {
          rows.push(MessageNode.partError(vscode.l10n.t('The AKS Arc instance of {0} could not be read: {1}', cluster.name, errorText(instanceRead.error)), this));
          return { cluster };
        }
        const { instance } = instanceRead;
        const problem = instance === undefined ? undefined : instanceShapeProblem(instance);
        if (!problem) return { cluster, instance };
        warnings.push({ label: vscode.l10n.t('AKS Arc cluster {0}: its AKS Arc instance is malformed ({1})', cluster.name, problem), detail: `${cluster.id}: ${problem}` });
        return { cluster };
      });
      for (const warning of warnings) this.tree.warn?.(`Subscription ${this.subscription.displayName}: ${warning.detail}`);

      const grouped = groupByCustomLocation(customLocations, logicalNetworks, withInstances);
      // Clusters still changing are read again (from ARM, not the lagging index) when the tree next re-reads this.
      inventory.rereadTransitional(withInstances);
      this.tree.subscriptionLoaded?.(id, withInstances.some(isTransitional));
      const previous = this.clusterNodes;
      this.clusterNodes = new Map();
      const clusterNode = (item: AksArcCluster) => {
        const key = item.cluster.id.toLowerCase();
        const node = previous.get(key)?.update(item) ?? new ClusterNode(this.tree, item, this.client);
        this.clusterNodes.set(key, node);
        return node;
      };
      const nodes: TreeNode[] = grouped.customLocations.map((group) => new CustomLocationNode(group, clusterNode));
      const { logicalNetworks: looseNetworks, clusters: looseClusters } = grouped.unassigned;
      if (looseNetworks.length || looseClusters.length) {
        nodes.push(
          new UnassignedNode([
            ...(looseNetworks.length ? [new GroupNode(vscode.l10n.t('Logical networks'), 'type-hierarchy', looseNetworks.map((n) => new LogicalNetworkNode(n)), '', 'logicalNetworks')] : []),
            ...(looseClusters.length ? [new GroupNode(vscode.l10n.t('AKS Arc clusters'), 'server-environment', looseClusters.map(clusterNode), '', 'clusters')] : []),
          ]),
        );
      }
      return [...rows, ...warnings.map((w) => MessageNode.warning(w.label, w.detail)), ...nodes];
    });
  }
}

/** The row for a list of the subscription that could not be read (the inventory names the list in English). */
function notListed(what: SubscriptionResources['failures'][number]['what'], error: string): string {
  switch (what) {
    case 'Custom locations':
      return vscode.l10n.t('Custom locations could not be listed: {0}', error);
    case 'Logical networks':
      return vscode.l10n.t('Logical networks could not be listed: {0}', error);
    case 'AKS Arc clusters':
      return vscode.l10n.t('AKS Arc clusters could not be listed: {0}', error);
  }
}

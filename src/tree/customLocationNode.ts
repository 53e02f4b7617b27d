import * as vscode from 'vscode';
import type { AksArcCluster, CustomLocationInventory } from '../azure/grouping';
import { resourceNameOf } from '../azure/resourceId';
import { GroupNode } from './groupNode';
import { LogicalNetworkNode } from './logicalNetworkNode';
import { plural } from '../text';
import type { ClusterNode } from './clusterNode';
import { resourceContextValue, type TreeNode } from './treeNode';

/** A custom location (an Azure Local instance's Arc resource bridge) with its logical networks and clusters. */
export class CustomLocationNode implements TreeNode {
  private readonly groups: TreeNode[];

  constructor(
    private readonly inventory: CustomLocationInventory,
    clusterNode: (item: AksArcCluster) => ClusterNode,
  ) {
    this.groups = [
      new GroupNode(vscode.l10n.t('Logical networks'), 'type-hierarchy', inventory.logicalNetworks.map((n) => new LogicalNetworkNode(n)), vscode.l10n.t('No logical networks'), 'logicalNetworks'),
      new GroupNode(vscode.l10n.t('AKS Arc clusters'), 'server-environment', inventory.clusters.map(clusterNode), vscode.l10n.t('No AKS Arc clusters'), 'clusters'),
    ];
  }

  get resource() {
    return this.inventory.customLocation;
  }

  getTreeItem(): vscode.TreeItem {
    const location = this.inventory.customLocation;
    const host = location.properties?.hostResourceId ? resourceNameOf(location.properties.hostResourceId) : undefined;
    const item = new vscode.TreeItem(location.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = location.id.toLowerCase();
    item.description = [location.location, host].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [
        vscode.l10n.t({ message: '**{0}** (custom location)', args: [`${location.properties?.displayName ?? location.name}`], comment: 'Markdown: {0} is the custom location\'s name, in bold' }),
        vscode.l10n.t('Region: {0}', `${location.location}`),
        host ? vscode.l10n.t('Host: {0}', host) : undefined,
        location.properties?.namespace ? vscode.l10n.t('Namespace: {0}', `${location.properties.namespace}`) : undefined,
        `${plural(this.inventory.logicalNetworks.length, vscode.l10n.t('logical network'), vscode.l10n.t('logical networks'))}, ${plural(this.inventory.clusters.length, vscode.l10n.t('AKS Arc cluster'), vscode.l10n.t('AKS Arc clusters'))}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    item.iconPath = new vscode.ThemeIcon('location');
    item.contextValue = resourceContextValue('customLocation');
    return item;
  }

  getChildren(): TreeNode[] {
    return this.groups;
  }
}

/** Resources whose custom location is not one of the subscription's (or that have none yet). */
export class UnassignedNode implements TreeNode {
  constructor(private readonly groups: TreeNode[]) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Other resources'), vscode.TreeItemCollapsibleState.Collapsed);
    item.description = vscode.l10n.t('no custom location in this subscription');
    item.iconPath = new vscode.ThemeIcon('question');
    item.contextValue = 'unassigned';
    return item;
  }

  getChildren(): TreeNode[] {
    return this.groups;
  }
}

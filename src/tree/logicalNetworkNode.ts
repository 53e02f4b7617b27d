import * as vscode from 'vscode';
import type { LogicalNetwork } from '../azure/models';
import { summarizeLogicalNetwork, type LogicalNetworkSummary } from '../azure/logicalNetwork';
import { DetailNode } from './detailNode';
import { resourceContextValue, type TreeNode } from './treeNode';

/** A logical network: address prefix as its description; allocation, pools, DNS and VLAN as its children. */
export class LogicalNetworkNode implements TreeNode {
  private readonly summary: LogicalNetworkSummary;

  constructor(readonly resource: LogicalNetwork) {
    this.summary = summarizeLogicalNetwork(resource);
  }

  getTreeItem(): vscode.TreeItem {
    const summary = this.summary;
    const item = new vscode.TreeItem(this.resource.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.resource.id.toLowerCase();
    // The state only when it is not the usual one: "10.20.0.0/24 · Failed".
    const state = summary.provisioningState && summary.provisioningState.toLowerCase() !== 'succeeded' ? summary.provisioningState : undefined;
    item.description = [summary.addressPrefix, state].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${this.resource.name}** (logical network)`,
        summary.provisioningState ? `State: ${summary.provisioningState}` : undefined,
        summary.error ? `Error: ${summary.error}` : undefined,
        `Address prefix: ${summary.addressPrefix}`,
        `Allocation: ${summary.allocation}`,
        `VLAN: ${summary.vlan}`,
        `DNS servers: ${summary.dnsServers.join(', ') || 'none'}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    item.iconPath = summary.error ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('type-hierarchy');
    item.contextValue = resourceContextValue('logicalNetwork');
    return item;
  }

  getChildren(): TreeNode[] {
    const summary = this.summary;
    const pools = summary.ipPools.map((pool) => new DetailNode(pool.range, pool.detail, 'circle-small'));
    const nodes = [
      ...(summary.provisioningState ? [new DetailNode('State', summary.provisioningState, 'pulse')] : []),
      ...(summary.error ? [new DetailNode('Error', summary.error, 'error', [], summary.error)] : []),
      new DetailNode('Address prefix', summary.addressPrefix, 'symbol-namespace'),
      new DetailNode('Allocation', summary.allocation, 'settings'),
      new DetailNode('IP pools', pools.length ? `${pools.length}` : 'none', 'list-unordered', pools),
      new DetailNode('DNS servers', summary.dnsServers.join(', ') || 'none', 'globe'),
      new DetailNode('VLAN', summary.vlan, 'tag'),
    ];
    if (summary.gateway) nodes.push(new DetailNode('Gateway', summary.gateway, 'arrow-right'));
    if (summary.vmSwitch) nodes.push(new DetailNode('VM switch', summary.vmSwitch, 'plug'));
    return nodes;
  }
}

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
        vscode.l10n.t({ message: '**{0}** (logical network)', args: [`${this.resource.name}`], comment: 'Markdown: {0} is the logical network\'s name, in bold' }),
        summary.provisioningState ? vscode.l10n.t('State: {0}', summary.provisioningState) : undefined,
        summary.error ? vscode.l10n.t('Error: {0}', summary.error) : undefined,
        vscode.l10n.t('Address prefix: {0}', summary.addressPrefix),
        vscode.l10n.t('Allocation: {0}', summary.allocation),
        vscode.l10n.t('VLAN: {0}', summary.vlan),
        vscode.l10n.t('DNS servers: {0}', summary.dnsServers.join(', ') || vscode.l10n.t('none')),
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
      ...(summary.provisioningState ? [new DetailNode(vscode.l10n.t('State'), summary.provisioningState, 'pulse')] : []),
      ...(summary.error ? [new DetailNode(vscode.l10n.t('Error'), summary.error, 'error', [], summary.error)] : []),
      new DetailNode(vscode.l10n.t('Address prefix'), summary.addressPrefix, 'symbol-namespace'),
      new DetailNode(vscode.l10n.t('Allocation'), summary.allocation, 'settings'),
      new DetailNode(vscode.l10n.t('IP pools'), pools.length ? `${pools.length}` : vscode.l10n.t('none'), 'list-unordered', pools),
      new DetailNode(vscode.l10n.t('DNS servers'), summary.dnsServers.join(', ') || vscode.l10n.t('none'), 'globe'),
      new DetailNode(vscode.l10n.t('VLAN'), summary.vlan, 'tag'),
    ];
    if (summary.gateway) nodes.push(new DetailNode(vscode.l10n.t('Gateway'), summary.gateway, 'arrow-right'));
    if (summary.vmSwitch) nodes.push(new DetailNode(vscode.l10n.t('VM switch'), summary.vmSwitch, 'plug'));
    return nodes;
  }
}

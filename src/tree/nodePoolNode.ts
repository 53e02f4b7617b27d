import * as vscode from 'vscode';
import type { AgentPool } from '../azure/agentPools';
import { isTransitionalState } from '../azure/provisioningState';
import { plural } from '../text';
import { resourceContextValue, type TreeNode } from './treeNode';

/** "3 × Standard_A4_v2 · Linux CBLMariner · autoscale 1–5 · Updating": what a node pool is, and what it is doing. */
export function describeNodePool(pool: AgentPool): string {
  const p = pool.properties ?? {};
  const state = typeof p.provisioningState === 'string' && p.provisioningState !== 'Succeeded' ? p.provisioningState : undefined;
  return [
    `${p.count ?? '?'} × ${p.vmSize ?? '?'}`,
    [p.osType, p.osSKU].filter((x) => typeof x === 'string' && x).join(' ') || undefined,
    p.enableAutoScaling ? vscode.l10n.t({ message: 'autoscale {0}–{1}', args: [`${p.minCount ?? '?'}`, `${p.maxCount ?? '?'}`], comment: 'The node pool autoscales between {0} and {1} nodes' }) : undefined,
    state,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A node pool (an agentPools resource): Scale acts on it from its context menu. */
export class NodePoolNode implements TreeNode {
  constructor(readonly resource: AgentPool) {}

  getTreeItem(): vscode.TreeItem {
    const p = this.resource.properties ?? {};
    const item = new vscode.TreeItem(this.resource.name, vscode.TreeItemCollapsibleState.None);
    item.description = describeNodePool(this.resource);
    item.tooltip = [vscode.l10n.t({ message: '{0} (node pool)', args: [`${this.resource.name}`], comment: '{0} is the node pool\'s name' }), plural(p.count ?? 0, vscode.l10n.t('node'), vscode.l10n.t('nodes')), p.status?.errorMessage].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(isTransitionalState(p.provisioningState) ? 'sync~spin' : p.status?.errorMessage ? 'error' : 'server-environment');
    item.contextValue = resourceContextValue('nodePool');
    return item;
  }
}

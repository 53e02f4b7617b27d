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
    p.enableAutoScaling ? `autoscale ${p.minCount ?? '?'}–${p.maxCount ?? '?'}` : undefined,
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
    item.tooltip = [`${this.resource.name} (node pool)`, plural(p.count ?? 0, 'node'), p.status?.errorMessage].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(isTransitionalState(p.provisioningState) ? 'sync~spin' : p.status?.errorMessage ? 'error' : 'server-environment');
    item.contextValue = resourceContextValue('nodePool');
    return item;
  }
}

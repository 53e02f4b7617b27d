import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** One "label: value" fact about a resource, optionally with children (e.g. the list of IP pools). */
export class DetailNode implements TreeNode {
  constructor(
    private readonly label: string,
    private readonly value: string,
    private readonly icon: string,
    private readonly children: TreeNode[] = [],
    private readonly tooltip?: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.label,
      this.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = this.value;
    item.tooltip = this.tooltip ?? `${this.label}: ${this.value}`;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'detail';
    return item;
  }

  getChildren(): TreeNode[] {
    return this.children;
  }
}

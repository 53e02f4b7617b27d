import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** One "label: value" fact about a resource, optionally with children (e.g. the list of IP pools). */
export class DetailNode implements TreeNode {
  private readonly label: string;
  private readonly value: string;

  constructor(
    label: string,
    value: string,
    private readonly icon: string,
    private readonly children: TreeNode[] = [],
    private readonly tooltip?: string,
  ) {
    // Values come from service bodies, which can hold numbers or objects where the swagger says string.
    this.label = String(label);
    this.value = String(value);
  }

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

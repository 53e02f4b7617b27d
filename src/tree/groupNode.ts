import * as vscode from 'vscode';
import { MessageNode } from './messageNode';
import type { TreeNode } from './treeNode';

/** "Logical networks (3)" / "AKS Arc clusters (1)" under a custom location. */
export class GroupNode implements TreeNode {
  constructor(
    private readonly label: string,
    private readonly icon: string,
    private readonly children: TreeNode[],
    private readonly emptyLabel: string,
    private readonly contextValue: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Expanded);
    item.description = `${this.children.length}`;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = this.contextValue;
    return item;
  }

  getChildren(): TreeNode[] {
    return this.children.length ? this.children : [MessageNode.empty(this.emptyLabel)];
  }
}

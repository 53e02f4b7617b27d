import type * as vscode from 'vscode';

/** A node of the Azure Local tree. One class per kind of node; each builds its own TreeItem. */
export interface TreeNode {
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]> | TreeNode[];
  /** Reloads this node's children from Azure (per-node Refresh). */
  refresh?(): void;
  /** The ARM resource behind the node, for Copy Resource ID, Open in Portal and Show Properties. */
  readonly resource?: { id: string; name: string };
}

/** What nodes need from the tree: a way to say "I changed" and the services they load with. */
export interface TreeContext {
  changed(node: TreeNode | undefined): void;
  /** A subscription finished loading; `busy` when one of its clusters is in a state that will change by itself. */
  subscriptionLoaded?(subscriptionId: string, busy: boolean): void;
}

/** contextValue for nodes backed by an ARM resource; menus match `viewItem =~ /\bresource\b/`. */
export function resourceContextValue(kind: string): string {
  return `${kind} resource`;
}

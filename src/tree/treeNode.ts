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

/**
 * The tree item's id: its parent's id and its own key (resource id, else label), made unique among its siblings by
 * construction. VS Code refuses a tree whose ids repeat ("Element with id … is already registered"), so ids are never
 * taken from the service's data alone.
 */
export function childIds(parentId: string, children: readonly { key: string }[]): string[] {
  const seen = new Map<string, number>();
  return children.map(({ key }) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${parentId}/${n === 1 ? key : `${key}#${n}`}`;
  });
}

/** What nodes need from the tree: a way to say "I changed" and the services they load with. */
export interface TreeContext {
  changed(node: TreeNode | undefined): void;
  /** A subscription finished loading; `busy` when one of its clusters is in a state that will change by itself. */
  subscriptionLoaded?(subscriptionId: string, busy: boolean): void;
  /** A line for the output channel (what a warning row stands for, in full). */
  warn?(line: string): void;
  /** Whether a proxy of this cluster runs: its row then offers Stop Proxy. */
  isProxied?(connectedClusterId: string): boolean;
}

/** contextValue for nodes backed by an ARM resource; menus match `viewItem =~ /\bresource\b/`. */
export function resourceContextValue(kind: string): string {
  return `${kind} resource`;
}

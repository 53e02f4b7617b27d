import * as vscode from 'vscode';
import type { TreeNode } from '../tree/treeNode';

export async function copyResourceId(node: TreeNode | undefined): Promise<void> {
  const resource = requireResource(node);
  await vscode.env.clipboard.writeText(resource.id);
  vscode.window.setStatusBarMessage(`Copied the resource ID of ${resource.name}`, 3000);
}

/** Commands on resource nodes need a node; from the palette there is none. */
export function requireResource(node: TreeNode | undefined): { id: string; name: string } {
  if (!node?.resource) throw new Error('Run this command from a resource in the Azure Local view.');
  return node.resource;
}

import * as vscode from 'vscode';
import type { TreeNode } from '../tree/treeNode';
import type { Prompter } from '../wizard/prompter';

export async function copyResourceId(node: TreeNode | undefined, prompter: Prompter): Promise<void> {
  const resource = requireResource(node);
  await vscode.env.clipboard.writeText(resource.id);
  prompter.notify(vscode.l10n.t('Copied the resource ID of {0}', resource.name));
}

/** Commands on resource nodes need a node; from the palette there is none. */
export function requireResource(node: TreeNode | undefined): { id: string; name: string } {
  if (!node?.resource) throw new Error(vscode.l10n.t('Run this command from a resource in the Azure Local view.'));
  return node.resource;
}

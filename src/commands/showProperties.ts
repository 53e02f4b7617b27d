import * as vscode from 'vscode';
import type { TreeNode } from '../tree/treeNode';
import { requireResource } from './copyResourceId';
import type { Prompter } from '../wizard/prompter';

export const PROPERTIES_SCHEME = 'azure-local-properties';

/**
 * Read-only JSON documents of resources as ARM returned them. A content provider (not an untitled file) makes them
 * read-only, and reopening the same resource shows the latest properties.
 */
export class ResourcePropertiesProvider implements vscode.TextDocumentContentProvider {
  private readonly documents = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? `// ${vscode.l10n.t('These properties are no longer available. Reopen them from the Azure Local view.')}`;
  }

  /** The URI of the resource's document, with its latest properties. */
  put(resource: { id: string; name: string }): string {
    const uri = vscode.Uri.from({ scheme: PROPERTIES_SCHEME, path: `/${resource.name}.json`, query: resource.id.toLowerCase() });
    this.documents.set(uri.toString(), JSON.stringify(resource, null, 2) + '\n');
    this.changeEmitter.fire(uri);
    return uri.toString();
  }
}

export function showProperties(provider: ResourcePropertiesProvider, prompter: Prompter, node: TreeNode | undefined): Promise<void> {
  return prompter.openDocument(provider.put(requireResource(node)));
}

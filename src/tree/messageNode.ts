import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** Loading, empty and error states are tree items in place, never pop-ups. */
export class MessageNode implements TreeNode {
  private constructor(
    private readonly label: string,
    private readonly icon: vscode.ThemeIcon,
    private readonly kind: 'loading' | 'empty' | 'error' | 'warning' | 'signIn',
    private readonly retry?: TreeNode,
    private readonly tooltip?: string,
    private readonly command?: vscode.Command,
  ) {}

  /** A chosen tenant without a session: one row that signs in to it, never a prompt per request. */
  static signInToTenant(tenantId: string, why: string): MessageNode {
    return new MessageNode(vscode.l10n.t({ message: 'Sign in to {0}', args: [tenantId], comment: '{0} is a tenant id' }), new vscode.ThemeIcon('account'), 'signIn', undefined, `${tenantId}: ${why}`, {
      command: 'azureLocal.signInToTenant',
      title: vscode.l10n.t('Sign In'),
      arguments: [tenantId],
    });
  }

  static loading(): MessageNode {
    return new MessageNode(vscode.l10n.t('Loading…'), new vscode.ThemeIcon('loading~spin'), 'loading');
  }

  static empty(label: string): MessageNode {
    return new MessageNode(label, new vscode.ThemeIcon('info'), 'empty');
  }

  /** Clicking the item retries the parent's load. */
  static error(summary: string, retry: TreeNode): MessageNode {
    return new MessageNode(summary, new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')), 'error', retry, `${summary}\n\n${vscode.l10n.t('Click to retry.')}`);
  }

  /** Something the service returned that could not be shown as it is (a malformed item, a duplicated id). */
  static warning(label: string, tooltip: string): MessageNode {
    return new MessageNode(label, new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')), 'warning', undefined, tooltip);
  }

  /** A part of a node that could not be read (one list, one instance); clicking retries the node. */
  static partError(label: string, retry: TreeNode): MessageNode {
    return new MessageNode(label, new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')), 'error', retry, `${label}\n\n${vscode.l10n.t('Click to retry.')}`);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = this.icon;
    item.contextValue = `message.${this.kind}`;
    item.tooltip = this.tooltip;
    if (this.retry) item.command = { command: 'azureLocal.refreshNode', title: vscode.l10n.t('Retry'), arguments: [this.retry] };
    if (this.command) item.command = this.command;
    return item;
  }
}

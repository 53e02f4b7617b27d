import * as vscode from 'vscode';
import type { AzureSession } from '../auth/azureSession';
import { createLimiter } from '../azure/concurrency';
import { filterSubscriptions, listSubscriptions } from '../azure/subscriptions';
import { settings } from '../settings';
import { LazyParentNode } from './lazyParentNode';
import { SubscriptionNode } from './subscriptionNode';
import type { TreeContext, TreeNode } from './treeNode';

/** How many subscriptions load their resources at once. */
const SUBSCRIPTIONS_AT_ONCE = 3;
/** Up to this many subscriptions start expanded. */
const EXPAND_UP_TO = 3;

/** The root: the signed-in user's subscriptions, filtered by "Select Subscriptions…". */
class SubscriptionsRoot extends LazyParentNode {
  protected readonly emptyLabel: string;
  private readonly limit = createLimiter(SUBSCRIPTIONS_AT_ONCE);

  constructor(
    tree: TreeContext,
    private readonly session: AzureSession,
  ) {
    super(tree);
    this.emptyLabel = 'No subscriptions. Use "Select Subscriptions…" or check your account.';
  }

  getTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem('Subscriptions', vscode.TreeItemCollapsibleState.Expanded);
  }

  protected async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const all = await listSubscriptions(this.session.client, signal);
    const shown = filterSubscriptions(all, settings.selectedSubscriptions());
    const expand = shown.length <= EXPAND_UP_TO;
    return shown.map((s) => new SubscriptionNode(this.tree, s, () => this.session.client, this.limit, expand));
  }
}

export class AzureLocalTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, TreeContext, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private root: SubscriptionsRoot;
  private signedIn = false;
  /** Subscriptions with a cluster being created, updated or deleted are re-read this often until it settles. */
  transitionalRefreshMs = 15000;
  private readonly transitionalTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly session: AzureSession) {
    this.root = new SubscriptionsRoot(this, session);
  }

  changed(node: TreeNode | undefined): void {
    this.changeEmitter.fire(node === this.root ? undefined : node);
  }

  /** Re-reads everything (global Refresh, sign-in, cloud or subscription filter changes). */
  refreshAll(signedIn = this.signedIn): void {
    this.clearTransitionalTimers();
    this.signedIn = signedIn;
    this.root = new SubscriptionsRoot(this, this.session);
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return (await node.getChildren?.()) ?? [];
    // Signed out: no items, so the welcome view with its Sign in button shows.
    return this.signedIn ? this.root.getChildren() : [];
  }

  subscriptionLoaded(subscriptionId: string, busy: boolean): void {
    const key = subscriptionId.toLowerCase();
    clearTimeout(this.transitionalTimers.get(key));
    this.transitionalTimers.delete(key);
    if (!busy) return;
    this.transitionalTimers.set(
      key,
      setTimeout(() => {
        this.transitionalTimers.delete(key);
        this.refreshSubscription(subscriptionId);
      }, this.transitionalRefreshMs),
    );
  }

  /** Re-reads one subscription (after a create or delete in it); nothing happens while it was never loaded. */
  refreshSubscription(subscriptionId: string): void {
    this.root.loadedChildren().forEach((node) => {
      if (node instanceof SubscriptionNode && node.subscription.subscriptionId.toLowerCase() === subscriptionId.toLowerCase()) node.refresh();
    });
  }

  /** The root's children once loaded (for commands and tests that need the subscriptions). */
  loadedRoot(): Promise<TreeNode[]> {
    return this.signedIn ? this.root.loaded() : Promise.resolve([]);
  }

  dispose(): void {
    this.clearTransitionalTimers();
    this.changeEmitter.dispose();
  }

  private clearTransitionalTimers(): void {
    for (const timer of this.transitionalTimers.values()) clearTimeout(timer);
    this.transitionalTimers.clear();
  }
}

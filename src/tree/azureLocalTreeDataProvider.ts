import * as vscode from 'vscode';
import type { AzureSession } from '../auth/azureSession';
import { createLimiter } from '../azure/concurrency';
import { errorText } from '../azure/armError';
import type { Inventory } from '../azure/inventory';
import type { Subscription } from '../azure/models';
import { normalizeResourceId, parseResourceId } from '../azure/resourceId';
import { checkSubscriptions } from '../azure/shapes';
import { filterSubscriptions } from '../azure/subscriptions';
import { settings } from '../settings';
import { LazyParentNode } from './lazyParentNode';
import { MessageNode } from './messageNode';
import { ClusterNode } from './clusterNode';
import { SubscriptionNode } from './subscriptionNode';
import { childIds, type TreeContext, type TreeNode } from './treeNode';

/** How many subscriptions are rendered at once; the inventory bounds the requests themselves. */
const SUBSCRIPTIONS_AT_ONCE = 16;
/** Up to this many subscriptions start expanded. */
const EXPAND_UP_TO = 3;
/** The longest wait between re-reads of a subscription whose cluster is changing. */
const REREAD_MAX_MS = 2 * 60_000;
/** Re-reads stop after this long (a create can take an hour); Refresh starts them again. */
const REREAD_FOR_MS = 90 * 60_000;

function labelOf(node: TreeNode): string {
  const label = node.getTreeItem().label;
  return typeof label === 'string' ? label : label?.label ?? '';
}

/** The root: the signed-in user's subscriptions, filtered by "Select Subscriptions…". */
class SubscriptionsRoot extends LazyParentNode {
  protected readonly emptyLabel: string;
  private readonly limit = createLimiter(SUBSCRIPTIONS_AT_ONCE);

  constructor(
    tree: TreeContext,
    private readonly session: AzureSession,
    private readonly inventory: Inventory,
  ) {
    super(tree);
    this.emptyLabel = vscode.l10n.t('No subscriptions. Use "Select Subscriptions…" or check your account.');
  }

  getTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem(vscode.l10n.t('Subscriptions'), vscode.TreeItemCollapsibleState.Expanded);
  }

  protected async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const { items, warnings } = checkSubscriptions<Subscription>(await this.inventory.allSubscriptions(signal));
    for (const warning of warnings) this.tree.warn?.(warning.detail);
    const shown = filterSubscriptions(items, settings.selectedSubscriptions());
    this.inventory.setScope(shown.map((s) => s.subscriptionId));
    const expand = shown.length <= EXPAND_UP_TO;
    const signIns = [...this.inventory.tenantsNotSignedIn].map(([tenantId, error]) => MessageNode.signInToTenant(tenantId, errorText(error)));
    return [
      ...signIns,
      ...shown.map((s) => new SubscriptionNode(this.tree, s, () => this.session.client, () => this.inventory, this.limit, expand)),
      ...warnings.map((w) => MessageNode.warning(w.label, w.detail)),
    ];
  }
}

export class AzureLocalTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, TreeContext, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private root: SubscriptionsRoot;
  private signedIn = false;
  /**
   * Subscriptions with a cluster being created, updated or deleted are re-read until it settles: first after this
   * long, then twice as long each time up to REREAD_MAX_MS, for at most REREAD_FOR_MS (then Refresh is the user's).
   */
  transitionalRefreshMs = 15000;
  private readonly transitionalTimers = new Map<string, NodeJS.Timeout>();
  /** Since when each subscription has been busy, and how many re-reads it has had (for the backoff and the bound). */
  private readonly busySince = new Map<string, { since: number; rereads: number }>();
  /** Tree item ids, assigned by the parent when it hands out its children (see childIds). */
  private readonly ids = new WeakMap<TreeNode, string>();

  constructor(
    private readonly session: AzureSession,
    readonly inventory: Inventory,
    private readonly log?: (line: string) => void,
  ) {
    this.root = new SubscriptionsRoot(this, session, inventory);
  }

  warn(line: string): void {
    this.log?.(line);
  }

  /** Set by the extension to the proxy manager's answer; the tree is redrawn when proxies start or stop. */
  isProxied?: (connectedClusterId: string) => boolean;

  changed(node: TreeNode | undefined): void {
    this.changeEmitter.fire(node === this.root ? undefined : node);
  }

  /** Re-reads everything (global Refresh, sign-in, cloud or subscription filter changes). */
  refreshAll(signedIn = this.signedIn): void {
    this.clearTransitionalTimers();
    this.signedIn = signedIn;
    this.inventory.invalidate();
    this.root = new SubscriptionsRoot(this, this.session, this.inventory);
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.getTreeItem();
    item.id = this.ids.get(node) ?? item.id;
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    // Signed out: no items, so the welcome view with its Sign in button shows.
    const children = node ? (await node.getChildren?.()) ?? [] : this.signedIn ? this.root.getChildren() : [];
    const parentId = node ? this.ids.get(node) ?? 'azureLocal' : 'azureLocal';
    const keys = children.map((child) => ({ key: child.resource?.id ? normalizeResourceId(child.resource.id) : labelOf(child) }));
    childIds(parentId, keys).forEach((id, i) => this.ids.set(children[i], id));
    return children;
  }

  subscriptionLoaded(subscriptionId: string, busy: boolean): void {
    const key = subscriptionId.toLowerCase();
    clearTimeout(this.transitionalTimers.get(key));
    this.transitionalTimers.delete(key);
    if (!busy) {
      this.busySince.delete(key);
      return;
    }
    const busyFor = this.busySince.get(key) ?? { since: Date.now(), rereads: 0 };
    this.busySince.set(key, busyFor);
    if (Date.now() - busyFor.since > REREAD_FOR_MS) {
      this.log?.(`Stopped re-reading subscription ${subscriptionId}: a cluster has been changing for over ${REREAD_FOR_MS / 60_000} minutes; Refresh reads it again.`);
      return;
    }
    const delay = Math.min(this.transitionalRefreshMs * 2 ** busyFor.rereads, REREAD_MAX_MS);
    busyFor.rereads++;
    this.transitionalTimers.set(
      key,
      setTimeout(() => {
        this.transitionalTimers.delete(key);
        this.refreshSubscription(subscriptionId);
      }, delay),
    );
  }

  /** The user's Refresh on a node: what it shows is read again from Azure (the inventory forgets it first). */
  refreshNode(node: TreeNode): void {
    if (node instanceof SubscriptionNode) this.inventory.invalidateSubscription(node.subscription.subscriptionId);
    else if (node instanceof ClusterNode) {
      this.resourceChanged(node.resource.id);
    }
    node.refresh?.();
  }

  /** A command changed this resource: the inventory re-reads it from ARM, and its subscription is redrawn. */
  resourceChanged(resourceId: string): void {
    this.inventory.changed(resourceId);
    this.refreshSubscription(parseResourceId(resourceId).subscriptionId);
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
    this.busySince.clear();
  }
}

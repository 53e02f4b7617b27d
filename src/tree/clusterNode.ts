import * as vscode from 'vscode';
import type { ArmClient } from '../azure/armClient';
import { listAgentPools, type AgentPool } from '../azure/agentPools';
import { getConnectedCluster } from '../azure/connectedClusters';
import type { AksArcCluster } from '../azure/grouping';
import { getProvisionedClusterInstance, getUpgradeProfile, upgradesOf } from '../azure/provisionedClusters';
import { instanceShapeProblem } from '../azure/shapes';
import { isTransitionalState } from '../azure/provisioningState';
import { formatKubernetesVersion } from '../text';
import { clusterKubernetesVersion, clusterState, describeCluster } from './describe';
import { DetailNode } from './detailNode';
import { LazyParentNode } from './lazyParentNode';
import { MessageNode } from './messageNode';
import { NodePoolNode } from './nodePoolNode';
import { resourceContextValue, type TreeContext, type TreeNode } from './treeNode';

/**
 * An AKS Arc cluster: state, Kubernetes version and connectivity at a glance; control plane, node pools and any
 * error when expanded. Expanding (and Refresh) reads the connected cluster and provisionedClusterInstances/default.
 */
export class ClusterNode extends LazyParentNode {
  protected readonly emptyLabel = vscode.l10n.t('No details');

  constructor(
    tree: TreeContext,
    private item: AksArcCluster,
    private readonly client: () => ArmClient,
  ) {
    super(tree);
  }

  get resource() {
    return this.item.cluster;
  }

  getTreeItem(): vscode.TreeItem {
    const state = clusterState(this.item);
    const treeItem = new vscode.TreeItem(this.item.cluster.name, vscode.TreeItemCollapsibleState.Collapsed);
    treeItem.id = this.item.cluster.id.toLowerCase();
    const summary = describeCluster(this.item);
    treeItem.description = summary;
    treeItem.tooltip = `${this.item.cluster.name}\n${summary}${this.item.instance?.properties?.status?.errorMessage ? `\n\n${this.item.instance.properties.status.errorMessage}` : ''}`;
    treeItem.iconPath = clusterIcon(state);
    treeItem.contextValue = resourceContextValue('cluster') + (this.tree.isProxied?.(this.item.cluster.id) ? ' proxied' : '');
    return treeItem;
  }

  /**
   * New data from a re-read of its subscription: this node stays (so VS Code keeps it, and what is under it,
   * expanded), shows the new state, and re-reads its details if they were shown.
   */
  update(item: AksArcCluster): this {
    this.item = item;
    if (this.loadedChildren().length) this.refresh();
    else this.tree.changed(this);
    return this;
  }

  protected async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const client = this.client();
    const [cluster, instance, pools, profile] = await Promise.all([
      getConnectedCluster(client, this.item.cluster.id, signal),
      getProvisionedClusterInstance(client, this.item.cluster.id, signal),
      // The node pools as their own resources (what Scale acts on); without them, the instance's profiles.
      listAgentPools(client, this.item.cluster.id, signal).catch((error: unknown) => {
        if (signal.aborted) throw error;
        return undefined;
      }),
      // Read here, when the cluster is expanded: never one request per cluster while the tree loads.
      getUpgradeProfile(client, this.item.cluster.id, signal).catch((error: unknown) => {
        if (signal.aborted) throw error;
        return undefined;
      }),
    ]);
    // The end of the load redraws this node, so its label shows the state just read.
    const problem = instance === undefined ? undefined : instanceShapeProblem(instance);
    this.item = { cluster: cluster ?? this.item.cluster, instance: problem ? undefined : instance };
    const details = clusterDetails(this.item, pools, upgradesOf(profile));
    return problem ? [MessageNode.warning(vscode.l10n.t('Its AKS Arc instance is malformed: {0}', problem), problem), ...details] : details;
  }
}

export function clusterDetails(item: AksArcCluster, agentPools?: AgentPool[], upgrades: { version: string; isPreview: boolean }[] = []): TreeNode[] {
  const properties = item.instance?.properties;
  const nodes: TreeNode[] = [
    new DetailNode(vscode.l10n.t('State'), clusterState(item), 'pulse'),
    new DetailNode(vscode.l10n.t('Kubernetes version'), formatKubernetesVersion(clusterKubernetesVersion(item)) ?? vscode.l10n.t('unknown'), 'versions'),
    ...(upgrades.length
      ? [
          new DetailNode(
            vscode.l10n.t('Upgrade available'),
            upgrades
              .map((u) => {
                const version = `${formatKubernetesVersion(u.version)}`;
                return u.isPreview ? vscode.l10n.t({ message: '{0} (preview)', args: [version], comment: '{0} is a Kubernetes version, e.g. v1.30.1' }) : version;
              })
              .join(', '),
            'arrow-up',
            [],
            vscode.l10n.t('Upgrade Kubernetes… on the cluster offers these versions.'),
          ),
        ]
      : []),
    new DetailNode(vscode.l10n.t('Connectivity'), item.cluster.properties?.connectivityStatus ?? vscode.l10n.t('unknown'), 'plug'),
  ];
  if (!item.instance) {
    nodes.push(
      new DetailNode(
        vscode.l10n.t('AKS Arc instance'),
        vscode.l10n.t('not created'),
        'warning',
        [],
        vscode.l10n.t('{0} does not exist for this connected cluster.', 'provisionedClusterInstances/default'),
      ),
    );
    return nodes;
  }
  if (properties?.controlPlane) {
    const cp = properties.controlPlane;
    nodes.push(new DetailNode(vscode.l10n.t('Control plane'), `${cp.count ?? '?'} × ${cp.vmSize ?? '?'}${cp.controlPlaneEndpoint?.hostIP ? ` · ${cp.controlPlaneEndpoint.hostIP}` : ''}`, 'server'));
  }
  const pools: TreeNode[] = agentPools
    ? agentPools.map((pool) => new NodePoolNode(pool))
    : (properties?.agentPoolProfiles ?? []).map(
        (pool) =>
          new DetailNode(pool.name ?? vscode.l10n.t('pool'), `${pool.count ?? '?'} × ${pool.vmSize ?? '?'} · ${[pool.osType, pool.osSKU].filter(Boolean).join(' ') || 'Linux'}`, 'server-environment'),
      );
  nodes.push(new DetailNode(vscode.l10n.t('Node pools'), `${pools.length}`, 'layers', pools));
  if (properties?.status?.errorMessage) {
    nodes.push(new DetailNode(vscode.l10n.t('Error'), properties.status.errorMessage, 'error', [], properties.status.errorMessage));
  }
  return nodes;
}

function clusterIcon(state: string): vscode.ThemeIcon {
  switch (state.toLowerCase()) {
    case 'succeeded':
      return new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed':
    case 'canceled':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    default:
      // Only a state that will change on its own spins; NotApplicable or an unknown state does not.
      return new vscode.ThemeIcon(isTransitionalState(state) ? 'sync~spin' : 'vm');
  }
}

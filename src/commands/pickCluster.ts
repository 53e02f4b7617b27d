import * as vscode from 'vscode';
import type { AzureSession } from '../auth/azureSession';
import { OperationCancelledError } from '../cancellation';
import { listAksArcClusters } from '../azure/connectedClusters';
import type { ConnectedCluster } from '../azure/models';
import { parseResourceId } from '../azure/resourceId';
import { filterSubscriptions, listSubscriptions } from '../azure/subscriptions';
import { settings } from '../settings';

/** For commands run from the palette: the AKS Arc clusters of the shown subscriptions, in a quick pick. */
export async function pickCluster(session: AzureSession, title: string): Promise<ConnectedCluster> {
  const items = (async () => {
    const subscriptions = filterSubscriptions(await listSubscriptions(session.client), settings.selectedSubscriptions());
    const perSubscription = await Promise.all(subscriptions.map(async (s) => ({ s, clusters: await listAksArcClusters(session.client, s.subscriptionId) })));
    return perSubscription.flatMap(({ s, clusters }) =>
      clusters.map((cluster) => ({ label: cluster.name, description: `${parseResourceId(cluster.id).resourceGroup} · ${s.displayName}`, cluster })),
    );
  })();
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'AKS Arc cluster', ignoreFocusOut: true });
  if (!picked) throw new OperationCancelledError();
  return picked.cluster;
}

/** A tree item (or anything) that names a cluster; commands started from the palette have none. */
export interface ClusterOrigin {
  resource?: { id: string; name: string };
}

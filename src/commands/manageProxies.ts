import * as vscode from 'vscode';
import type { ClusterOrigin } from './pickCluster';
import { clusterRefFromId } from '../azure/clusterRef';
import type { ProxyManager, RunningProxy } from '../connect/proxyManager';

const STOP = 'Stop';
const OPEN_TERMINAL = 'Open Terminal';

/** The status bar's menu: pick a running proxy, then stop it or show its terminal. */
export async function manageProxies(manager: ProxyManager): Promise<void> {
  const proxies = manager.list();
  if (!proxies.length) {
    void vscode.window.showInformationMessage('No Azure Local proxies are running. Use "Connect" on an AKS Arc cluster.');
    return;
  }
  const proxy =
    proxies.length === 1
      ? proxies[0]
      : (
          await vscode.window.showQuickPick(
            proxies.map((p) => ({ label: p.definition.cluster, description: `port ${p.port}${p.session.ready ? '' : ' · starting'}`, detail: p.kubeconfig, proxy: p })),
            { title: 'Azure Local Proxies', placeHolder: 'Proxy to stop or show' },
          )
        )?.proxy;
  if (!proxy) return;
  const action = await vscode.window.showQuickPick([STOP, OPEN_TERMINAL], { title: `Proxy for ${proxy.definition.cluster} (port ${proxy.port})` });
  if (action === STOP) await manager.stop(proxy);
  if (action === OPEN_TERMINAL) manager.showTerminal(proxy);
}

/** "Stop Proxy" on a cluster: ends its proxy task and the whole process tree. */
export async function stopProxy(manager: ProxyManager, node?: ClusterOrigin): Promise<void> {
  if (!node?.resource) return manageProxies(manager);
  const ref = clusterRefFromId(node.resource.id);
  const proxy: RunningProxy | undefined = manager.get({ subscription: ref.subscriptionId, resourceGroup: ref.resourceGroup, cluster: ref.name });
  if (!proxy) {
    void vscode.window.showInformationMessage(`No proxy is running for ${node.resource.name}.`);
    return;
  }
  await manager.stop(proxy);
}

import * as l10n from '@vscode/l10n';
import type { ClusterOrigin } from './pickCluster';
import { clusterRefFromId } from '../azure/clusterRef';
import type { ProxyManager, RunningProxy } from '../connect/proxyManager';
import type { Prompter } from '../wizard/prompter';

/** The status bar's menu: pick a running proxy, then stop it or show its terminal (closing a picker cancels quietly). */
export async function manageProxies(manager: ProxyManager, prompter: Prompter): Promise<void> {
  const proxies = manager.list();
  if (!proxies.length) {
    void prompter.ask(l10n.t('No Azure Local proxies are running. Use "Connect" on an AKS Arc cluster.'), { severity: 'info' });
    return;
  }
  const proxy =
    proxies.length === 1
      ? proxies[0]
      : await prompter.pick({
          placeholder: l10n.t('Azure Local Proxies: proxy to stop or show'),
          items: proxies.map((p) => ({ label: p.definition.cluster, description: p.session.ready ? l10n.t('port {0}', p.port) : l10n.t('port {0} · starting', p.port), detail: p.kubeconfig, value: p })),
        });
  const action = await prompter.pick({
    placeholder: l10n.t('Proxy for {0} (port {1})', proxy.definition.cluster, proxy.port),
    items: [
      { label: l10n.t('Stop'), value: 'stop' as const },
      { label: l10n.t('Open Terminal'), value: 'terminal' as const },
    ],
  });
  if (action === 'stop') await manager.stop(proxy);
  if (action === 'terminal') manager.showTerminal(proxy);
}

/** "Stop Proxy" on a cluster: ends its proxy task and the whole process tree. */
export async function stopProxy(manager: ProxyManager, prompter: Prompter, node?: ClusterOrigin): Promise<void> {
  if (!node?.resource) return manageProxies(manager, prompter);
  const ref = clusterRefFromId(node.resource.id);
  const proxy: RunningProxy | undefined = manager.get({ subscription: ref.subscriptionId, resourceGroup: ref.resourceGroup, cluster: ref.name });
  if (!proxy) {
    void prompter.ask(l10n.t('No proxy is running for {0}.', node.resource.name), { severity: 'info' });
    return;
  }
  await manager.stop(proxy);
}

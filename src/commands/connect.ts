import * as l10n from '@vscode/l10n';
import type { Prompter } from '../wizard/prompter';
import * as vscode from 'vscode';
import type { AzureSession } from '../auth/azureSession';
import { raceAbort, throwIfCancelled } from '../cancellation';
import { clusterRefFromId } from '../azure/clusterRef';
import type { Subscription } from '../azure/models';
import { preparePrivateFolder } from '../connect/kubeconfigFiles';
import type { NodesCheck } from '../connect/kubectlNodes';
import { runPrerequisiteChecks } from '../connect/prerequisites';
import type { ProxyManager, RunningProxy, StartProxyOptions } from '../connect/proxyManager';
import { kubeconfigPathFor, TASK_TYPE, type AzureLocalTaskDefinition } from '../connect/taskDefinition';
import type { AzureLocalTaskProvider } from '../connect/taskProvider';
import { settings } from '../settings';
import { PrerequisitesError, requireTrustedWorkspace } from './checkPrerequisites';
import { pickCluster, type ClusterOrigin } from './pickCluster';
import { showError } from '../errors';
import { kubernetesViewAction, runKubernetesViewAction, type KubernetesViewSeams } from '../connect/kubernetesView';

export interface ConnectDependencies {
  session: AzureSession;
  manager: ProxyManager;
  tasks: AzureLocalTaskProvider;
  log: vscode.LogOutputChannel;
  prompter: Prompter;
  /** Tests: the Kubernetes extension as "not installed", or a recorded install. */
  kubernetesView?: Partial<KubernetesViewSeams>;
}

export interface ConnectResult {
  port: number;
  kubeconfig: string;
  nodes: NodesCheck;
  reused: boolean;
}

/**
 * "Connect": checks the machine, starts `az connectedk8s proxy` as a task in the integrated terminal, waits for its
 * real ready line, then lists the nodes with kubectl in the same terminal and says how many are Ready, offering the
 * Kubernetes extension's view of the cluster (src/connect/kubernetesView.ts). A second Connect to the same cluster
 * reuses its proxy. Every prompt, message and progress goes through the Prompter.
 */
export async function connect(deps: ConnectDependencies, node?: ClusterOrigin): Promise<ConnectResult> {
  requireTrustedWorkspace(l10n.t('Connect'));
  const cluster = node?.resource ?? (await pickCluster(deps.session, deps.prompter, l10n.t('Connect to Cluster')));
  const ref = clusterRefFromId(cluster.id);
  const definition: AzureLocalTaskDefinition = { type: TASK_TYPE, action: 'proxy', subscription: ref.subscriptionId, resourceGroup: ref.resourceGroup, cluster: ref.name };

  const running = deps.manager.get(definition);
  if (running) {
    deps.manager.showTerminal(running);
    await untilReady(deps.prompter, running, definition.cluster);
    // The terminal announces the result itself (its onNodes).
    const nodes = await running.session.checkNodes();
    return { port: running.port, kubeconfig: running.kubeconfig, nodes, reused: true };
  }

  const report = await deps.prompter.withProgress(
    l10n.t('Checking az, kubectl and ports for {0}…', cluster.name),
    async (_report, signal) => {
      // The subscription's tenant, from the list the tree already read (the inventory's), not a new one.
      const subscription = ((await deps.session.inventory.allSubscriptions(signal)) as Subscription[]).find((s) => s?.subscriptionId?.toLowerCase() === ref.subscriptionId.toLowerCase());
      const checked = await runPrerequisiteChecks({
        azPath: settings.azPath(),
        kubectlPath: settings.kubectlPath(),
        tenantId: deps.session.tenantId ?? subscription?.tenantId,
        subscriptionId: ref.subscriptionId,
        takenPorts: deps.manager.takenPorts(),
        signal,
      });
      throwIfCancelled(signal);
      return checked;
    },
  );
  for (const result of report.results) deps.log.info(`Prerequisite ${result.name}: ${result.ok ? 'ok' : 'FAILED'}: ${result.detail}${result.fix ? ` (fix: ${result.fix})` : ''}`);
  const failures = report.results.filter((r) => !r.ok);
  if (failures.length) throw new PrerequisitesError(failures);

  const folder = settings.kubeconfigFolder();
  const tightened = await preparePrivateFolder(folder);
  if (tightened) {
    deps.log.warn(tightened);
    void deps.prompter.ask(tightened, { severity: 'warning' });
  }
  const kubeconfig = kubeconfigPathFor(folder, definition);
  const startOptions: Partial<StartProxyOptions> = {
    az: report.az,
    kubectl: report.kubectl,
    port: report.port,
    kubeconfig,
    checkNodesWhenReady: true,
    onNodes: (proxy, check) => announce(deps, proxy, check),
  };
  const task = deps.tasks.task(definition, vscode.TaskScope.Workspace, startOptions);
  deps.log.info(`Connect ${cluster.name}: az connectedk8s proxy on port ${report.port}, kubeconfig ${kubeconfig}`);
  try {
    const execution = await vscode.tasks.executeTask(task);
    const proxy = await deps.prompter.withProgress(
      l10n.t({ message: 'Starting {0} for {1}…', args: ['az connectedk8s proxy', cluster.name], comment: '{0} is a command, {1} a cluster' }),
      async (_report, signal) => {
        try {
          const registered = await raceAbort(deps.manager.whenRegistered(definition), signal);
          deps.manager.attachExecution(definition, execution);
          await raceAbort(registered.session.whenReady, signal);
          return registered;
        } catch (error) {
          // Cancelled (or ended) before ready: nothing may keep running.
          execution.terminate();
          const started = deps.manager.get(definition);
          if (started) await deps.manager.stop(started);
          throw error;
        }
      },
    );
    return { port: proxy.port, kubeconfig, nodes: await proxy.session.firstNodesCheck, reused: false };
  } finally {
    // Taken by the terminal that opened, or nobody's: a later start of this proxy must not use them.
    deps.tasks.withdrawStartOptions(definition, startOptions);
  }
}

/** A proxy already starting: wait for it (cancellable) before checking nodes. */
async function untilReady(prompter: Prompter, proxy: RunningProxy, cluster: string): Promise<void> {
  if (proxy.session.ready) return;
  await prompter.withProgress(l10n.t('Waiting for the proxy of {0}…', cluster), (_report, signal) => raceAbort(proxy.session.whenReady, signal));
}

/**
 * The result: the nodes summary with Open Terminal, Stop Proxy and the Kubernetes view (or its install). Not awaited by
 * Connect (the notification stays while the command ends); what the chosen button fails with is shown as an error.
 */
function announce(deps: ConnectDependencies, proxy: RunningProxy, check: NodesCheck): void {
  const kubernetes = kubernetesViewAction(deps.kubernetesView);
  const message = l10n.t({ message: '{0}: {1} (proxy on port {2}).', args: [proxy.definition.cluster, check.summary, proxy.port], comment: '{0} is a cluster, {1} what kubectl found ("3 nodes, 3 Ready")' });
  // The buttons as shown; the answer is one of them.
  const openTerminal = l10n.t('Open Terminal');
  const stopProxy = l10n.t('Stop Proxy');
  let chosen: string | undefined;
  void deps.prompter
    .ask(message, { severity: check.ok ? 'info' : 'warning' }, openTerminal, stopProxy, ...(kubernetes ? [kubernetes] : []))
    .then(async (choice) => {
      chosen = choice;
      if (choice === openTerminal) deps.manager.showTerminal(proxy);
      if (choice === stopProxy) await deps.manager.stop(proxy);
      if (kubernetes && choice === kubernetes) {
        await runKubernetesViewAction(kubernetes, { prompter: deps.prompter, log: deps.log, seams: deps.kubernetesView }, { cluster: proxy.definition.cluster, kubeconfig: proxy.kubeconfig });
      }
    })
    .catch((error: unknown) => showError(error, deps.log, deps.prompter, chosen));
}

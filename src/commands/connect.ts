import type { Prompter } from '../wizard/prompter';
import * as vscode from 'vscode';
import type { AzureSession } from '../auth/azureSession';
import { OperationCancelledError } from '../cancellation';
import { clusterRefFromId } from '../azure/clusterRef';
import type { Subscription } from '../azure/models';
import { preparePrivateFolder } from '../connect/kubeconfigFiles';
import type { NodesCheck } from '../connect/kubectlNodes';
import { runPrerequisiteChecks } from '../connect/prerequisites';
import type { ProxyManager, RunningProxy } from '../connect/proxyManager';
import { kubeconfigPathFor, TASK_TYPE, type AzureLocalTaskDefinition } from '../connect/taskDefinition';
import type { AzureLocalTaskProvider } from '../connect/taskProvider';
import { settings } from '../settings';
import { PrerequisitesError, requireTrustedWorkspace } from './checkPrerequisites';
import { pickCluster, type ClusterOrigin } from './pickCluster';
import { abortSignalFor } from '../cancellation';

export interface ConnectDependencies {
  session: AzureSession;
  manager: ProxyManager;
  tasks: AzureLocalTaskProvider;
  log: vscode.LogOutputChannel;
  prompter: Prompter;
}

export interface ConnectResult {
  port: number;
  kubeconfig: string;
  nodes: NodesCheck;
  reused: boolean;
}

const OPEN_TERMINAL = 'Open Terminal';
const STOP_PROXY = 'Stop Proxy';

/**
 * "Connect": checks the machine, starts `az connectedk8s proxy` as a task in the integrated terminal, waits for its
 * real ready line, then lists the nodes with kubectl in the same terminal and says how many are Ready. A second
 * Connect to the same cluster reuses its proxy.
 */
export async function connect(deps: ConnectDependencies, node?: ClusterOrigin): Promise<ConnectResult> {
  requireTrustedWorkspace('Connect');
  const cluster = node?.resource ?? (await pickCluster(deps.session, deps.prompter, 'Connect to Cluster'));
  const ref = clusterRefFromId(cluster.id);
  const definition: AzureLocalTaskDefinition = { type: TASK_TYPE, action: 'proxy', subscription: ref.subscriptionId, resourceGroup: ref.resourceGroup, cluster: ref.name };

  const running = deps.manager.get(definition);
  if (running) {
    deps.manager.showTerminal(running);
    await untilReady(running, definition.cluster);
    // The terminal announces the result itself (its onNodes).
    const nodes = await running.session.checkNodes();
    return { port: running.port, kubeconfig: running.kubeconfig, nodes, reused: true };
  }

  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking az, kubectl and ports for ${cluster.name}…`, cancellable: true },
    async (_progress, token) => {
      const signal = abortSignalFor(token);
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
      if (token.isCancellationRequested) throw new OperationCancelledError();
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
    void vscode.window.showWarningMessage(tightened);
  }
  const kubeconfig = kubeconfigPathFor(folder, definition);
  const task = deps.tasks.task(definition, vscode.TaskScope.Workspace, {
    az: report.az,
    kubectl: report.kubectl,
    port: report.port,
    kubeconfig,
    checkNodesWhenReady: true,
    onNodes: (proxy, check) => announce(deps.manager, proxy, check),
  });
  deps.log.info(`Connect ${cluster.name}: az connectedk8s proxy on port ${report.port}, kubeconfig ${kubeconfig}`);
  const execution = await vscode.tasks.executeTask(task);
  const proxy = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Starting az connectedk8s proxy for ${cluster.name}…`, cancellable: true },
    async (_progress, token) => {
      const cancelled = rejectWhenCancelled(token);
      try {
        const registered = await Promise.race([deps.manager.whenRegistered(definition), cancelled]);
        deps.manager.attachExecution(definition, execution);
        await Promise.race([registered.session.whenReady, cancelled]);
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
}

/** A proxy already starting: wait for it (cancellable) before checking nodes. */
async function untilReady(proxy: RunningProxy, cluster: string): Promise<void> {
  if (proxy.session.ready) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Waiting for the proxy of ${cluster}…`, cancellable: true },
    (_progress, token) => Promise.race([proxy.session.whenReady, rejectWhenCancelled(token)]),
  );
}

/** For Promise.race: settles only by rejecting, when the user presses Cancel on the progress notification. */
function rejectWhenCancelled(token: vscode.CancellationToken): Promise<never> {
  return new Promise((_resolve, reject) => token.onCancellationRequested(() => reject(new OperationCancelledError())));
}

function announce(manager: ProxyManager, proxy: RunningProxy, check: NodesCheck): void {
  const show = check.ok ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(`${proxy.definition.cluster}: ${check.summary} (proxy on port ${proxy.port}).`, OPEN_TERMINAL, STOP_PROXY).then((choice) => {
    if (choice === OPEN_TERMINAL) manager.showTerminal(proxy);
    if (choice === STOP_PROXY) void manager.stop(proxy);
  });
}

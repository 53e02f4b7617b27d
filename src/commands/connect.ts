import * as vscode from 'vscode';
import type { AzureSession } from '../auth/azureSession';
import type { ClusterOrigin } from './pickCluster';
import { parseResourceId } from '../azure/resourceId';
import { listSubscriptions } from '../azure/subscriptions';
import type { NodesCheck } from '../connect/kubectlNodes';
import { checkPrerequisites } from '../connect/prerequisites';
import type { ProxyManager, RunningProxy } from '../connect/proxyManager';
import { kubeconfigFolder, kubeconfigPathFor, TASK_TYPE, type AzureLocalTaskDefinition } from '../connect/taskDefinition';
import type { AzureLocalTaskProvider } from '../connect/taskProvider';
import { settings } from '../settings';
import { PrerequisitesError, requireTrustedWorkspace } from './checkPrerequisites';
import { pickCluster } from './pickCluster';
import { abortSignalFor } from './selectSubscriptions';

export interface ConnectDependencies {
  session: AzureSession;
  manager: ProxyManager;
  tasks: AzureLocalTaskProvider;
  log: vscode.LogOutputChannel;
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
  const cluster = node?.resource ?? (await pickCluster(deps.session, 'Connect to Cluster'));
  const id = parseResourceId(cluster.id);
  const definition: AzureLocalTaskDefinition = { type: TASK_TYPE, action: 'proxy', subscription: id.subscriptionId, resourceGroup: id.resourceGroup ?? '', cluster: cluster.name };

  const running = deps.manager.get(definition);
  if (running) {
    deps.manager.showTerminal(running);
    if (!running.terminal.ready) await waitUntilReady(deps.manager, definition);
    const nodes = await running.terminal.checkNodes();
    announce(deps.manager, running, nodes);
    return { port: running.port, kubeconfig: running.kubeconfig, nodes, reused: true };
  }

  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking az, kubectl and ports for ${cluster.name}…`, cancellable: true },
    async (_progress, token) => {
      const subscription = (await listSubscriptions(deps.session.client, abortSignalFor(token))).find(
        (s) => s.subscriptionId.toLowerCase() === id.subscriptionId.toLowerCase(),
      );
      return checkPrerequisites({
        azPath: settings.azPath(),
        kubectlPath: settings.kubectlPath(),
        tenantId: deps.session.tenantId ?? subscription?.tenantId,
        subscriptionId: id.subscriptionId,
        takenPorts: deps.manager.takenPorts(),
      });
    },
  );
  const failures = report.results.filter((r) => !r.ok);
  for (const result of report.results) deps.log.info(`Prerequisite ${result.name}: ${result.ok ? 'ok' : 'FAILED'}: ${result.detail}${result.fix ? ` (fix: ${result.fix})` : ''}`);
  if (failures.length) throw new PrerequisitesError(failures);

  const kubeconfig = kubeconfigPathFor(kubeconfigFolder(settings.kubeconfigFolder()), definition);
  let resolveNodes!: (check: NodesCheck) => void;
  const nodesChecked = new Promise<NodesCheck>((resolve) => (resolveNodes = resolve));
  const task = deps.tasks.task(definition, vscode.TaskScope.Workspace, {
    az: report.az,
    kubectl: report.kubectl,
    port: report.port,
    kubeconfig,
    checkNodesWhenReady: true,
    onNodes: (proxy, check) => {
      announce(deps.manager, proxy, check);
      resolveNodes(check);
    },
  });
  deps.log.info(`Connect ${cluster.name}: az connectedk8s proxy on port ${report.port}, kubeconfig ${kubeconfig}`);
  const execution = await vscode.tasks.executeTask(task);
  deps.manager.attachExecution(definition, execution);
  await waitUntilReady(deps.manager, definition);
  return { port: report.port!, kubeconfig, nodes: await nodesChecked, reused: false };
}

/** Resolves when the proxy printed its ready line; rejects, with what az said, when it ended first. Cancellable. */
async function waitUntilReady(manager: ProxyManager, definition: AzureLocalTaskDefinition): Promise<void> {
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Starting az connectedk8s proxy for ${definition.cluster}…`, cancellable: true },
    (_progress, token) =>
      new Promise<void>((resolve, reject) => {
        let seen: RunningProxy | undefined;
        const check = () => {
          const proxy = manager.get(definition);
          if (proxy) seen = proxy;
          if (proxy?.terminal.ready) return finish(resolve);
          if (seen && !proxy) {
            const said = seen.terminal.transcript.split(/\r?\n/).filter((line) => line.trim() && !line.startsWith('\x1b[2m')).slice(-3).join(' ');
            finish(() => reject(new Error(`az connectedk8s proxy for ${definition.cluster} ended before it was ready${said ? `: ${said}` : '.'}`)));
          }
        };
        const subscription = manager.onDidChange(check);
        const cancel = token.onCancellationRequested(() => {
          const proxy = manager.get(definition);
          if (proxy) void manager.stop(proxy);
          finish(() => reject(new vscode.CancellationError()));
        });
        const finish = (settle: () => void) => {
          subscription.dispose();
          cancel.dispose();
          settle();
        };
        check();
      }),
  );
}

function announce(manager: ProxyManager, proxy: RunningProxy, check: NodesCheck): void {
  const show = check.ok ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(`${proxy.definition.cluster}: ${check.summary} (proxy on port ${proxy.port}).`, OPEN_TERMINAL, STOP_PROXY).then((choice) => {
    if (choice === OPEN_TERMINAL) manager.showTerminal(proxy);
    if (choice === STOP_PROXY) void manager.stop(proxy);
  });
}

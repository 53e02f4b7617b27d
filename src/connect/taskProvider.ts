import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { AzureSession } from '../auth/azureSession';
import { errorText } from '../azure/armError';
import { isCancellation } from '../cancellation';
import { clusterRefFromId, type ClusterRef } from '../azure/clusterRef';
import { settings } from '../settings';
import { preparePrivateFolder } from './kubeconfigFiles';
import { NodesTerminal } from './nodesTerminal';
import { MessageTerminal } from './textTerminal';
import { DEFAULT_PROXY_PORT, findProxyPort } from './ports';
import { resolveExecutable } from './processes';
import { isAzureLocalTask, proxyTaskName, type ProxyManager, type StartProxyOptions } from './proxyManager';
import { kubeconfigPathFor, proxyKey, resolveKubeconfig, TASK_TYPE, validateTaskDefinition, type AzureLocalTaskDefinition } from './taskDefinition';

export const PROXY_PROBLEM_MATCHER = '$azure-local-proxy';

/**
 * Tasks of type `azure-local`: `proxy` (background, ready at "Press Ctrl+C to close proxy." through the contributed
 * `$azure-local-proxy` matcher) and `nodes`, provided for each AKS Arc cluster and resolved when written in tasks.json,
 * so that a user's `nodes` task can depend on `proxy`.
 */
export class AzureLocalTaskProvider implements vscode.TaskProvider {
  /** Why the last task could not start (it is also said in its terminal and the output channel). */
  lastRefusal?: string;
  /**
   * Connect's options for the proxy it is starting, by proxy key. They cannot live in the callback of Connect's task:
   * VS Code keeps one CustomExecution callback per task id and replaces it with the provided task's whenever
   * provideTasks runs (it does after a task ends), so the terminal may be opened through either callback.
   */
  private readonly startOptions = new Map<string, Partial<StartProxyOptions>>();

  constructor(
    private readonly session: AzureSession,
    private readonly manager: ProxyManager,
    private readonly log?: (line: string) => void,
  ) {}

  /**
   * A proxy and a nodes task per AKS Arc cluster, from the shared inventory (no instance is read). A subscription whose
   * clusters cannot be listed is said in the output channel, not dropped silently.
   */
  async provideTasks(token: vscode.CancellationToken): Promise<vscode.Task[]> {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const inventory = this.session.inventory;
    let listed: Awaited<ReturnType<typeof inventory.clusters>>;
    try {
      await inventory.shownSubscriptions(controller.signal);
      listed = await inventory.clusters(controller.signal);
    } catch (error) {
      if (!isCancellation(error)) this.log?.(`Azure Local tasks: the clusters could not be listed: ${errorText(error)}`);
      return [];
    }
    for (const { subscriptionId, failure } of listed) {
      if (failure) this.log?.(`Azure Local tasks: the clusters of subscription ${subscriptionId} could not be listed: ${errorText(failure)}`);
    }
    return listed.flatMap((s) => s.clusters).flatMap((cluster) => {
      let ref: ClusterRef;
      try {
        ref = clusterRefFromId(cluster.id);
      } catch (error) {
        // A malformed id in the service's list: that cluster gets no tasks, the others do.
        this.log?.((error as Error).message);
        return [];
      }
      const base = { type: TASK_TYPE, subscription: ref.subscriptionId, resourceGroup: ref.resourceGroup, cluster: ref.name } as const;
      return [this.task({ ...base, action: 'proxy' }), this.task({ ...base, action: 'nodes' })];
    });
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    return isAzureLocalTask(task.definition) ? this.task(task.definition, task.scope) : undefined;
  }

  /**
   * A task for a definition; `options` (from Connect) fix the port and ask for the nodes check after ready, for the
   * next start of this cluster's proxy, whichever task VS Code starts it through (until withdrawn).
   */
  task(definition: AzureLocalTaskDefinition, scope: vscode.TaskScope | vscode.WorkspaceFolder = vscode.TaskScope.Workspace, options?: Partial<StartProxyOptions>): vscode.Task {
    if (options && definition.action === 'proxy') this.startOptions.set(proxyKey(definition), options);
    const execution = new vscode.CustomExecution(async (resolved) => this.terminalFor(resolved as AzureLocalTaskDefinition));
    const task = new vscode.Task(definition, scope, proxyTaskName(definition), 'Azure Local', execution, definition.action === 'proxy' ? [PROXY_PROBLEM_MATCHER] : []);
    task.isBackground = definition.action === 'proxy';
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
    return task;
  }

  private refuse(reason: string): vscode.Pseudoterminal {
    this.lastRefusal = reason;
    this.log?.(reason);
    return new MessageTerminal(reason);
  }

  /**
   * Connect is done with `options`: if no terminal took them (Connect gave up, or another Connect's proxy answered), a
   * later start must not use them. Only these: another Connect's newer options for the same proxy stay.
   */
  withdrawStartOptions(definition: AzureLocalTaskDefinition, options: Partial<StartProxyOptions>): void {
    const key = proxyKey(definition);
    if (this.startOptions.get(key) === options) this.startOptions.delete(key);
  }

  private async terminalFor(definition: AzureLocalTaskDefinition): Promise<vscode.Pseudoterminal> {
    const key = proxyKey(definition);
    const options = (definition.action === 'proxy' && this.startOptions.get(key)) || {};
    if (definition.action === 'proxy') this.startOptions.delete(key);
    const az = options.az ?? resolveExecutable(settings.azPath());
    const kubectl = options.kubectl ?? resolveExecutable(settings.kubectlPath());
    const folder = settings.kubeconfigFolder();
    // Connect's own definitions come with their options; one from tasks.json is checked like any input.
    const problem = options.kubeconfig ? undefined : validateTaskDefinition(definition, folder);
    if (problem) return this.refuse(problem);
    // Connect prepared the folder already; a tasks.json task gets it private here (a folder that cannot be is said).
    const unusable = options.kubeconfig ? undefined : await preparePrivateFolder(folder).then(() => undefined, (error: Error) => error.message);
    if (unusable) return this.refuse(unusable);
    const kubeconfig = options.kubeconfig ?? (definition.kubeconfig ? resolveKubeconfig(folder, definition.kubeconfig) : kubeconfigPathFor(folder, definition));
    if (!kubectl) return new MessageTerminal(l10n.t({ message: 'kubectl not found ("{0}"). Install it ({1}) or set {2}.', args: [settings.kubectlPath(), 'az aks install-cli', 'azureLocal.kubectlPath'], comment: '{0} is what the setting says, {1} a command, {2} the setting' }));
    if (definition.action === 'nodes') return new NodesTerminal(kubectl, kubeconfig);
    if (!az) return new MessageTerminal(l10n.t({ message: 'The Azure CLI was not found ("{0}"). Install it ({1}) or set {2}.', args: [settings.azPath(), 'https://aka.ms/installazurecli', 'azureLocal.azPath'], comment: '{0} is what the setting says, {1} an address, {2} the setting' }));
    const port = options.port ?? definition.port ?? (await findProxyPort({ taken: this.manager.takenPorts() }));
    if (!port) return new MessageTerminal(l10n.t({ message: 'No free pair of proxy ports from {0}: stop other `{1}` processes.', args: [DEFAULT_PROXY_PORT, 'az connectedk8s proxy'], comment: '{0} is a port, {1} a command' }));
    return this.manager.createTerminal(definition, { az, kubectl, port, kubeconfig, checkNodesWhenReady: options.checkNodesWhenReady ?? false, onNodes: options.onNodes });
  }
}

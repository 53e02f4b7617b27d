import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { NodesCheck } from './kubectlNodes';
import { ProxySession } from './proxySession';
import { ProxyTerminal } from './proxyTerminal';
import { processStartTime, type ProxyGroup } from './staleProxies';
import { proxyKey, TASK_TYPE, type AzureLocalTaskDefinition } from './taskDefinition';

export interface RunningProxy {
  key: string;
  definition: AzureLocalTaskDefinition;
  port: number;
  kubeconfig: string;
  /** The one owner of the proxy's process tree. */
  session: ProxySession;
  execution?: vscode.TaskExecution;
}

export interface StartProxyOptions {
  az: string;
  kubectl: string;
  port: number;
  kubeconfig: string;
  checkNodesWhenReady: boolean;
  onNodes?(proxy: RunningProxy, check: NodesCheck): void;
}

/** Where the process groups of running proxies are remembered, so that a crashed window's proxies are ended later. */
export interface ProxyGroupRecord {
  get(): ProxyGroup[];
  set(groups: ProxyGroup[]): Thenable<void> | Promise<void>;
}

/**
 * The proxies this window runs (one session per cluster), their tasks, and the status-bar item that lists them.
 * Connect, the task terminals, the status bar and deactivate() all reach a proxy through its session here.
 */
export class ProxyManager implements vscode.Disposable {
  private readonly proxies = new Map<string, RunningProxy>();
  private readonly waiting = new Map<string, ((proxy: RunningProxy) => void)[]>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly statusBar = vscode.window.createStatusBarItem('azureLocal.proxies', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly record?: ProxyGroupRecord) {
    this.statusBar.name = l10n.t('Azure Local proxies');
    this.statusBar.command = 'azureLocal.manageProxies';
    this.onDidChange(() => this.updateStatusBar());
  }

  get(definition: Pick<AzureLocalTaskDefinition, 'subscription' | 'resourceGroup' | 'cluster'>): RunningProxy | undefined {
    return this.proxies.get(proxyKey(definition));
  }

  /** The proxy once its task has started its terminal (tasks start asynchronously after executeTask). */
  whenRegistered(definition: Pick<AzureLocalTaskDefinition, 'subscription' | 'resourceGroup' | 'cluster'>): Promise<RunningProxy> {
    const existing = this.get(definition);
    if (existing) return Promise.resolve(existing);
    const key = proxyKey(definition);
    return new Promise((resolve) => this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]));
  }

  /** Whether a proxy of this cluster runs (a task without a subscription is taken to be of any). */
  runsFor(cluster: { subscriptionId: string; resourceGroup: string; name: string }): boolean {
    const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
    return this.list().some(({ definition: d }) => same(d.resourceGroup, cluster.resourceGroup) && same(d.cluster, cluster.name) && (!d.subscription || same(d.subscription, cluster.subscriptionId)));
  }

  list(): RunningProxy[] {
    return [...this.proxies.values()];
  }

  takenPorts(): Set<number> {
    return new Set(this.list().flatMap((p) => [p.port, p.port - 1]));
  }

  /** A session for the proxy, registered while it runs; it starts when its task terminal opens. */
  createSession(definition: AzureLocalTaskDefinition, options: StartProxyOptions): ProxySession {
    const key = proxyKey(definition);
    const session = new ProxySession({
      definition,
      az: options.az,
      kubectl: options.kubectl,
      port: options.port,
      kubeconfig: options.kubeconfig,
      checkNodesWhenReady: options.checkNodesWhenReady,
    });
    session.on({
      started: (pid) => void this.remember(pid, true),
      ready: () => this.changeEmitter.fire(),
      nodes: (check) => options.onNodes?.(proxy, check),
      ended: () => {
        if (this.proxies.get(key)?.session === session) this.proxies.delete(key);
        if (session.pid) void this.remember(session.pid, false);
        this.changeEmitter.fire();
      },
    });
    const proxy: RunningProxy = { key, definition, port: options.port, kubeconfig: options.kubeconfig, session, execution: this.proxies.get(key)?.execution };
    this.proxies.set(key, proxy);
    for (const resolve of this.waiting.get(key) ?? []) resolve(proxy);
    this.waiting.delete(key);
    this.changeEmitter.fire();
    return session;
  }

  /** The task terminal of a new session: a view that starts it when VS Code opens it. */
  createTerminal(definition: AzureLocalTaskDefinition, options: StartProxyOptions): ProxyTerminal {
    return new ProxyTerminal(this.createSession(definition, options));
  }

  attachExecution(definition: AzureLocalTaskDefinition, execution: vscode.TaskExecution): void {
    const proxy = this.get(definition);
    if (proxy) proxy.execution = execution;
  }

  /** Ends the session (the whole process tree: az and its arcProxy child) and its task. */
  async stop(proxy: RunningProxy): Promise<void> {
    await proxy.session.stop(0);
    proxy.execution?.terminate();
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.list().map((p) => this.stop(p)));
  }

  showTerminal(proxy: RunningProxy): void {
    const name = proxyTaskName(proxy.definition);
    vscode.window.terminals.find((t) => t.name === name)?.show();
  }

  dispose(): void {
    for (const proxy of this.list()) proxy.session.killNow();
    this.statusBar.dispose();
    this.changeEmitter.dispose();
  }

  private async remember(pgid: number, running: boolean): Promise<void> {
    if (!this.record) return;
    // Read at once, while the root is surely the process just started: it is how a reused pid is told apart later.
    const started = running ? await processStartTime(pgid) : undefined;
    const others = this.record.get().filter((group) => group.pgid !== pgid);
    await this.record.set(running ? [...others, { pgid, owner: process.pid, ...(started ? { started } : {}) }] : others);
  }

  private updateStatusBar(): void {
    const proxies = this.list();
    if (!proxies.length) {
      this.statusBar.hide();
      return;
    }
    const names = proxies.map((p) => (p.session.ready ? `${p.definition.cluster} :${p.port}` : l10n.t({ message: '{0} :{1} (starting)', args: [p.definition.cluster, p.port], comment: 'a cluster and its proxy\'s port' })));
    this.statusBar.text = `$(plug) ${proxies.length === 1 ? proxies[0].definition.cluster : l10n.t('{0} proxies', proxies.length)}`;
    this.statusBar.tooltip = `${l10n.t('Azure Local proxies (click to stop one or open its terminal)')}\n${names.join('\n')}`;
    this.statusBar.show();
  }
}

export function proxyTaskName(definition: Pick<AzureLocalTaskDefinition, 'action' | 'cluster'>): string {
  return `${definition.action} ${definition.cluster}`;
}

export function isAzureLocalTask(definition: vscode.TaskDefinition): definition is vscode.TaskDefinition & AzureLocalTaskDefinition {
  return definition.type === TASK_TYPE && (definition.action === 'proxy' || definition.action === 'nodes') && typeof definition.cluster === 'string' && typeof definition.resourceGroup === 'string';
}

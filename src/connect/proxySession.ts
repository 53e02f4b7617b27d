import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandLine, userShell } from '../shellQuote';
import { printNodesCheck, type NodesCheck } from './kubectlNodes';
import { platformFor, type ProxyPlatform } from './platform';
import { ProxyProcess } from './proxyProcess';
import { acquireStartLock, type StartLockOptions } from './startLock';
import { proxyArgs, type AzureLocalTaskDefinition } from './taskDefinition';

export interface ProxySessionOptions {
  definition: AzureLocalTaskDefinition;
  az: string;
  kubectl: string;
  port: number;
  kubeconfig: string;
  /** Connect runs the nodes check once the proxy is ready; a tasks.json proxy leaves it to the `nodes` task. */
  checkNodesWhenReady: boolean;
  platform?: ProxyPlatform;
  /** Where the cross-process start lock lives (tests keep it in their own folder). */
  startLock?: StartLockOptions;
}

export interface ProxySessionEvents {
  /** Text for whoever shows the session (a task terminal): az's output, then kubectl's. */
  output?(text: string): void;
  started?(pid: number): void;
  ready?(): void;
  nodes?(check: NodesCheck): void;
  ended?(exitCode: number): void;
}

/**
 * One running `az connectedk8s proxy`: the one owner of its process tree, from start to stop. Whoever needs the proxy —
 * Connect, a task terminal, the status bar, deactivate() — holds this session (the shape of vscode-kubernetes-tools'
 * proxy session): `whenReady` and `firstNodesCheck` always settle (they reject when the proxy ends first), and
 * stop() (or dispose()) ends the whole tree, arcProxy included, once. Plain TypeScript: no `vscode`.
 */
export class ProxySession {
  /** Everything said so far, so a view that opens late shows all of it. */
  transcript = '';
  readonly whenReady: Promise<void>;
  readonly firstNodesCheck: Promise<NodesCheck>;
  private settleReady!: { resolve(): void; reject(error: Error): void };
  private settleNodes!: { resolve(check: NodesCheck): void; reject(error: Error): void };
  private process?: ProxyProcess;
  private started = false;
  private ended?: Promise<void>;
  /** Set once the views have been told the end: a view that comes later is told at once. */
  private endedWith?: number;
  private releaseStartLock: () => void = () => undefined;
  private readonly listeners: ProxySessionEvents[] = [];
  private readonly platform: ProxyPlatform;

  constructor(readonly options: ProxySessionOptions) {
    this.platform = options.platform ?? platformFor();
    this.whenReady = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.firstNodesCheck = new Promise((resolve, reject) => (this.settleNodes = { resolve, reject }));
    // Nobody may be listening (a tasks.json proxy): never an unhandled rejection.
    this.whenReady.catch(() => undefined);
    this.firstNodesCheck.catch(() => undefined);
  }

  get definition(): AzureLocalTaskDefinition {
    return this.options.definition;
  }

  get ready(): boolean {
    return !!this.process?.ready;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  get isEnded(): boolean {
    return !!this.ended;
  }

  /**
   * Listens to the session; returns the function that stops listening. A listener that comes after the end (a task
   * terminal VS Code opened after Stop Proxy) hears it at once: otherwise its task would never end.
   */
  on(events: ProxySessionEvents): () => void {
    if (this.endedWith !== undefined) {
      events.ended?.(this.endedWith);
      return () => undefined;
    }
    this.listeners.push(events);
    return () => this.listeners.splice(this.listeners.indexOf(events), 1);
  }

  /** Starts the proxy (once): one start at a time on the machine, held until it is ready or ends. */
  async start(): Promise<void> {
    if (this.started || this.ended) return;
    this.started = true;
    const { definition, az, port, kubeconfig } = this.options;
    try {
      // A private folder for the kubeconfig (az creates the file itself and merges into it when it exists).
      fs.mkdirSync(path.dirname(kubeconfig), { recursive: true, mode: 0o700 });
      const args = proxyArgs(definition, port, kubeconfig);
      this.say(`\x1b[2m> ${commandLine([az, ...args], userShell())}\x1b[0m\n`);
      // az rewrites ~/.clientproxy/config.yml on every start: two at once would race on it.
      this.releaseStartLock = await acquireStartLock(this.options.startLock);
      if (this.ended) return this.releaseStartLock();
      this.process = new ProxyProcess(
        az,
        args,
        {
          output: (text) => this.say(text),
          ready: () => void this.onReady(),
          exit: (code, signal) => {
            const exited = signal ? l10n.t({ message: 'az exited ({0}).', args: [signal], comment: '{0} is the signal that ended it (SIGTERM)' }) : l10n.t('az exited (code {0}).', `${code}`);
            this.say(`\n\x1b[2m${exited}\x1b[0m\n`);
            void this.stop(code ?? 1);
          },
        },
        process.env,
        this.platform,
        [port, port - 1],
      );
      this.process.start();
      if (this.process.pid) this.emit((l) => l.started?.(this.process!.pid!));
    } catch (error) {
      this.say(`\x1b[31m${(error as Error).message}\x1b[0m\n`);
      void this.stop(1);
    }
  }

  /** Runs `kubectl get node -A` through the proxy; its output goes to the session's views. */
  async checkNodes(): Promise<NodesCheck> {
    this.say('\n');
    const check = await printNodesCheck(this.options.kubectl, this.options.kubeconfig, (text) => this.say(text));
    this.settleNodes.resolve(check);
    this.emit((l) => l.nodes?.(check));
    return check;
  }

  /** Ends the proxy's whole tree (once; later calls wait for the first), then tells the views. */
  stop(exitCode = 0): Promise<void> {
    this.ended ??= (async () => {
      const why = new Error(this.endedMessage());
      this.settleReady.reject(why);
      this.settleNodes.reject(why);
      this.releaseStartLock();
      await this.process?.stop().catch((error: Error) => this.say(`\x1b[31m${error.message}\x1b[0m\n`));
      this.endedWith = exitCode;
      this.emit((l) => l.ended?.(exitCode));
    })();
    return this.ended;
  }

  /** For deactivate(): start ending the tree now, without waiting. */
  killNow(): void {
    this.process?.killNow();
  }

  dispose(): void {
    void this.stop(0);
  }

  private async onReady(): Promise<void> {
    // az writes the kubeconfig with its own mode; it holds credentials, so it is the user's alone.
    await this.platform.protectFile(this.options.kubeconfig).catch(() => undefined);
    this.settleReady.resolve();
    this.emit((l) => l.ready?.());
    // Ready: az is done with ~/.clientproxy/config.yml, and the next proxy may start.
    this.releaseStartLock();
    if (this.options.checkNodesWhenReady) await this.checkNodes();
  }

  private say(text: string): void {
    this.transcript += text;
    this.emit((l) => l.output?.(text));
  }

  private emit(call: (listener: ProxySessionEvents) => void): void {
    for (const listener of [...this.listeners]) call(listener);
  }

  /** Why the proxy is gone, with the last lines az printed (not our echoed commands): the error when it ends before it is ready. */
  private endedMessage(): string {
    const said = this.transcript.split(/\r?\n/).filter((line) => line.trim() && !line.startsWith('\x1b[2m')).slice(-3).join(' ');
    const [command, cluster] = ['az connectedk8s proxy', this.options.definition.cluster];
    return said
      ? l10n.t({ message: '{0} for {1} ended: {2}', args: [command, cluster, said], comment: '{0} is a command, {1} a cluster, {2} the last lines it printed' })
      : l10n.t({ message: '{0} for {1} ended.', args: [command, cluster], comment: '{0} is a command, {1} a cluster' });
  }
}

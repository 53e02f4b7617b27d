import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandLine, userShell } from '../shellQuote';
import { printNodesCheck, type NodesCheck } from './kubectlNodes';
import { platformFor } from './platform';
import { ProxyProcess } from './proxyProcess';
import { acquireStartLock, type StartLockOptions } from './startLock';
import { proxyArgs, type AzureLocalTaskDefinition } from './taskDefinition';
import { TextTerminal } from './textTerminal';

export interface ProxyTerminalOptions {
  definition: AzureLocalTaskDefinition;
  az: string;
  kubectl: string;
  port: number;
  kubeconfig: string;
  /** Connect runs the nodes check in the same terminal once the proxy is ready; tasks.json uses the `nodes` task. */
  checkNodesWhenReady: boolean;
  onReady?(terminal: ProxyTerminal): void;
  onNodes?(terminal: ProxyTerminal, check: NodesCheck): void;
  onStarted?(terminal: ProxyTerminal, pid: number): void;
  onClosed?(terminal: ProxyTerminal): void;
  /** Where the cross-process start lock lives (tests keep it in their own folder). */
  startLock?: StartLockOptions;
}

/**
 * The Connect task's terminal: az's output as it comes, then kubectl's; closing it ends the whole process group.
 * `whenReady` and `firstNodesCheck` always settle: they reject when the proxy ends first.
 */
export class ProxyTerminal extends TextTerminal {
  /** Everything written, for error messages and tests. */
  transcript = '';
  readonly whenReady: Promise<void>;
  readonly firstNodesCheck: Promise<NodesCheck>;
  private settleReady!: { resolve(): void; reject(error: Error): void };
  private settleNodes!: { resolve(check: NodesCheck): void; reject(error: Error): void };
  private process?: ProxyProcess;
  private closed = false;
  private readonly platform = platformFor();
  private releaseStartLock = () => undefined as void;

  constructor(readonly options: ProxyTerminalOptions) {
    super();
    this.whenReady = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.firstNodesCheck = new Promise((resolve, reject) => (this.settleNodes = { resolve, reject }));
    // Nobody may be listening (a tasks.json proxy): never an unhandled rejection.
    this.whenReady.catch(() => undefined);
    this.firstNodesCheck.catch(() => undefined);
  }

  get ready(): boolean {
    return !!this.process?.ready;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  open(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    if (this.closed) return;
    const { definition, az, port, kubeconfig } = this.options;
    try {
      // A private folder for the kubeconfig (az creates the file itself, 0600, and merges into it when it exists).
      fs.mkdirSync(path.dirname(kubeconfig), { recursive: true, mode: 0o700 });
      const args = proxyArgs(definition, port, kubeconfig);
      this.print(`\x1b[2m> ${commandLine([az, ...args], userShell())}\x1b[0m\n`);
      // One proxy starts at a time on this machine (az rewrites ~/.clientproxy/config.yml): held until ready or ended.
      this.releaseStartLock = await acquireStartLock(this.options.startLock);
      if (this.closed) return this.releaseStartLock();
      this.process = new ProxyProcess(
        az,
        args,
        {
          output: (text) => this.print(text),
          ready: () => void this.onReady(),
          exit: (code, signal) => {
            this.print(`\n\x1b[2maz exited (${signal ?? `code ${code}`}).\x1b[0m\n`);
            void this.finish(code ?? 1);
          },
        },
        process.env,
        this.platform,
        [port, port - 1],
      );
      this.process.start();
      if (this.process.pid) this.options.onStarted?.(this, this.process.pid);
    } catch (error) {
      this.print(`\x1b[31m${(error as Error).message}\x1b[0m\n`);
      void this.finish(1);
    }
  }

  /** Ctrl+C in the terminal stops the proxy, as it would in a shell. */
  handleInput(data: string): void {
    if (data === '\x03') void this.finish(0);
  }

  override close(): void {
    void this.finish(0);
  }

  /** Runs `kubectl get node -A` through the proxy and writes its output here. */
  async checkNodes(): Promise<NodesCheck> {
    this.print('\n');
    const check = await printNodesCheck(this.options.kubectl, this.options.kubeconfig, (text) => this.print(text));
    this.settleNodes.resolve(check);
    this.options.onNodes?.(this, check);
    return check;
  }

  /** Stops the proxy (and its arcProxy child) and closes the terminal. */
  async finish(exitCode: number): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const ended = new Error(`az connectedk8s proxy for ${this.options.definition.cluster} ended${this.lastWords()}`);
    this.settleReady.reject(ended);
    this.settleNodes.reject(ended);
    this.releaseStartLock();
    await this.process?.stop().catch((error: Error) => this.print(`\x1b[31m${error.message}\x1b[0m\n`));
    this.options.onClosed?.(this);
    this.exit(exitCode);
  }

  killNow(): void {
    this.process?.killNow();
  }

  private async onReady(): Promise<void> {
    this.releaseStartLock();
    // az writes the kubeconfig with its own mode; it holds credentials, so it is the user's alone.
    await this.platform.protectFile(this.options.kubeconfig).catch(() => undefined);
    this.settleReady.resolve();
    this.options.onReady?.(this);
    if (this.options.checkNodesWhenReady) await this.checkNodes();
  }

  /** The last lines az printed (not our echoed commands), for the error when it ends before it is ready. */
  private lastWords(): string {
    const said = this.transcript.split(/\r?\n/).filter((line) => line.trim() && !line.startsWith('\x1b[2m')).slice(-3).join(' ');
    return said ? `: ${said}` : '.';
  }

  protected override print(text: string): void {
    this.transcript += text;
    super.print(text);
  }
}


import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { shellQuote } from '../shellQuote';
import { checkNodes, type NodesCheck } from './kubectlNodes';
import { ProxyProcess } from './proxyProcess';
import { proxyArgs, type AzureLocalTaskDefinition } from './taskDefinition';

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
  onClosed?(terminal: ProxyTerminal): void;
}

/** The Connect task's terminal: az's output as it comes, then kubectl's; closing it ends the whole process group. */
export class ProxyTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  /** Everything written, for the status bar's "what happened" and for tests. */
  transcript = '';
  private process?: ProxyProcess;
  private closed = false;

  constructor(readonly options: ProxyTerminalOptions) {}

  get ready(): boolean {
    return !!this.process?.ready;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  open(): void {
    const { definition, az, port, kubeconfig } = this.options;
    // The proxy writes the kubeconfig; its folder is private to the user.
    fs.mkdirSync(path.dirname(kubeconfig), { recursive: true, mode: 0o700 });
    const args = proxyArgs(definition, port, kubeconfig);
    this.print(`\x1b[2m> ${[az, ...args].map(shellQuote).join(' ')}\x1b[0m\n`);
    this.process = new ProxyProcess(az, args, {
      output: (text) => this.print(text),
      ready: () => void this.onReady(),
      exit: (code, signal) => {
        this.print(`\n\x1b[2maz exited (${signal ?? `code ${code}`}).\x1b[0m\n`);
        void this.finish(code ?? 1);
      },
    });
    this.process.start();
  }

  /** Ctrl+C in the terminal stops the proxy, as it would in a shell. */
  handleInput(data: string): void {
    if (data === '\x03') void this.finish(0);
  }

  close(): void {
    void this.finish(0);
  }

  /** Runs `kubectl get node -A` through the proxy and writes its output here. */
  async checkNodes(): Promise<NodesCheck> {
    const { kubectl, kubeconfig } = this.options;
    this.print(`\n\x1b[2m> ${[kubectl, 'get', 'node', '-A', '--kubeconfig', kubeconfig].map(shellQuote).join(' ')}\x1b[0m\n`);
    const check = await checkNodes(kubectl, kubeconfig);
    this.print(check.output);
    this.print(`\x1b[1m${check.summary}\x1b[0m\n`);
    this.options.onNodes?.(this, check);
    return check;
  }

  /** Stops the proxy (and its arcProxy child) and closes the terminal. */
  async finish(exitCode: number): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.process?.stop();
    this.options.onClosed?.(this);
    this.closeEmitter.fire(exitCode);
  }

  killNow(): void {
    this.process?.killNow();
  }

  private async onReady(): Promise<void> {
    // az writes the kubeconfig with its own mode; it holds credentials, so it is the user's alone.
    await fs.promises.chmod(this.options.kubeconfig, 0o600).catch(() => undefined);
    this.options.onReady?.(this);
    if (this.options.checkNodesWhenReady) await this.checkNodes();
  }

  private print(text: string): void {
    this.transcript += text;
    this.writeEmitter.fire(text.replace(/\r?\n/g, '\r\n'));
  }
}


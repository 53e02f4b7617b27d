import * as vscode from 'vscode';
import { shellQuote } from '../shellQuote';
import { checkNodes } from './kubectlNodes';

/** The `nodes` task: `kubectl get node -A` against a proxy's kubeconfig, then its summary; fails when kubectl does. */
export class NodesTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;

  constructor(
    private readonly kubectl: string,
    private readonly kubeconfig: string,
    private readonly onSummary?: (summary: string, ok: boolean) => void,
  ) {}

  async open(): Promise<void> {
    this.print(`\x1b[2m> ${[this.kubectl, 'get', 'node', '-A', '--kubeconfig', this.kubeconfig].map(shellQuote).join(' ')}\x1b[0m\n`);
    const check = await checkNodes(this.kubectl, this.kubeconfig);
    this.print(check.output);
    this.print(`\x1b[1m${check.summary}\x1b[0m\n`);
    this.onSummary?.(check.summary, check.ok);
    this.closeEmitter.fire(check.ok ? 0 : 1);
  }

  close(): void {
    // kubectl ends on its own (60 s timeout at most).
  }

  private print(text: string): void {
    this.writeEmitter.fire(text.replace(/\r?\n/g, '\r\n'));
  }
}

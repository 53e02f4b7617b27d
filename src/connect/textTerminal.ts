import * as vscode from 'vscode';

/** A task terminal that only writes text (`\n` becomes the `\r\n` a terminal needs) and ends with an exit code. */
export abstract class TextTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;

  abstract open(): void;

  close(): void {
    // Nothing to stop unless a subclass runs a process.
  }

  protected print(text: string): void {
    this.writeEmitter.fire(text.replace(/\r?\n/g, '\r\n'));
  }

  protected exit(code: number): void {
    this.closeEmitter.fire(code);
  }
}

/** A task that cannot start says why (and how to fix it) in its terminal, and fails. */
export class MessageTerminal extends TextTerminal {
  constructor(private readonly message: string) {
    super();
  }

  open(): void {
    this.print(`\x1b[31m${this.message}\x1b[0m\n`);
    this.exit(1);
  }
}

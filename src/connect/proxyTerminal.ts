import type { ProxySession } from './proxySession';
import { TextTerminal } from './textTerminal';

/**
 * A proxy task's terminal: a view of its session. It shows what the session says (az's output, then kubectl's),
 * starts the session when VS Code opens it, and Ctrl+C or closing it stops the session — the whole process tree.
 * The task ends with the session's exit code.
 */
export class ProxyTerminal extends TextTerminal {
  private unsubscribe?: () => void;

  constructor(readonly session: ProxySession) {
    super();
  }

  open(): void {
    if (this.session.transcript) this.print(this.session.transcript);
    this.unsubscribe = this.session.on({
      output: (text) => this.print(text),
      ended: (code) => {
        this.unsubscribe?.();
        this.exit(code);
      },
    });
    void this.session.start();
  }

  /** Ctrl+C in the terminal stops the proxy, as it would in a shell. */
  handleInput(data: string): void {
    if (data === '\x03') void this.session.stop(0);
  }

  override close(): void {
    void this.session.stop(0);
  }
}

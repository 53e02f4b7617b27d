import { printNodesCheck } from './kubectlNodes';
import { TextTerminal } from './textTerminal';

/** The `nodes` task: `kubectl get node -A` against a proxy's kubeconfig, then its summary; fails when kubectl does. */
export class NodesTerminal extends TextTerminal {
  constructor(
    private readonly kubectl: string,
    private readonly kubeconfig: string,
  ) {
    super();
  }

  open(): void {
    // kubectl ends on its own (60 s timeout at most), so close() has nothing to stop. VS Code ignores what open()
    // returns: a failure to run it ends the task here, with its message, instead of going unhandled.
    printNodesCheck(this.kubectl, this.kubeconfig, (text) => this.print(text)).then(
      (check) => this.exit(check.ok ? 0 : 1),
      (error: unknown) => {
        this.print(`${error instanceof Error ? error.message : String(error)}\r\n`);
        this.exit(1);
      },
    );
  }
}

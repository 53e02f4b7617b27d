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

  async open(): Promise<void> {
    // kubectl ends on its own (60 s timeout at most), so close() has nothing to stop.
    const check = await printNodesCheck(this.kubectl, this.kubeconfig, (text) => this.print(text));
    this.exit(check.ok ? 0 : 1);
  }
}

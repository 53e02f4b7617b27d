import * as l10n from '@vscode/l10n';
import { commandLine, userShell } from '../shellQuote';
import { runTool } from './processes';
import { nodesArgs } from './taskDefinition';
import { describeNodeSummary, summarizeNodeTable } from './nodeSummary';

export interface NodesCheck {
  ok: boolean;
  /** kubectl's own output, for the terminal. */
  output: string;
  /** "3 nodes, 3 Ready", or why there is no answer. */
  summary: string;
}

/** `kubectl get node -A --kubeconfig F` through the proxy, and its one-line summary. */
export async function checkNodes(kubectlPath: string, kubeconfig: string): Promise<NodesCheck> {
  const result = await runTool(kubectlPath, nodesArgs(kubeconfig), { timeoutMs: 60000 }).catch((error: Error) => ({ code: 1, stdout: '', stderr: error.message }));
  const output = result.stdout + result.stderr;
  if (result.code !== 0) {
    const said = result.stderr.trim().split('\n')[0];
    return { ok: false, output, summary: said ? l10n.t({ message: 'kubectl failed: {0}', args: [said], comment: '{0} is the first line kubectl printed on its error output' }) : l10n.t('kubectl failed: exit code {0}', result.code) };
  }
  const summary = summarizeNodeTable(result.stdout);
  return summary ? { ok: true, output, summary: describeNodeSummary(summary) } : { ok: false, output, summary: l10n.t('kubectl listed no nodes') };
}

/** The check as a terminal shows it: the command (dimmed), kubectl's output, then the summary (bold). */
export async function printNodesCheck(kubectlPath: string, kubeconfig: string, print: (text: string) => void): Promise<NodesCheck> {
  print(`\x1b[2m> ${commandLine([kubectlPath, ...nodesArgs(kubeconfig)], userShell())}\x1b[0m\n`);
  const check = await checkNodes(kubectlPath, kubeconfig);
  print(check.output);
  print(`\x1b[1m${check.summary}\x1b[0m\n`);
  return check;
}

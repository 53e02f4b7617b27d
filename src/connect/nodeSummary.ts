import * as l10n from '@vscode/l10n';

/** What `kubectl get node` said, reduced to the sentence a notification shows. Pure: unit-tested. */
export interface NodeSummary {
  total: number;
  ready: number;
  notReady: string[];
}

/** Reads kubectl's table (`NAME STATUS ROLES AGE VERSION`, with or without a NAMESPACE column). */
export function summarizeNodeTable(table: string): NodeSummary | undefined {
  const lines = table.split(/\r?\n/).filter((line) => line.trim());
  const header = lines.findIndex((line) => /^\s*(NAMESPACE\s+)?NAME\s+STATUS\b/.test(line));
  if (header < 0) return undefined;
  const columns = lines[header].trim().split(/\s+/);
  const nameAt = columns.indexOf('NAME');
  const statusAt = columns.indexOf('STATUS');
  const rows = lines.slice(header + 1).map((line) => line.trim().split(/\s+/));
  const notReady = rows.filter((cells) => cells[statusAt] !== 'Ready').map((cells) => `${cells[nameAt]} (${cells[statusAt]})`);
  return { total: rows.length, ready: rows.length - notReady.length, notReady };
}

/** "3 nodes, 3 Ready", or "3 nodes, 2 Ready; not ready: moc-x (NotReady)": each wording one whole string, by count. */
export function describeNodeSummary(summary: NodeSummary): string {
  const { total, ready } = summary;
  // "Ready" is the node status kubectl shows; the names of nodes not ready come with theirs, as kubectl wrote them.
  if (!summary.notReady.length) return total === 1 ? l10n.t('{0} node, {1} Ready', total, ready) : l10n.t('{0} nodes, {1} Ready', total, ready);
  const notReady = summary.notReady.join(', ');
  return total === 1 ? l10n.t('{0} node, {1} Ready; not ready: {2}', total, ready, notReady) : l10n.t('{0} nodes, {1} Ready; not ready: {2}', total, ready, notReady);
}

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

export function describeNodeSummary(summary: NodeSummary): string {
  const nodes = `${summary.total} ${summary.total === 1 ? 'node' : 'nodes'}, ${summary.ready} Ready`;
  return summary.notReady.length ? `${nodes}; not ready: ${summary.notReady.join(', ')}` : nodes;
}

import type { ClusterRef } from '../../azure/clusterRef';
import type { Existence } from '../../azure/settle';
import { commandLine, type ShellKind } from '../../shellQuote';

/** What a deletion left, each part read until it settled (or deleted by this run, proven by its operation). */
export type DeletionFact = Existence | { kind: 'deleted' };

/**
 * The sentence that ends a deletion that did not finish: what still exists, in which state, and the command that
 * removes it (quoted for the user's shell). Pure.
 */
export function whatRemains(ref: ClusterRef, connectedCluster: DeletionFact, instance: DeletionFact, shell: ShellKind): string {
  const cmd = (...args: string[]) => commandLine(args, shell);
  const aksarcDelete = cmd('az', 'aksarc', 'delete', '--name', ref.name, '--resource-group', ref.resourceGroup, '--subscription', ref.subscriptionId, '--yes');
  const gone = (fact: DeletionFact) => fact.kind === 'deleted' || fact.kind === 'absent';
  if (gone(connectedCluster) && gone(instance)) return `"${ref.name}" is deleted: nothing of it remains in Azure.`;
  const state = (fact: DeletionFact) => (fact.kind === 'present' && fact.state ? ` (${fact.state})` : '');
  const parts: string[] = [];
  if (instance.kind === 'present') parts.push(`its AKS Arc instance exists${state(instance)}`);
  else if (instance.kind === 'unknown') parts.push(`its AKS Arc instance may exist (${instance.why})`);
  if (connectedCluster.kind === 'present') parts.push(`the connected cluster exists${state(connectedCluster)}`);
  else if (connectedCluster.kind === 'unknown') parts.push(`the connected cluster may exist (${connectedCluster.why})`);
  const remove = instance.kind === 'present' || instance.kind === 'unknown' ? aksarcDelete : cmd('az', 'resource', 'delete', '--ids', ref.connectedClusterId);
  return `"${ref.name}" is not fully deleted: ${parts.join('; ')}. To finish: ${remove} — to check: ${cmd('az', 'resource', 'show', '--ids', ref.connectedClusterId)}`;
}

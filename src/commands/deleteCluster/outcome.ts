import * as l10n from '@vscode/l10n';
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
  if (gone(connectedCluster) && gone(instance)) return l10n.t('"{0}" is deleted: nothing of it remains in Azure.', ref.name);
  const state = (fact: DeletionFact) => (fact.kind === 'present' && fact.state ? ` (${fact.state})` : '');
  const parts: string[] = [];
  if (instance.kind === 'present') parts.push(`${l10n.t('its AKS Arc instance exists')}${state(instance)}`);
  else if (instance.kind === 'unknown') parts.push(l10n.t('its AKS Arc instance may exist ({0})', instance.why));
  if (connectedCluster.kind === 'present') parts.push(`${l10n.t('the connected cluster exists')}${state(connectedCluster)}`);
  else if (connectedCluster.kind === 'unknown') parts.push(l10n.t('the connected cluster may exist ({0})', connectedCluster.why));
  const remove = instance.kind === 'present' || instance.kind === 'unknown' ? aksarcDelete : cmd('az', 'resource', 'delete', '--ids', ref.connectedClusterId);
  return l10n.t({
    message: '"{0}" is not fully deleted: {1}. To finish: {2} — to check: {3}',
    args: [ref.name, parts.join('; '), remove, cmd('az', 'resource', 'show', '--ids', ref.connectedClusterId)],
    comment: ['{1} lists what still exists (e.g. "the connected cluster exists (Deleting)"); {2} and {3} are command lines.'],
  });
}

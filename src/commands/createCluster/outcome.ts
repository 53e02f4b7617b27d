import * as l10n from '@vscode/l10n';
import { connectedClusterId, provisionedClusterInstanceId } from '../../azure/resourceId';
import type { Existence } from '../../azure/settle';
import { commandLine, type ShellKind } from '../../shellQuote';
import type { ClusterSpec } from './clusterSpec';

/** What is known of one resource after a run: read until settled, or deleted by the run's own rollback. */
export type Fact = Existence | { kind: 'deleted' };

/** What an unsuccessful create run left in Azure, each part checked (never assumed). */
export interface RunOutcome {
  spec: ClusterSpec;
  /** The shell the copy-paste commands are quoted for. */
  shell: ShellKind;
  /** Only when the run set out to create the resource group. */
  resourceGroup?: Fact;
  connectedCluster: Fact;
  instance: Fact;
  /** Why the offered deletion did not finish. */
  deleteError?: string;
}

/**
 * The sentence that ends every unsuccessful run: exactly what this run left in Azure and the command that removes it.
 * An AKS Arc cluster is removed with `az aksarc delete` (`az connectedk8s delete` refuses kind ProvisionedCluster);
 * a connected cluster without its instance with `az resource delete`. What could not be established is said as
 * "may exist", with the command that checks. Pure: unit-tested for each combination.
 */
export function whatExists(outcome: RunOutcome): string {
  const { spec, shell } = outcome;
  const cmd = (...args: string[]) => commandLine(args, shell);
  const id = connectedClusterId(spec.subscriptionId, spec.resourceGroup, spec.name);
  const aksarcDelete = cmd('az', 'aksarc', 'delete', '--name', spec.name, '--resource-group', spec.resourceGroup, '--subscription', spec.subscriptionId, '--yes');
  const cc = outcome.connectedCluster;
  const instance = outcome.instance;
  const sentences: string[] = [];
  if (cc.kind === 'absent') {
    sentences.push(l10n.t('Nothing was created for cluster "{0}".', spec.name));
  } else if (cc.kind === 'deleted') {
    sentences.push(
      instance.kind === 'deleted'
        ? l10n.t('Deleted the connected cluster "{0}" and its AKS Arc instance; nothing of it remains in Azure.', spec.name)
        : l10n.t('Deleted the connected cluster "{0}"; nothing of it remains in Azure.', spec.name),
    );
  } else if (cc.kind === 'unknown') {
    sentences.push(
      l10n.t({
        message: 'Whether cluster "{0}" was created is not known ({1}); it may exist. To check: {2} — to remove it if it does: {3}',
        args: [spec.name, cc.why, cmd('az', 'resource', 'show', '--ids', id), aksarcDelete],
        comment: ['{1} is why it is not known; {2} and {3} are command lines.'],
      }),
    );
  } else {
    const failedDelete = outcome.deleteError ? ` ${l10n.t('Deleting it failed ({0}).', outcome.deleteError)}` : '';
    const remove = instance.kind === 'present' || instance.kind === 'unknown' ? aksarcDelete : cmd('az', 'resource', 'delete', '--ids', id);
    sentences.push(
      l10n.t({
        message: 'The connected cluster "{0}" exists in resource group {1}{2} {3}.{4} To remove it: {5}',
        args: [spec.name, spec.resourceGroup, stateOf(cc), instancePhrase(instance, cmd('az', 'resource', 'show', '--ids', provisionedClusterInstanceId(id))), failedDelete, remove],
        comment: [
          '{2} is the provisioning state in parentheses, e.g. " (Failed)", or nothing; {3} is "with its AKS Arc instance", "without an AKS Arc instance" or "and its AKS Arc instance may exist (…)"; {4} is " Deleting it failed (…)." or nothing; {5} is a command line.',
        ],
      }),
    );
  }
  const group = outcome.resourceGroup;
  if (group?.kind === 'present') {
    sentences.push(
      l10n.t('The resource group {0} created for it still exists; to remove it: {1}', spec.resourceGroup, cmd('az', 'group', 'delete', '--name', spec.resourceGroup, '--subscription', spec.subscriptionId, '--yes')),
    );
  } else if (group?.kind === 'unknown') {
    sentences.push(
      l10n.t('The resource group {0} may have been created ({1}); to check: {2}', spec.resourceGroup, group.why, cmd('az', 'group', 'show', '--name', spec.resourceGroup, '--subscription', spec.subscriptionId)),
    );
  }
  return sentences.join(' ');
}

function stateOf(fact: Existence & { kind: 'present' }): string {
  return fact.state ? ` (${fact.state})` : '';
}

function instancePhrase(instance: Fact, check: string): string {
  switch (instance.kind) {
    case 'present':
      return `${l10n.t('with its AKS Arc instance')}${instance.state ? ` (${instance.state})` : ''}`;
    case 'unknown':
      return l10n.t('and its AKS Arc instance may exist ({0}; to check: {1})', instance.why, check);
    default:
      return l10n.t('without an AKS Arc instance');
  }
}

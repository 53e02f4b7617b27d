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
    sentences.push(`Nothing was created for cluster "${spec.name}".`);
  } else if (cc.kind === 'deleted') {
    sentences.push(`Deleted the connected cluster "${spec.name}"${instance.kind === 'deleted' ? ' and its AKS Arc instance' : ''}; nothing of it remains in Azure.`);
  } else if (cc.kind === 'unknown') {
    sentences.push(
      `Whether cluster "${spec.name}" was created is not known (${cc.why}); it may exist. To check: ${cmd('az', 'resource', 'show', '--ids', id)} — to remove it if it does: ${aksarcDelete}`,
    );
  } else {
    const failedDelete = outcome.deleteError ? ` Deleting it failed (${outcome.deleteError}).` : '';
    const remove = instance.kind === 'present' || instance.kind === 'unknown' ? aksarcDelete : cmd('az', 'resource', 'delete', '--ids', id);
    sentences.push(
      `The connected cluster "${spec.name}" exists in resource group ${spec.resourceGroup}${stateOf(cc)} ${instancePhrase(instance, cmd('az', 'resource', 'show', '--ids', provisionedClusterInstanceId(id)))}.${failedDelete} To remove it: ${remove}`,
    );
  }
  const group = outcome.resourceGroup;
  if (group?.kind === 'present') {
    sentences.push(`The resource group ${spec.resourceGroup} created for it still exists; to remove it: ${cmd('az', 'group', 'delete', '--name', spec.resourceGroup, '--subscription', spec.subscriptionId, '--yes')}`);
  } else if (group?.kind === 'unknown') {
    sentences.push(`The resource group ${spec.resourceGroup} may have been created (${group.why}); to check: ${cmd('az', 'group', 'show', '--name', spec.resourceGroup, '--subscription', spec.subscriptionId)}`);
  }
  return sentences.join(' ');
}

function stateOf(fact: Existence & { kind: 'present' }): string {
  return fact.state ? ` (${fact.state})` : '';
}

function instancePhrase(instance: Fact, check: string): string {
  switch (instance.kind) {
    case 'present':
      return `with its AKS Arc instance${instance.state ? ` (${instance.state})` : ''}`;
    case 'unknown':
      return `and its AKS Arc instance may exist (${instance.why}; to check: ${check})`;
    default:
      return 'without an AKS Arc instance';
  }
}

import * as l10n from '@vscode/l10n';
import { isRefusal } from '../azure/armError';
import { getAgentPool, type AgentPool } from '../azure/agentPools';
import { API_VERSIONS } from '../azure/apiVersions';
import { parseResourceId } from '../azure/resourceId';
import { OperationCancelledError } from '../cancellation';
import type { ChangeDependencies } from './changeDependencies';
import { pickNodePool } from './pickCluster';
import { reportUnfinished } from './unfinished';

export type DeleteNodePoolDependencies = ChangeDependencies;

/**
 * "Delete Node Pool…": a modal confirmation naming the pool and its nodes, then its DELETE to the end of the
 * long-running operation under a cancellable progress. If it does not finish, the pool is read until it settles and
 * the message says whether it still exists.
 */
export async function deleteNodePool(deps: DeleteNodePoolDependencies, node?: { resource?: AgentPool }): Promise<void> {
  const { prompter, log } = deps;
  const pool = node?.resource ?? (await pickNodePool(deps.session, prompter, l10n.t('Delete Node Pool')));
  const cluster = parseResourceId(pool.id).names[0];
  const count = pool.properties?.count;
  const deletePool = l10n.t('Delete Node Pool');
  const answer = await prompter.ask(
    l10n.t('Delete node pool "{0}" of cluster "{1}"?', pool.name, cluster),
    {
      severity: 'warning',
      modal: true,
      detail:
        typeof count === 'number'
          ? l10n.t({ message: 'Its {0} node VMs are removed from Azure Local; workloads on them are evicted.', args: [count], comment: '{0} is the number of nodes' })
          : l10n.t('Its node VMs are removed from Azure Local; workloads on them are evicted.'),
    },
    deletePool,
  );
  if (answer !== deletePool) throw new OperationCancelledError();
  const client = deps.session.client;
  log(`Delete node pool ${pool.id}`);
  try {
    await prompter.withProgress(l10n.t('Deleting node pool "{0}"', pool.name), async (report, signal) => {
      try {
        await client.runLongRunning('DELETE', pool.id, {
          apiVersion: API_VERSIONS.hybridContainerService,
          signal,
          onStatus: (status) => {
            report(status);
            deps.onChanged(pool.id);
          },
        });
      } catch (error) {
        // Already gone is what deleting wants.
        if (!(isRefusal(error) && (error as { status?: number }).status === 404)) throw error;
      }
    });
  } catch (error) {
    return reportUnfinished({ ...deps, client, changedResourceId: pool.id }, error, {
      what: l10n.t('Deleting node pool "{0}"', pool.name),
      check: l10n.t('the node pool'),
      read: (s) => getAgentPool(client, pool.id, s),
      statement: (read) =>
        read.kind === 'absent'
          ? l10n.t('Node pool "{0}" is deleted.', pool.name)
          : read.kind === 'present'
            ? l10n.t('Node pool "{0}" still exists ({1}).', pool.name, read.state ?? l10n.t('state unknown'))
            : l10n.t('Whether node pool "{0}" still exists is not known ({1}).', pool.name, read.why),
    });
  }
  deps.onChanged(pool.id);
  void prompter.ask(l10n.t('Deleted node pool "{0}" of cluster "{1}".', pool.name, cluster), { severity: 'info' });
}

import { isRefusal } from '../azure/armError';
import { getAgentPool, type AgentPool } from '../azure/agentPools';
import { API_VERSIONS } from '../azure/apiVersions';
import { parseResourceId } from '../azure/resourceId';
import { OperationCancelledError } from '../cancellation';
import type { ChangeDependencies } from './changeDependencies';
import { pickNodePool } from './pickCluster';
import { reportUnfinished } from './unfinished';

export type DeleteNodePoolDependencies = ChangeDependencies;

export const DELETE_POOL = 'Delete Node Pool';

/**
 * "Delete Node Pool…": a modal confirmation naming the pool and its nodes, then its DELETE to the end of the
 * long-running operation under a cancellable progress. If it does not finish, the pool is read until it settles and
 * the message says whether it still exists.
 */
export async function deleteNodePool(deps: DeleteNodePoolDependencies, node?: { resource?: AgentPool }): Promise<void> {
  const { prompter, log } = deps;
  const pool = node?.resource ?? (await pickNodePool(deps.session, prompter, 'Delete Node Pool'));
  const cluster = parseResourceId(pool.id).names[0];
  const count = pool.properties?.count;
  const answer = await prompter.ask(
    `Delete node pool "${pool.name}" of cluster "${cluster}"?`,
    { severity: 'warning', modal: true, detail: `Its ${typeof count === 'number' ? `${count} ` : ''}node VMs are removed from Azure Local; workloads on them are evicted.` },
    DELETE_POOL,
  );
  if (answer !== DELETE_POOL) throw new OperationCancelledError();
  const client = deps.session.client;
  log(`Delete node pool ${pool.id}`);
  try {
    await prompter.withProgress(`Deleting node pool "${pool.name}"`, async (report, signal) => {
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
      what: `Deleting node pool "${pool.name}"`,
      check: 'the node pool',
      read: (s) => getAgentPool(client, pool.id, s),
      statement: (read) =>
        read.kind === 'absent'
          ? `Node pool "${pool.name}" is deleted.`
          : read.kind === 'present'
            ? `Node pool "${pool.name}" still exists (${read.state ?? 'state unknown'}).`
            : `Whether node pool "${pool.name}" still exists is not known (${read.why}).`,
    });
  }
  deps.onChanged(pool.id);
  void prompter.ask(`Deleted node pool "${pool.name}" of cluster "${cluster}".`, { severity: 'info' });
}

import type { AzureSession } from '../auth/azureSession';
import { errorText, isRefusal } from '../azure/armError';
import { getAgentPool, type AgentPool } from '../azure/agentPools';
import { API_VERSIONS } from '../azure/apiVersions';
import { parseResourceId } from '../azure/resourceId';
import { readUntilSettled } from '../azure/settle';
import { isCancellation, OperationCancelledError } from '../cancellation';
import { FailureWithOutcome } from '../outcome';
import type { Prompter } from '../wizard/prompter';

export interface DeleteNodePoolDependencies {
  session: AzureSession;
  prompter: Prompter;
  log: (line: string) => void;
  onChanged: (subscriptionId: string) => void;
}

export const DELETE_POOL = 'Delete Node Pool';

/**
 * "Delete Node Pool…": a modal confirmation naming the pool and its nodes, then its DELETE to the end of the
 * long-running operation under a cancellable progress. If it does not finish, the pool is read until it settles and
 * the message says whether it still exists.
 */
export async function deleteNodePool(deps: DeleteNodePoolDependencies, node?: { resource?: AgentPool }): Promise<void> {
  const pool = node?.resource;
  if (!pool?.id) throw new Error('Delete Node Pool acts on a node pool: run it from a node pool under an AKS Arc cluster in the Azure Local view.');
  const { prompter, log } = deps;
  const cluster = parseResourceId(pool.id).names[0];
  const count = pool.properties?.count;
  const answer = await prompter.ask(
    `Delete node pool "${pool.name}" of cluster "${cluster}"?`,
    { severity: 'warning', modal: true, detail: `Its ${typeof count === 'number' ? `${count} ` : ''}node VMs are removed from Azure Local; workloads on them are evicted.` },
    DELETE_POOL,
  );
  if (answer !== DELETE_POOL) throw new OperationCancelledError();
  const client = deps.session.client;
  const subscriptionId = parseResourceId(pool.id).subscriptionId;
  log(`Delete node pool ${pool.id}`);
  try {
    await prompter.withProgress(`Deleting node pool "${pool.name}"`, async (report, signal) => {
      try {
        await client.runLongRunning('DELETE', pool.id, {
          apiVersion: API_VERSIONS.hybridContainerService,
          signal,
          onStatus: (status) => {
            report(status);
            deps.onChanged(subscriptionId);
          },
        });
      } catch (error) {
        // Already gone is what deleting wants.
        if (!(isRefusal(error) && (error as { status?: number }).status === 404)) throw error;
      }
    });
  } catch (error) {
    const cancelled = isCancellation(error);
    log(cancelled ? 'Deleting the node pool was cancelled.' : `Deleting the node pool failed: ${errorText(error)}`);
    const read = await prompter.withProgress('Checking the node pool in Azure…', (report, signal) =>
      readUntilSettled((s) => getAgentPool(client, pool.id, s), { clock: client.clock, reliability: client.reliability, signal, onRead: report }),
    );
    const statement =
      read.kind === 'absent'
        ? `Node pool "${pool.name}" is deleted.`
        : read.kind === 'present'
          ? `Node pool "${pool.name}" still exists (${read.state ?? 'state unknown'}).`
          : `Whether node pool "${pool.name}" still exists is not known (${read.why}).`;
    log(statement);
    deps.onChanged(subscriptionId);
    if (cancelled) {
      void prompter.ask(`Deleting "${pool.name}" was cancelled; Azure may still finish it. ${statement}`, { severity: 'warning' });
      throw new OperationCancelledError();
    }
    throw new FailureWithOutcome(error, statement);
  }
  deps.onChanged(subscriptionId);
  void prompter.ask(`Deleted node pool "${pool.name}" of cluster "${cluster}".`, { severity: 'info' });
}

import { ArmError } from '../../azure/armError';
import type { ArmClient } from '../../azure/armClient';
import { deleteConnectedCluster } from '../../azure/connectedClusters';
import { OperationCancelledError } from '../../azure/lro';
import { createResourceGroup } from '../../azure/resourceGroups';
import { FailureWithOutcome } from '../../outcome';
import type { Prompter } from '../../wizard/prompter';
import { connectedClusterRequest, provisionedClusterRequest, type ArmRequestSpec } from './bodies';
import type { ClusterSpec } from './clusterSpec';
import { whatExists, type RunProgress } from './outcome';

export interface CreateRunDependencies {
  client: ArmClient;
  prompter: Prompter;
  /** The run's story for the output channel: stages and decisions (requests are logged by the client). */
  log: (line: string) => void;
  /** Something in this subscription changed: the tree re-reads it. */
  onChanged: (subscriptionId: string) => void;
}

export const DELETE_CLUSTER = 'Delete the connected cluster';
export const KEEP_CLUSTER = 'Keep it';

/**
 * Runs the two-step create: the connected cluster, then its AKS Arc instance, each to the end of its long-running
 * operation, under one cancellable progress notification. When step 2 fails or the user cancels after step 1, the
 * user decides whether the connected cluster stays; the final message says exactly what exists in Azure.
 * Resolves on success; rejects with FailureWithOutcome on failure, OperationCancelledError after a cancel.
 */
export async function runCreateCluster(spec: ClusterSpec, newResourceGroupLocation: string | undefined, deps: CreateRunDependencies): Promise<void> {
  const { client, prompter, log } = deps;
  const progress: RunProgress = { spec, newResourceGroup: !!newResourceGroupLocation, resourceGroupCreated: false, connectedClusterAccepted: false, instanceAccepted: false, connectedClusterDeleted: false };
  const steps = [connectedClusterRequest(spec), provisionedClusterRequest(spec)];
  let currentStep = 0;
  log(`Create cluster "${spec.name}" in ${spec.resourceGroup} on ${spec.customLocationId}`);
  try {
    await prompter.withProgress(`Creating AKS Arc cluster "${spec.name}"`, async (report, signal) => {
      if (newResourceGroupLocation) {
        report(`Creating resource group ${spec.resourceGroup}…`);
        await createResourceGroup(client, spec.subscriptionId, spec.resourceGroup, newResourceGroupLocation, signal);
        progress.resourceGroupCreated = true;
        log(`Created resource group ${spec.resourceGroup} (${newResourceGroupLocation})`);
      }
      for (const [index, request] of steps.entries()) {
        await runStep(index, request, (message) => report(message), signal);
      }
    });
  } catch (error) {
    const cancelled = isCancel(error);
    log(cancelled ? 'Cancelled.' : `Failed: ${error instanceof ArmError ? `${error.code}: ${error.message}` : (error as Error).message}`);
    if (progress.connectedClusterAccepted) await offerRollback(error, cancelled);
    const outcome = whatExists(progress);
    log(outcome);
    deps.onChanged(spec.subscriptionId);
    if (cancelled) {
      await prompter.ask(`Creating "${spec.name}" was cancelled. ${outcome}`, { severity: progress.connectedClusterAccepted && !progress.connectedClusterDeleted ? 'warning' : 'info' });
      throw new OperationCancelledError();
    }
    throw new FailureWithOutcome(error, outcome);
  }
  log(`Created AKS Arc cluster "${spec.name}".`);
  deps.onChanged(spec.subscriptionId);
  await prompter.ask(`Created AKS Arc cluster "${spec.name}" (Kubernetes ${spec.kubernetesVersion}) on ${lastSegment(spec.customLocationId)}.`, { severity: 'info' });

  async function runStep(index: number, request: ArmRequestSpec, report: (message: string) => void, signal: AbortSignal): Promise<void> {
    currentStep = index + 1;
    const stage = `Step ${currentStep} of 2: ${request.title}`;
    report(`${stage}…`);
    log(`${stage}: ${request.method} ${request.path}?api-version=${request.apiVersion}`);
    let lastStatus = '';
    await client.runLongRunning(request.method, request.path, {
      apiVersion: request.apiVersion,
      body: request.body,
      signal,
      onAccepted: () => {
        if (index === 0) progress.connectedClusterAccepted = true;
        else progress.instanceAccepted = true;
        // The instance carries the custom location, so from step 2 on the tree can place the cluster.
        if (index === 1) deps.onChanged(spec.subscriptionId);
      },
      onStatus: (status) => {
        report(`${stage}: ${status}`);
        if (status !== lastStatus) {
          log(`${stage}: ${status}`);
          lastStatus = status;
          if (index === 1) deps.onChanged(spec.subscriptionId);
        }
      },
    });
    log(`${stage}: Succeeded`);
  }

  async function offerRollback(error: unknown, cancelled: boolean): Promise<void> {
    const why = cancelled
      ? progress.instanceAccepted
        ? 'You cancelled while the AKS Arc instance was being created; cancelling stops watching, not Azure, so it may still finish.'
        : 'You cancelled after the connected cluster was accepted.'
      : `Step ${currentStep} failed: ${error instanceof ArmError ? `${error.code}: ${error.message}` : (error as Error).message}`;
    const answer = await prompter.ask(
      `The connected cluster "${spec.name}" exists in Azure${progress.instanceAccepted ? '' : ' without an AKS Arc instance'}. Delete it?`,
      { severity: 'warning', modal: true, detail: `${why}\n\nDeleting it also deletes its AKS Arc instance, if any.` },
      DELETE_CLUSTER,
      KEEP_CLUSTER,
    );
    if (answer !== DELETE_CLUSTER) {
      log(`Kept connected cluster ${connectedClusterRequest(spec).path}`);
      return;
    }
    try {
      await prompter.withProgress(`Deleting connected cluster "${spec.name}"`, (report, signal) =>
        deleteConnectedCluster(client, connectedClusterRequest(spec).path, { signal, onStatus: (status) => report(status) }),
      );
      progress.connectedClusterDeleted = true;
      log(`Deleted connected cluster ${connectedClusterRequest(spec).path}`);
    } catch (deleteError) {
      progress.deleteError = isCancel(deleteError) ? 'the deletion was cancelled' : deleteError instanceof ArmError ? `${deleteError.code}: ${deleteError.message}` : (deleteError as Error).message;
      log(`Deleting the connected cluster failed: ${progress.deleteError}`);
    }
  }
}

function isCancel(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'OperationCancelledError' || name === 'AbortError';
}

function lastSegment(id: string): string {
  return id.split('/').pop() ?? id;
}

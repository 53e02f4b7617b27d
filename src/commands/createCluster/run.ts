import { ArmError } from '../../azure/armError';
import type { ArmClient } from '../../azure/armClient';
import { deleteConnectedCluster, getConnectedCluster } from '../../azure/connectedClusters';
import { OperationCancelledError } from '../../azure/lro';
import { deleteProvisionedClusterInstance, getProvisionedClusterInstance } from '../../azure/provisionedClusters';
import { createResourceGroup, resourceGroupExists } from '../../azure/resourceGroups';
import { isCancellationError } from '../../cancellation';
import { errorSummary, FailureWithOutcome } from '../../outcome';
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

/** How long the checks after a cancel or a lost connection may take (the user's signal is already aborted). */
const PROBE_TIMEOUT_MS = 30000;

/**
 * Runs the two-step create: the connected cluster, then its AKS Arc instance, each to the end of its long-running
 * operation, under one cancellable progress notification. Only what this run made counts as made by it: the names are
 * checked again first, and a request whose answer was lost (cancel, network) is followed by a GET. When step 2 fails
 * or the user cancels after step 1, the user decides whether the connected cluster stays; the final message says
 * exactly what exists in Azure. Resolves on success; rejects with FailureWithOutcome on failure,
 * OperationCancelledError after a cancel.
 */
export async function runCreateCluster(spec: ClusterSpec, newResourceGroupLocation: string | undefined, deps: CreateRunDependencies): Promise<void> {
  const { client, prompter, log } = deps;
  const progress: RunProgress = { spec, resourceGroupCreated: false, connectedClusterAccepted: false, instanceAccepted: false, connectedClusterDeleted: false };
  const clusterId = connectedClusterRequest(spec).path;
  const steps = [connectedClusterRequest(spec), provisionedClusterRequest(spec)];
  /** Requests sent whose answer may not have arrived: 'resourceGroup', then step 1, then step 2. */
  const sent = new Set<'resourceGroup' | 1 | 2>();
  let currentStep = 0;
  log(`Create cluster "${spec.name}" in ${spec.resourceGroup} on ${spec.customLocationId}`);
  try {
    await prompter.withProgress(`Creating AKS Arc cluster "${spec.name}"`, async (report, signal) => {
      report('Checking that the names are still free…');
      await ensureStillFree(signal);
      if (newResourceGroupLocation) {
        report(`Creating resource group ${spec.resourceGroup}…`);
        sent.add('resourceGroup');
        await createResourceGroup(client, spec.subscriptionId, spec.resourceGroup, newResourceGroupLocation, signal);
        progress.resourceGroupCreated = true;
        log(`Created resource group ${spec.resourceGroup} (${newResourceGroupLocation})`);
      }
      for (const [index, request] of steps.entries()) {
        await runStep(index, request, (message) => report(message), signal);
      }
    });
  } catch (error) {
    const cancelled = isCancellationError(error);
    log(cancelled ? 'Cancelled.' : `Failed: ${errorSummary(error)}`);
    await findOutWhatWasMade(error);
    if (progress.connectedClusterAccepted) await offerRollback(error, cancelled);
    const outcome = whatExists(progress);
    log(outcome);
    deps.onChanged(spec.subscriptionId);
    if (cancelled) {
      // Not awaited: the message stays up without holding the command open.
      void prompter.ask(`Creating "${spec.name}" was cancelled. ${outcome}`, { severity: progress.connectedClusterAccepted && !progress.connectedClusterDeleted ? 'warning' : 'info' });
      throw new OperationCancelledError();
    }
    throw new FailureWithOutcome(error, outcome);
  }
  log(`Created AKS Arc cluster "${spec.name}".`);
  deps.onChanged(spec.subscriptionId);
  void prompter.ask(`Created AKS Arc cluster "${spec.name}" (Kubernetes ${spec.kubernetesVersion}) on ${lastSegment(spec.customLocationId)}.`, { severity: 'info' });

  /** The review may have sat for a while: a cluster or group made meanwhile must not be taken over (or deleted later). */
  async function ensureStillFree(signal: AbortSignal): Promise<void> {
    if (newResourceGroupLocation && (await resourceGroupExists(client, spec.subscriptionId, spec.resourceGroup, signal))) {
      throw new Error(`Resource group name: "${spec.resourceGroup}" exists now (it did not when you chose it); run the wizard again and pick it.`);
    }
    if (await getConnectedCluster(client, clusterId, signal)) {
      throw new Error(`Cluster name: "${spec.name}" exists now in resource group "${spec.resourceGroup}" (it did not when you chose it); nothing was changed.`);
    }
  }

  async function runStep(index: number, request: ArmRequestSpec, report: (message: string) => void, signal: AbortSignal): Promise<void> {
    currentStep = index + 1;
    const stage = `Step ${currentStep} of 2: ${request.title}`;
    report(`${stage}…`);
    log(`${stage}: ${request.method} ${request.path}?api-version=${request.apiVersion}`);
    let lastStatus = '';
    sent.add(index === 0 ? 1 : 2);
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

  /**
   * A request cancelled or cut off in flight may still have reached Azure. ARM's own refusal (an ArmError) is an
   * answer; anything else is checked with a GET. The names were free before, so what exists now is this run's.
   */
  async function findOutWhatWasMade(error: unknown): Promise<void> {
    if (error instanceof ArmError && error.status) return;
    const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
    try {
      if (sent.has('resourceGroup') && !progress.resourceGroupCreated) {
        progress.resourceGroupCreated = await resourceGroupExists(client, spec.subscriptionId, spec.resourceGroup, signal);
      }
      if (sent.has(1) && !progress.connectedClusterAccepted) progress.connectedClusterAccepted = !!(await getConnectedCluster(client, clusterId, signal));
      if (sent.has(2) && !progress.instanceAccepted) progress.instanceAccepted = !!(await getProvisionedClusterInstance(client, clusterId, signal));
    } catch (probeError) {
      // Unknown is said as unknown, never as "nothing".
      progress.uncertain = `could not be checked (${errorSummary(probeError)})`;
      log(`Checking what exists failed: ${errorSummary(probeError)}`);
    }
  }

  async function offerRollback(error: unknown, cancelled: boolean): Promise<void> {
    const why = cancelled
      ? progress.instanceAccepted
        ? 'You cancelled while the AKS Arc instance was being created; cancelling stops watching, not Azure, so it may still finish.'
        : 'You cancelled after the connected cluster was accepted.'
      : `Step ${currentStep} failed: ${errorSummary(error)}`;
    const answer = await prompter.ask(
      `The connected cluster "${spec.name}" exists in Azure${progress.instanceAccepted ? '' : ' without an AKS Arc instance'}. Delete it?`,
      { severity: 'warning', modal: true, detail: `${why}\n\nDeleting removes its AKS Arc instance first, if any, then the connected cluster.` },
      DELETE_CLUSTER,
      KEEP_CLUSTER,
    );
    if (answer !== DELETE_CLUSTER) {
      log(`Kept connected cluster ${clusterId}`);
      return;
    }
    try {
      await prompter.withProgress(`Deleting "${spec.name}"`, async (report, signal) => {
        // As `az aksarc delete` does: the AKS Arc instance (its VMs on Azure Local) first, then the connected cluster.
        if (progress.instanceAccepted) {
          report('the AKS Arc instance…');
          await deleteProvisionedClusterInstance(client, clusterId, { signal, onStatus: (status) => report(`the AKS Arc instance: ${status}`) });
          progress.instanceDeleted = true;
          log(`Deleted ${clusterId}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`);
        }
        report('the connected cluster…');
        await deleteConnectedCluster(client, clusterId, { signal, onStatus: (status) => report(`the connected cluster: ${status}`) });
      });
      progress.connectedClusterDeleted = true;
      log(`Deleted connected cluster ${clusterId}`);
    } catch (deleteError) {
      progress.deleteError = isCancellationError(deleteError) ? 'the deletion was cancelled' : errorSummary(deleteError);
      log(`Deleting failed: ${progress.deleteError}`);
    }
  }
}

function lastSegment(id: string): string {
  return id.split('/').pop() ?? id;
}

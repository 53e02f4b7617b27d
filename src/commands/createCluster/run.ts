import * as l10n from '@vscode/l10n';
import type { ArmClient } from '../../azure/armClient';
import { isRefusal } from '../../azure/armError';
import { deleteConnectedCluster, getConnectedCluster } from '../../azure/connectedClusters';
import { deleteProvisionedClusterInstance, getProvisionedClusterInstance } from '../../azure/provisionedClusters';
import { createResourceGroup, getResourceGroup, resourceGroupExists } from '../../azure/resourceGroups';
import { readUntilSettled, type Existence } from '../../azure/settle';
import { isCancellation, OperationCancelledError, throwIfCancelled } from '../../cancellation';
import { errorSummary, FailureWithOutcome } from '../../outcome';
import { userShell, type ShellKind } from '../../shellQuote';
import type { Prompter } from '../../wizard/prompter';
import { connectedClusterRequest, provisionedClusterRequest, type ArmRequestSpec } from './bodies';
import type { ClusterSpec } from './clusterSpec';
import { whatExists, type Fact, type RunOutcome } from './outcome';

export interface CreateRunDependencies {
  client: ArmClient;
  prompter: Prompter;
  /** The run's story for the output channel: stages and decisions (requests are logged by the client). */
  log: (line: string) => void;
  /** With the connected cluster's id: the inventory re-reads it from ARM and the tree redraws it. */
  onChanged: (changedResourceId: string) => void;
  /** The shell the final message's commands are quoted for (the platform's by default). */
  shell?: ShellKind;
}

type Part = 'resourceGroup' | 'connectedCluster' | 'instance';

/**
 * Runs the two-step create: the connected cluster, then its AKS Arc instance, each to the end of its long-running
 * operation, under one cancellable progress notification. Only what this run made counts as made by it: the names are
 * checked again first. After a failure or a cancel, every resource whose request was sent and not refused by ARM is
 * read until it settles (see azure/settle.ts): the final message rests on those reads, never on a guess. When the
 * connected cluster exists the user decides whether it stays. Resolves on success; rejects with FailureWithOutcome on
 * failure, OperationCancelledError after a cancel.
 */
export async function runCreateCluster(spec: ClusterSpec, newResourceGroupLocation: string | undefined, deps: CreateRunDependencies): Promise<void> {
  const { client, prompter, log } = deps;
  const clusterId = connectedClusterRequest(spec).path;
  const steps: [Part, ArmRequestSpec][] = [
    ['connectedCluster', connectedClusterRequest(spec)],
    ['instance', provisionedClusterRequest(spec)],
  ];
  /** Requests sent and not refused: their resources may exist, whatever the error says. */
  const sent = new Set<Part>();
  let currentStep = 0;
  log(`Create cluster "${spec.name}" in ${spec.resourceGroup} on ${spec.customLocationId}`);
  try {
    await prompter.withProgress(l10n.t('Creating AKS Arc cluster "{0}"', spec.name), async (report, signal) => {
      report(l10n.t('Checking that the names are still free…'));
      await ensureStillFree(signal);
      if (newResourceGroupLocation) {
        report(l10n.t('Creating resource group {0}…', spec.resourceGroup));
        await attempt('resourceGroup', signal, () => createResourceGroup(client, spec.subscriptionId, spec.resourceGroup, newResourceGroupLocation, signal));
        log(`Created resource group ${spec.resourceGroup} (${newResourceGroupLocation})`);
      }
      for (const [index, [part, request]] of steps.entries()) {
        await runStep(index, part, request, (message) => report(message), signal);
      }
    });
  } catch (error) {
    const cancelled = isCancellation(error);
    log(cancelled ? 'Cancelled.' : `Failed: ${errorSummary(error)}`);
    const outcome = await settledOutcome();
    if (outcome.connectedCluster.kind === 'present') await offerRollback(outcome, error, cancelled);
    const statement = whatExists(outcome);
    log(statement);
    deps.onChanged(clusterId);
    if (cancelled) {
      const left = outcome.connectedCluster.kind === 'present' || outcome.connectedCluster.kind === 'unknown';
      // Not awaited: the message stays up without holding the command open.
      void prompter.ask(l10n.t({ message: 'Creating "{0}" was cancelled. {1}', args: [spec.name, statement], comment: ['{1} says what exists in Azure now.'] }), { severity: left ? 'warning' : 'info' });
      throw new OperationCancelledError();
    }
    throw new FailureWithOutcome(error, statement);
  }
  log(`Created AKS Arc cluster "${spec.name}".`);
  deps.onChanged(clusterId);
  void prompter.ask(
    l10n.t({
      message: 'Created AKS Arc cluster "{0}" (Kubernetes {1}) on {2}.',
      args: [spec.name, spec.kubernetesVersion, lastSegment(spec.customLocationId)],
      comment: ['{1} is the Kubernetes version, {2} the custom location.'],
    }),
    { severity: 'info' },
  );

  /**
   * A request is "sent" from before it leaves until ARM refuses it: a lost answer may hide an accepted one. A request
   * that a cancel stopped before it left was never sent.
   */
  async function attempt<T>(part: Part, signal: AbortSignal, request: () => Promise<T>): Promise<T> {
    throwIfCancelled(signal);
    sent.add(part);
    try {
      return await request();
    } catch (error) {
      if (isRefusal(error)) sent.delete(part);
      throw error;
    }
  }

  /** The review may have sat for a while: a cluster or group made meanwhile must not be taken over (or deleted later). */
  async function ensureStillFree(signal: AbortSignal): Promise<void> {
    if (newResourceGroupLocation && (await resourceGroupExists(client, spec.subscriptionId, spec.resourceGroup, signal))) {
      throw new Error(l10n.t('Resource group name: "{0}" exists now (it did not when you chose it); run the wizard again and pick it.', spec.resourceGroup));
    }
    if (await getConnectedCluster(client, clusterId, signal)) {
      throw new Error(l10n.t('Cluster name: "{0}" exists now in resource group "{1}" (it did not when you chose it); nothing was changed.', spec.name, spec.resourceGroup));
    }
  }

  async function runStep(index: number, part: Part, request: ArmRequestSpec, report: (message: string) => void, signal: AbortSignal): Promise<void> {
    currentStep = index + 1;
    // The log's story stays English; the progress shows the translated stage.
    const stage = `Step ${currentStep} of 2: ${request.title}`;
    const shown = l10n.t({ message: 'Step {0} of 2: {1}', args: [currentStep, request.title], comment: ['{1} is what the request creates, e.g. "connected cluster (Microsoft.Kubernetes)".'] });
    report(`${shown}…`);
    log(`${stage}: ${request.method} ${request.path}?api-version=${request.apiVersion}`);
    let lastStatus = '';
    await attempt(part, signal, () =>
      client.runLongRunning(request.method, request.path, {
        apiVersion: request.apiVersion,
        body: request.body,
        signal,
        // The instance carries the custom location, so from step 2 on the tree can place the cluster.
        onAccepted: () => part === 'instance' && deps.onChanged(clusterId),
        onStatus: (status) => {
          report(`${shown}: ${status}`);
          if (status === lastStatus) return;
          log(`${stage}: ${status}`);
          lastStatus = status;
          if (part === 'instance') deps.onChanged(clusterId);
        },
        onPollFailure: (reason) => log(`${stage}: a status check failed, trying again (${reason})`),
      }),
    );
    log(`${stage}: Succeeded`);
  }

  /** Reads what the run may have made until it settles, under its own progress (cancel = stop waiting). */
  async function settledOutcome(): Promise<RunOutcome> {
    const facts: Partial<Record<Part, Fact>> = {};
    const parts = (['resourceGroup', 'connectedCluster', 'instance'] as const).filter((part) => sent.has(part));
    if (parts.length) {
      await prompter.withProgress(l10n.t('Checking what exists in Azure…'), async (report, signal) => {
        for (const part of parts) facts[part] = await settle(part, report, signal);
      });
    }
    return {
      spec,
      shell: deps.shell ?? userShell(),
      resourceGroup: newResourceGroupLocation ? facts.resourceGroup ?? { kind: 'absent' } : undefined,
      connectedCluster: facts.connectedCluster ?? { kind: 'absent' },
      // The instance is an extension resource of the connected cluster: without the cluster there is none.
      instance: facts.instance ?? { kind: 'absent' },
    };
  }

  function settle(part: Part, report: (message: string) => void, signal: AbortSignal): Promise<Existence> {
    const read = {
      resourceGroup: (s: AbortSignal) => getResourceGroup(client, spec.subscriptionId, spec.resourceGroup, s),
      connectedCluster: (s: AbortSignal) => getConnectedCluster(client, clusterId, s),
      instance: (s: AbortSignal) => getProvisionedClusterInstance(client, clusterId, s),
    }[part];
    const what = { resourceGroup: `resource group ${spec.resourceGroup}`, connectedCluster: 'the connected cluster', instance: 'the AKS Arc instance' }[part];
    const shown = {
      resourceGroup: () => l10n.t('resource group {0}', spec.resourceGroup),
      connectedCluster: () => l10n.t('the connected cluster'),
      instance: () => l10n.t('the AKS Arc instance'),
    }[part]();
    return readUntilSettled(read, {
      clock: client.clock,
      reliability: client.reliability,
      signal,
      onRead: (verdict) => {
        report(`${shown}: ${verdict}`);
        log(`Checking ${what}: ${verdict}`);
      },
    }).then((existence) => {
      log(`Checked ${what}: ${existence.kind === 'unknown' ? `unknown (${existence.why})` : existence.kind}`);
      return existence;
    });
  }

  async function offerRollback(outcome: RunOutcome, error: unknown, cancelled: boolean): Promise<void> {
    const hasInstance = outcome.instance.kind !== 'absent';
    const why = cancelled
      ? hasInstance
        ? l10n.t('You cancelled while the AKS Arc instance was being created; cancelling stops watching, not Azure, so it may still finish.')
        : l10n.t('You cancelled after the connected cluster was accepted.')
      : l10n.t('Step {0} failed: {1}', currentStep, errorSummary(error));
    const deleteIt = l10n.t('Delete the connected cluster');
    const keepIt = l10n.t('Keep it');
    const answer = await prompter.ask(
      hasInstance
        ? l10n.t('The connected cluster "{0}" exists in Azure. Delete it?', spec.name)
        : l10n.t('The connected cluster "{0}" exists in Azure without an AKS Arc instance. Delete it?', spec.name),
      { severity: 'warning', modal: true, detail: `${why}\n\n${l10n.t('Deleting removes its AKS Arc instance first, if any, then the connected cluster.')}` },
      deleteIt,
      keepIt,
    );
    if (answer !== deleteIt) {
      log(`Kept connected cluster ${clusterId}`);
      return;
    }
    try {
      await prompter.withProgress(l10n.t('Deleting "{0}"', spec.name), async (report, signal) => {
        // As `az aksarc delete` does: the AKS Arc instance (its VMs on Azure Local) first, then the connected cluster.
        if (hasInstance) {
          report(l10n.t('the AKS Arc instance…'));
          await deleteProvisionedClusterInstance(client, clusterId, { signal, onStatus: (status) => report(`${l10n.t('the AKS Arc instance')}: ${status}`) });
          outcome.instance = { kind: 'deleted' };
          log(`Deleted ${clusterId}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`);
        }
        report(l10n.t('the connected cluster…'));
        await deleteConnectedCluster(client, clusterId, { signal, onStatus: (status) => report(`${l10n.t('the connected cluster')}: ${status}`) });
      });
      outcome.connectedCluster = { kind: 'deleted' };
      log(`Deleted connected cluster ${clusterId}`);
    } catch (deleteError) {
      const deletionCancelled = isCancellation(deleteError);
      outcome.deleteError = deletionCancelled ? l10n.t('the deletion was cancelled') : errorSummary(deleteError);
      log(`Deleting failed: ${deletionCancelled ? 'the deletion was cancelled' : outcome.deleteError}`);
      // A deletion cut off may have gone through, or be running: read again rather than say what was before.
      await prompter.withProgress(l10n.t('Checking what exists in Azure…'), async (report, signal) => {
        outcome.connectedCluster = await settle('connectedCluster', report, signal);
        outcome.instance = outcome.connectedCluster.kind === 'absent' ? { kind: 'absent' } : await settle('instance', report, signal);
      });
      if (outcome.connectedCluster.kind === 'absent') outcome.connectedCluster = { kind: 'deleted' };
      if (outcome.connectedCluster.kind === 'deleted' && hasInstance) outcome.instance = { kind: 'deleted' };
    }
  }
}

function lastSegment(id: string): string {
  return id.split('/').pop() ?? id;
}

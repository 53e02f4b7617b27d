import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import type { AzureSession } from '../../auth/azureSession';
import { errorText, isRefusal } from '../../azure/armError';
import { clusterRefFromId, type ClusterRef } from '../../azure/clusterRef';
import { deleteConnectedCluster, getConnectedCluster } from '../../azure/connectedClusters';
import { deleteProvisionedClusterInstance, getProvisionedClusterInstance } from '../../azure/provisionedClusters';
import { readUntilSettled } from '../../azure/settle';
import { isCancellation, OperationCancelledError } from '../../cancellation';
import type { ProxyManager } from '../../connect/proxyManager';
import { kubeconfigPathFor } from '../../connect/taskDefinition';
import { FailureWithOutcome } from '../../outcome';
import { settings } from '../../settings';
import { userShell } from '../../shellQuote';
import type { Prompter } from '../../wizard/prompter';
import { pickCluster, type ClusterOrigin } from '../pickCluster';
import { whatRemains, type DeletionFact } from './outcome';

export interface DeleteClusterDependencies {
  session: AzureSession;
  prompter: Prompter;
  proxies: ProxyManager;
  log: (line: string) => void;
  /** With the connected cluster's id: the inventory re-reads it from ARM, the tree redraws it (Deleting while it runs). */
  onChanged: (changedResourceId: string) => void;
}

/**
 * "Delete Cluster…": the user types the cluster's name to confirm (a modal cannot take text), then, as `az aksarc
 * delete` does, the AKS Arc instance (its VMs on Azure Local) is deleted, then the connected cluster, each to the end of
 * its long-running operation, under one cancellable progress. A running proxy of the cluster is stopped first. When
 * it does not finish — a failure, a cancel — both resources are read until they settle and the message says what
 * still exists and how to finish. Its kubeconfig file is removed on request.
 */
export async function deleteCluster(deps: DeleteClusterDependencies, node?: ClusterOrigin): Promise<void> {
  const { prompter, log } = deps;
  const cluster = node?.resource ?? (await pickCluster(deps.session, deps.prompter, l10n.t('Delete Cluster')));
  const ref = clusterRefFromId(cluster.id);
  await prompter.input({
    prompt: l10n.t('Delete the AKS Arc cluster "{0}" (resource group {1}) and its VMs? Type its name to confirm.', ref.name, ref.resourceGroup),
    placeholder: ref.name,
    validate: (value) => (value === ref.name ? undefined : l10n.t('Cluster name: type "{0}" exactly to confirm the deletion.', ref.name)),
  });

  const definition = { subscription: ref.subscriptionId, resourceGroup: ref.resourceGroup, cluster: ref.name };
  const proxy = deps.proxies.get(definition);
  if (proxy) {
    log(`Stopping the proxy of ${ref.name} before deleting it`);
    await deps.proxies.stop(proxy);
  }

  const client = deps.session.client;
  let instance: DeletionFact = { kind: 'unknown', why: l10n.t('not deleted yet') };
  let connected: DeletionFact = { kind: 'unknown', why: l10n.t('not deleted yet') };
  log(`Delete cluster ${ref.connectedClusterId}`);
  try {
    await prompter.withProgress(l10n.t('Deleting AKS Arc cluster "{0}"', ref.name), async (report, signal) => {
      // Each poll also re-reads the tree, so that the row shows Deleting while it runs.
      const onStatus = (what: string) => (status: string) => {
        report(`${what}: ${status}`);
        deps.onChanged(ref.connectedClusterId);
      };
      report(l10n.t('the AKS Arc instance…'));
      await deleteIgnoringAbsent(() => deleteProvisionedClusterInstance(client, ref.connectedClusterId, { signal, onStatus: onStatus(l10n.t('the AKS Arc instance')) }));
      instance = { kind: 'deleted' };
      deps.onChanged(ref.connectedClusterId);
      report(l10n.t('the connected cluster…'));
      await deleteIgnoringAbsent(() => deleteConnectedCluster(client, ref.connectedClusterId, { signal, onStatus: onStatus(l10n.t('the connected cluster')) }));
      connected = { kind: 'deleted' };
    });
  } catch (error) {
    const cancelled = isCancellation(error);
    log(cancelled ? 'Deletion cancelled.' : `Deletion failed: ${errorText(error)}`);
    // Whatever the error says, what exists is read: a delete cut off may have gone through, or still run.
    await prompter.withProgress(l10n.t('Checking what exists in Azure…'), async (report, signal) => {
      const settle = (read: (s: AbortSignal) => Promise<unknown>, what: string) =>
        readUntilSettled(read, { clock: client.clock, reliability: client.reliability, signal, onRead: (verdict) => report(`${what}: ${verdict}`) });
      if (instance.kind !== 'deleted') instance = await settle((s) => getProvisionedClusterInstance(client, ref.connectedClusterId, s), l10n.t('the AKS Arc instance'));
      connected = await settle((s) => getConnectedCluster(client, ref.connectedClusterId, s), l10n.t('the connected cluster'));
      if (connected.kind === 'absent') instance = { kind: 'absent' };
    });
    const statement = whatRemains(ref, connected, instance, userShell());
    log(statement);
    deps.onChanged(ref.connectedClusterId);
    if (cancelled) {
      void prompter.ask(l10n.t({ message: 'Deleting "{0}" was cancelled. {1}', args: [ref.name, statement], comment: ['{1} says what still exists in Azure.'] }), { severity: 'warning' });
      throw new OperationCancelledError();
    }
    throw new FailureWithOutcome(error, statement);
  }
  log(`Deleted ${ref.connectedClusterId}`);
  deps.onChanged(ref.connectedClusterId);
  await offerKubeconfigRemoval(ref, deps);
}

/** A resource already gone is what deleting wants: ARM's 404 (or 204) is success here, not failure. */
async function deleteIgnoringAbsent(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (isRefusal(error) && (error as { status?: number }).status === 404) return;
    throw error;
  }
}

/** The per-cluster kubeconfig holds credentials for a cluster that no longer exists: removed when the user says so. */
async function offerKubeconfigRemoval(ref: ClusterRef, deps: DeleteClusterDependencies): Promise<void> {
  const file = kubeconfigPathFor(settings.kubeconfigFolder(), { subscription: ref.subscriptionId, resourceGroup: ref.resourceGroup, cluster: ref.name });
  if (!fs.existsSync(file)) {
    void deps.prompter.ask(l10n.t('Deleted AKS Arc cluster "{0}".', ref.name), { severity: 'info' });
    return;
  }
  const removeKubeconfig = l10n.t('Remove the kubeconfig file');
  const answer = await deps.prompter.ask(l10n.t('Deleted AKS Arc cluster "{0}". Its kubeconfig {1} is left.', ref.name, file), { severity: 'info' }, removeKubeconfig);
  if (answer !== removeKubeconfig) return;
  await fs.promises.rm(file, { force: true });
  deps.log(`Removed ${file}`);
}

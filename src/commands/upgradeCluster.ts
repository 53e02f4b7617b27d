import { API_VERSIONS } from '../azure/apiVersions';
import { ArmError } from '../azure/armError';
import { clusterRefFromId } from '../azure/clusterRef';
import { isTransitionalState, provisioningStateOf } from '../azure/provisioningState';
import { getProvisionedClusterInstance, getUpgradeProfile, upgradeBody, upgradesOf } from '../azure/provisionedClusters';
import { OperationCancelledError } from '../cancellation';
import { formatKubernetesVersion } from '../text';
import type { ChangeDependencies } from './changeDependencies';
import { reportUnfinished } from './unfinished';
import { pickCluster, type ClusterOrigin } from './pickCluster';

export type UpgradeClusterDependencies = ChangeDependencies;

export const UPGRADE = 'Upgrade';

/**
 * "Upgrade Kubernetes…" (refused up front while the cluster is in an operation): the versions the cluster's upgrade profile offers (previews marked; like Az.AksArc, nothing
 * else is accepted), a confirmation, then a PUT of the instance — its body read fresh just before — with the new
 * version, to the end of its long-running operation under a cancellable progress. If it does not finish, the instance
 * is read until it settles and the message says which version it runs and in which state.
 */
export async function upgradeCluster(deps: UpgradeClusterDependencies, node?: ClusterOrigin): Promise<void> {
  const { prompter, log } = deps;
  const cluster = node?.resource ?? (await pickCluster(deps.session, prompter, 'Upgrade Kubernetes'));
  const ref = clusterRefFromId(cluster.id);
  const client = deps.session.client;
  const [profile, before] = await prompter.withProgress(`Reading the upgrades of "${ref.name}"…`, (_report, signal) =>
    Promise.all([getUpgradeProfile(client, ref.connectedClusterId, signal), getProvisionedClusterInstance(client, ref.connectedClusterId, signal)]),
  );
  // The service refuses a PUT while another operation runs (409): said before anything is asked.
  const state = provisioningStateOf(before);
  if (isTransitionalState(state)) throw new ArmError('OperationInProgress', `Cluster "${ref.name}" is ${state}; it can be upgraded once that operation has finished.`, undefined);
  const current = profile?.properties?.controlPlaneProfile?.kubernetesVersion;
  const target = await prompter.pick({
    placeholder: `Kubernetes version for "${ref.name}" (now ${formatKubernetesVersion(current) ?? 'unknown'})`,
    items: upgradesOf(profile).map((u) => ({ label: formatKubernetesVersion(u.version)!, description: u.isPreview ? 'preview' : undefined, value: u.version })),
    noItemsMessage: `No upgrade is available for "${ref.name}" (Kubernetes ${formatKubernetesVersion(current) ?? 'unknown'}).`,
  });
  const answer = await prompter.ask(
    `Upgrade "${ref.name}" from Kubernetes ${formatKubernetesVersion(current) ?? 'unknown'} to ${formatKubernetesVersion(target)}?`,
    { severity: 'warning', modal: true, detail: 'The control plane and every node pool are upgraded, node by node; workloads move as nodes are replaced. It cannot be undone.' },
    UPGRADE,
  );
  if (answer !== UPGRADE) throw new OperationCancelledError();
  log(`Upgrade ${ref.instanceId} to ${target}`);
  try {
    await prompter.withProgress(`Upgrading "${ref.name}" to Kubernetes ${formatKubernetesVersion(target)}`, async (report, signal) => {
      const instance = await getProvisionedClusterInstance(client, ref.connectedClusterId, signal);
      if (!instance) throw new ArmError('ResourceNotFound', `"${ref.name}" has no AKS Arc instance to upgrade.`, 404);
      await client.runLongRunning('PUT', ref.instanceId, {
        apiVersion: API_VERSIONS.hybridContainerService,
        body: upgradeBody(instance, target),
        signal,
        onStatus: (status) => {
          report(status);
          deps.onChanged(ref.connectedClusterId);
        },
      });
    });
  } catch (error) {
    return reportUnfinished({ ...deps, client, changedResourceId: ref.connectedClusterId }, error, {
      what: `Upgrading "${ref.name}"`,
      check: 'the cluster',
      read: (s) => getProvisionedClusterInstance(client, ref.connectedClusterId, s),
      statement: async (read) => {
        if (read.kind === 'absent') return `"${ref.name}" has no AKS Arc instance any more.`;
        if (read.kind === 'unknown') return `The state of "${ref.name}" is not known (${read.why}).`;
        const now = (await getProvisionedClusterInstance(client, ref.connectedClusterId).catch(() => undefined))?.properties?.kubernetesVersion;
        return `"${ref.name}" runs Kubernetes ${formatKubernetesVersion(now) ?? 'unknown'} (${read.state ?? 'state unknown'}).`;
      },
    });
  }
  deps.onChanged(ref.connectedClusterId);
  void prompter.ask(`Upgraded "${ref.name}" to Kubernetes ${formatKubernetesVersion(target)}.`, { severity: 'info' });
}

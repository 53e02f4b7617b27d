import * as l10n from '@vscode/l10n';
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

/**
 * "Upgrade Kubernetes…" (refused up front while the cluster is in an operation): the versions the cluster's upgrade profile offers (previews marked; like Az.AksArc, nothing
 * else is accepted), a confirmation, then a PUT of the instance — its body read fresh just before — with the new
 * version, to the end of its long-running operation under a cancellable progress. If it does not finish, the instance
 * is read until it settles and the message says which version it runs and in which state.
 */
export async function upgradeCluster(deps: UpgradeClusterDependencies, node?: ClusterOrigin): Promise<void> {
  const { prompter, log } = deps;
  const cluster = node?.resource ?? (await pickCluster(deps.session, prompter, l10n.t('Upgrade Kubernetes')));
  const ref = clusterRefFromId(cluster.id);
  const client = deps.session.client;
  const [profile, before] = await prompter.loading(l10n.t('Reading the upgrades of "{0}"…', ref.name), (signal) =>
    Promise.all([getUpgradeProfile(client, ref.connectedClusterId, signal), getProvisionedClusterInstance(client, ref.connectedClusterId, signal)]),
  );
  // The service refuses a PUT while another operation runs (409): said before anything is asked.
  const state = provisioningStateOf(before);
  if (isTransitionalState(state)) throw new ArmError('OperationInProgress', l10n.t({ message: 'Cluster "{0}" is {1}; it can be upgraded once that operation has finished.', args: [ref.name, `${state}`], comment: '{1} is the provisioning state as Azure names it (Updating, Deleting…)' }), undefined);
  const current = profile?.properties?.controlPlaneProfile?.kubernetesVersion;
  const shownCurrent = formatKubernetesVersion(current) ?? l10n.t('unknown');
  const target = await prompter.pick({
    placeholder: l10n.t({ message: 'Kubernetes version for "{0}" (now {1})', args: [ref.name, shownCurrent], comment: '{1} is the Kubernetes version it runs now' }),
    items: upgradesOf(profile).map((u) => ({ label: formatKubernetesVersion(u.version)!, description: u.isPreview ? l10n.t('preview') : undefined, value: u.version })),
    noItemsMessage: l10n.t('No upgrade is available for "{0}" (Kubernetes {1}).', ref.name, shownCurrent),
  });
  const upgrade = l10n.t('Upgrade');
  const answer = await prompter.ask(
    l10n.t('Upgrade "{0}" from Kubernetes {1} to {2}?', ref.name, shownCurrent, `${formatKubernetesVersion(target)}`),
    { severity: 'warning', modal: true, detail: l10n.t('The control plane and every node pool are upgraded, node by node; workloads move as nodes are replaced. It cannot be undone.') },
    upgrade,
  );
  if (answer !== upgrade) throw new OperationCancelledError();
  log(`Upgrade ${ref.instanceId} to ${target}`);
  try {
    await prompter.withProgress(l10n.t('Upgrading "{0}" to Kubernetes {1}', ref.name, `${formatKubernetesVersion(target)}`), async (report, signal) => {
      const instance = await getProvisionedClusterInstance(client, ref.connectedClusterId, signal);
      if (!instance) throw new ArmError('ResourceNotFound', l10n.t('"{0}" has no AKS Arc instance to upgrade.', ref.name), 404);
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
      what: l10n.t('Upgrading "{0}"', ref.name),
      check: l10n.t('the cluster'),
      read: (s) => getProvisionedClusterInstance(client, ref.connectedClusterId, s),
      statement: async (read) => {
        if (read.kind === 'absent') return l10n.t('"{0}" has no AKS Arc instance any more.', ref.name);
        if (read.kind === 'unknown') return l10n.t('The state of "{0}" is not known ({1}).', ref.name, read.why);
        const now = (await getProvisionedClusterInstance(client, ref.connectedClusterId).catch(() => undefined))?.properties?.kubernetesVersion;
        return l10n.t('"{0}" runs Kubernetes {1} ({2}).', ref.name, formatKubernetesVersion(now) ?? l10n.t('unknown'), read.state ?? l10n.t('state unknown'));
      },
    });
  }
  deps.onChanged(ref.connectedClusterId);
  void prompter.ask(l10n.t('Upgraded "{0}" to Kubernetes {1}.', ref.name, `${formatKubernetesVersion(target)}`), { severity: 'info' });
}

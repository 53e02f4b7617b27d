import * as l10n from '@vscode/l10n';
import { createAgentPool, getAgentPool, listAgentPools, nodeRoom, type NewAgentPool, type NodeRoom } from '../azure/agentPools';
import { ArmError } from '../azure/armError';
import { clusterRefFromId } from '../azure/clusterRef';
import { AKS_ARC_LIMITS } from '../azure/limits';
import { getCatalog, getProvisionedClusterInstance } from '../azure/provisionedClusters';
import type { ChangeDependencies } from './changeDependencies';
import { reportUnfinished } from './unfinished';
import { kubernetesVersionChoices, vmSizeChoices, type KubernetesVersionProperties, type KubernetesVersionReadiness, type VmSkuProperties } from './createCluster/kubernetesVersions';
import { osSkuItems, osTypeOf } from './createCluster/steps/osSkuItems';
import { vmSizeItems } from './createCluster/steps/vmSizeItems';
import { parseNodeCount, validateNodePoolName } from './createCluster/validators';
import { parseNodeLabels, parseNodeTaints, validateAutoscaleMax, validateNodeLabels, validateNodeTaints, validatePoolNodeCount } from './nodePoolInput';
import { pickCluster, type ClusterOrigin } from './pickCluster';

/**
 * "Add Node Pool…": a name (AKS Arc's rule, and not one the cluster has), a VM size from the custom location's catalog,
 * an OS ready for the cluster's Kubernetes version (per the catalog), a node count or autoscaler bounds (within AKS
 * Arc's per-pool and per-cluster limits), and optional labels and taints, each checked as you answer; then the pool's
 * PUT to the end of its long-running operation. As `New-AzAksArcNodepool` does, a cluster that is not Succeeded is
 * refused up front, and so is one with AKS Arc's maximum of node pools. If the PUT does not finish, the pool is read
 * until it settles and the message says whether it exists, in which state, and how to remove it.
 */
export async function addNodePool(deps: ChangeDependencies, node?: ClusterOrigin): Promise<void> {
  const { prompter, log } = deps;
  const ref = clusterRefFromId((node?.resource ?? (await pickCluster(deps.session, prompter, l10n.t('Add Node Pool')))).id);
  const client = deps.session.client;
  const { pools, version, readiness, sizes, state } = await prompter.loading(l10n.t('Reading "{0}"…', ref.name), async (signal) => {
    const [pools, instance] = await Promise.all([listAgentPools(client, ref.connectedClusterId, signal), getProvisionedClusterInstance(client, ref.connectedClusterId, signal)]);
    const customLocationId = instance?.extendedLocation?.name;
    const version = instance?.properties?.kubernetesVersion;
    const [skus, versions] = customLocationId
      ? await Promise.all([getCatalog<VmSkuProperties>(client, customLocationId, 'skus', signal), getCatalog<KubernetesVersionProperties>(client, customLocationId, 'kubernetesVersions', signal)])
      : [undefined, undefined];
    const readiness: KubernetesVersionReadiness[] = (versions && kubernetesVersionChoices(versions).find((c) => c.version === version)?.readiness) || [];
    return { pools, version, readiness, sizes: skus ? vmSizeChoices(skus) : [], state: instance?.properties?.provisioningState };
  });
  if (state !== 'Succeeded') {
    throw new ArmError('ClusterNotReady', l10n.t({
      message: 'Cluster "{0}" is {1}; a node pool can be added once it is Succeeded.',
      args: [ref.name, state ?? l10n.t('in an unknown state')],
      comment: '{1} is the provisioning state as Azure names it (Failed, Updating…), or "in an unknown state"; Succeeded is such a state',
    }), undefined);
  }
  if (pools.length >= AKS_ARC_LIMITS.maxNodePools) {
    throw new ArmError('NodePoolLimit', l10n.t({ message: 'Cluster "{0}" has {1} node pools, AKS Arc\'s maximum ({2}).', args: [ref.name, pools.length, AKS_ARC_LIMITS.source], comment: '{2} is the URL of the documented limits' }), undefined);
  }
  const room = nodeRoom(pools);
  if (room.max < 1) throw new ArmError('NodeLimit', l10n.t('Cluster "{0}" has no room for another node: {1}.', ref.name, `${room.why}`), undefined);
  const taken = new Set(pools.map((p) => p.name.toLowerCase()));
  const name = await prompter.input({
    prompt: l10n.t('Name of the new node pool in "{0}"', ref.name),
    validate: (v) => validateNodePoolName(v) ?? (taken.has(v.toLowerCase()) ? l10n.t('Node pool name: "{0}" already exists in "{1}".', v, ref.name) : undefined),
  });
  const vmSize = await prompter.pick({ placeholder: l10n.t('VM size of the nodes in "{0}"', name), items: vmSizeItems(sizes, undefined), noItemsMessage: l10n.t('The custom location of "{0}" offers no VM sizes.', ref.name) });
  const osSKU = await prompter.pick({ placeholder: l10n.t('Operating system of the nodes in "{0}" (Kubernetes {1})', name, version ?? l10n.t('unknown')), items: osSkuItems(readiness, version, 'CBLMariner') });
  const os = { osType: osTypeOf(osSKU), osSKU };
  const scaling = await prompter.pick({
    placeholder: l10n.t('How many nodes "{0}" has', name),
    items: [
      { label: l10n.t('A fixed number of nodes'), value: 'fixed' as const },
      { label: l10n.t('Autoscale'), description: l10n.t('between a minimum and a maximum, as the workload needs'), value: 'autoscale' as const },
    ],
  });
  const sizing = scaling === 'fixed' ? { count: parseNodeCount(await prompter.input({ prompt: l10n.t('Number of nodes in "{0}"', name), value: '1', validate: (v) => validatePoolNodeCount(v, room) })) } : await autoscaleBounds(prompter, name, room);
  const nodeLabels = parseNodeLabels(await prompter.input({ prompt: l10n.t('Node labels of "{0}" (optional)', name), placeholder: l10n.t({ message: 'key=value, comma-separated; empty for none', comment: 'key=value is the syntax; keep it as it is' }), validate: validateNodeLabels }));
  const nodeTaints = parseNodeTaints(await prompter.input({ prompt: l10n.t('Node taints of "{0}" (optional)', name), placeholder: l10n.t({ message: 'key=value:NoSchedule | PreferNoSchedule | NoExecute, comma-separated; empty for none', comment: 'key=value:NoSchedule | PreferNoSchedule | NoExecute is the syntax; keep it as it is' }), validate: validateNodeTaints }));
  const pool: NewAgentPool = { ...sizing, vmSize, ...os, ...(nodeLabels && { nodeLabels }), ...(nodeTaints && { nodeTaints }) };
  const count = sizing.count;
  const poolId = `${ref.instanceId}/agentPools/${name}`;
  log(`Add node pool ${poolId}: ${JSON.stringify(pool)}`);
  try {
    await prompter.withProgress(l10n.t('Adding node pool "{0}" to "{1}"', name, ref.name), (report, signal) =>
      createAgentPool(client, ref.connectedClusterId, name, pool, {
        signal,
        onStatus: (status) => {
          report(status);
          deps.onChanged(ref.connectedClusterId);
        },
      }),
    );
  } catch (error) {
    return reportUnfinished({ ...deps, client, changedResourceId: ref.connectedClusterId }, error, {
      what: l10n.t('Adding node pool "{0}"', name),
      check: l10n.t('the node pool'),
      read: (s) => getAgentPool(client, poolId, s),
      statement: (read) =>
        read.kind === 'present'
          ? l10n.t('Node pool "{0}" exists ({1}); Delete Node Pool… on it removes it.', name, read.state ?? l10n.t('state unknown'))
          : read.kind === 'absent'
            ? l10n.t('Node pool "{0}" was not created.', name)
            : l10n.t('Whether node pool "{0}" exists is not known ({1}); refresh the cluster to see.', name, read.why),
    });
  }
  deps.onChanged(ref.connectedClusterId);
  const shape = pool.enableAutoScaling ? l10n.t({ message: 'autoscale {0}–{1} × {2}', args: [`${pool.minCount}`, `${pool.maxCount}`, vmSize], comment: 'autoscaled between {0} and {1} nodes of VM size {2}' }) : `${count} × ${vmSize}`;
  void prompter.ask(l10n.t({ message: 'Node pool "{0}" added to "{1}": {2}.', args: [name, ref.name, shape], comment: '{2} is the pool\'s size, e.g. "3 × Standard_A4_v2"' }), { severity: 'info' });
}

/** The autoscaler's bounds; the pool starts at its minimum (AKS sets `count` within the bounds). */
async function autoscaleBounds(prompter: ChangeDependencies['prompter'], name: string, room: NodeRoom) {
  const minCount = parseNodeCount(await prompter.input({ prompt: l10n.t('Fewest nodes the autoscaler keeps in "{0}"', name), value: '1', validate: (v) => validatePoolNodeCount(v, room) }));
  const maxCount = parseNodeCount(await prompter.input({ prompt: l10n.t('Most nodes the autoscaler may add in "{0}"', name), value: String(Math.min(room.max, Math.max(minCount, 3))), validate: (v) => validateAutoscaleMax(v, minCount, room) }));
  return { count: minCount, enableAutoScaling: true as const, minCount, maxCount };
}

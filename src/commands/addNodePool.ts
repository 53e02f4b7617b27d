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
  const ref = clusterRefFromId((node?.resource ?? (await pickCluster(deps.session, prompter, 'Add Node Pool'))).id);
  const client = deps.session.client;
  const { pools, version, readiness, sizes, state } = await prompter.withProgress(`Reading "${ref.name}"…`, async (_report, signal) => {
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
    throw new ArmError('ClusterNotReady', `Cluster "${ref.name}" is ${state ?? 'in an unknown state'}; a node pool can be added once it is Succeeded.`, undefined);
  }
  if (pools.length >= AKS_ARC_LIMITS.maxNodePools) {
    throw new ArmError('NodePoolLimit', `Cluster "${ref.name}" has ${pools.length} node pools, AKS Arc's maximum (${AKS_ARC_LIMITS.source}).`, undefined);
  }
  const room = nodeRoom(pools);
  if (room.max < 1) throw new ArmError('NodeLimit', `Cluster "${ref.name}" has no room for another node: ${room.why}.`, undefined);
  const taken = new Set(pools.map((p) => p.name.toLowerCase()));
  const name = await prompter.input({
    prompt: `Name of the new node pool in "${ref.name}"`,
    validate: (v) => validateNodePoolName(v) ?? (taken.has(v.toLowerCase()) ? `Node pool name: "${v}" already exists in "${ref.name}".` : undefined),
  });
  const vmSize = await prompter.pick({ placeholder: `VM size of the nodes in "${name}"`, items: vmSizeItems(sizes, undefined), noItemsMessage: `The custom location of "${ref.name}" offers no VM sizes.` });
  const osSKU = await prompter.pick({ placeholder: `Operating system of the nodes in "${name}" (Kubernetes ${version ?? 'unknown'})`, items: osSkuItems(readiness, version, 'CBLMariner') });
  const os = { osType: osTypeOf(osSKU), osSKU };
  const scaling = await prompter.pick({
    placeholder: `How many nodes "${name}" has`,
    items: [
      { label: 'A fixed number of nodes', value: 'fixed' as const },
      { label: 'Autoscale', description: 'between a minimum and a maximum, as the workload needs', value: 'autoscale' as const },
    ],
  });
  const sizing = scaling === 'fixed' ? { count: parseNodeCount(await prompter.input({ prompt: `Number of nodes in "${name}"`, value: '1', validate: (v) => validatePoolNodeCount(v, room) })) } : await autoscaleBounds(prompter, name, room);
  const nodeLabels = parseNodeLabels(await prompter.input({ prompt: `Node labels of "${name}" (optional)`, placeholder: 'key=value, comma-separated; empty for none', validate: validateNodeLabels }));
  const nodeTaints = parseNodeTaints(await prompter.input({ prompt: `Node taints of "${name}" (optional)`, placeholder: 'key=value:NoSchedule | PreferNoSchedule | NoExecute, comma-separated; empty for none', validate: validateNodeTaints }));
  const pool: NewAgentPool = { ...sizing, vmSize, ...os, ...(nodeLabels && { nodeLabels }), ...(nodeTaints && { nodeTaints }) };
  const count = sizing.count;
  const poolId = `${ref.instanceId}/agentPools/${name}`;
  log(`Add node pool ${poolId}: ${JSON.stringify(pool)}`);
  try {
    await prompter.withProgress(`Adding node pool "${name}" to "${ref.name}"`, (report, signal) =>
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
      what: `Adding node pool "${name}"`,
      check: 'the node pool',
      read: (s) => getAgentPool(client, poolId, s),
      statement: (read) =>
        read.kind === 'present'
          ? `Node pool "${name}" exists (${read.state ?? 'state unknown'}); Delete Node Pool… on it removes it.`
          : read.kind === 'absent'
            ? `Node pool "${name}" was not created.`
            : `Whether node pool "${name}" exists is not known (${read.why}); refresh the cluster to see.`,
    });
  }
  deps.onChanged(ref.connectedClusterId);
  const shape = pool.enableAutoScaling ? `autoscale ${pool.minCount}–${pool.maxCount} × ${vmSize}` : `${count} × ${vmSize}`;
  void prompter.ask(`Node pool "${name}" added to "${ref.name}": ${shape}.`, { severity: 'info' });
}

/** The autoscaler's bounds; the pool starts at its minimum (AKS sets `count` within the bounds). */
async function autoscaleBounds(prompter: ChangeDependencies['prompter'], name: string, room: NodeRoom) {
  const minCount = parseNodeCount(await prompter.input({ prompt: `Fewest nodes the autoscaler keeps in "${name}"`, value: '1', validate: (v) => validatePoolNodeCount(v, room) }));
  const maxCount = parseNodeCount(await prompter.input({ prompt: `Most nodes the autoscaler may add in "${name}"`, value: String(Math.min(room.max, Math.max(minCount, 3))), validate: (v) => validateAutoscaleMax(v, minCount, room) }));
  return { count: minCount, enableAutoScaling: true as const, minCount, maxCount };
}

import { createAgentPool, getAgentPool, listAgentPools } from '../azure/agentPools';
import { clusterRefFromId } from '../azure/clusterRef';
import { AKS_ARC_LIMITS } from '../azure/limits';
import { getCatalog, getProvisionedClusterInstance } from '../azure/provisionedClusters';
import type { ChangeDependencies } from './changeDependencies';
import { reportUnfinished } from './unfinished';
import { kubernetesVersionChoices, vmSizeChoices, type KubernetesVersionProperties, type KubernetesVersionReadiness, type VmSkuProperties } from './createCluster/kubernetesVersions';
import { osSkuItems, osTypeOf } from './createCluster/steps/osSkuItems';
import { vmSizeItems } from './createCluster/steps/vmSizeItems';
import { parseNodeCount, validateNodeCount, validateNodePoolName } from './createCluster/validators';
import { pickCluster, type ClusterOrigin } from './pickCluster';

/**
 * "Add Node Pool…": a name (AKS Arc's rule, and not one the cluster has), a VM size from the custom location's catalog,
 * an OS ready for the cluster's Kubernetes version (per the catalog) and a node count (1 to AKS Arc's per-pool limit), each checked as you answer; then the pool's PUT to the end
 * of its long-running operation. If it does not finish, the pool is read until it settles and the message says
 * whether it exists, in which state, and how to remove it.
 */
export async function addNodePool(deps: ChangeDependencies, node?: ClusterOrigin): Promise<void> {
  const { prompter, log } = deps;
  const ref = clusterRefFromId((node?.resource ?? (await pickCluster(deps.session, 'Add Node Pool'))).id);
  const client = deps.session.client;
  const { pools, version, readiness, sizes } = await prompter.withProgress(`Reading "${ref.name}"…`, async (_report, signal) => {
    const [pools, instance] = await Promise.all([listAgentPools(client, ref.connectedClusterId, signal), getProvisionedClusterInstance(client, ref.connectedClusterId, signal)]);
    const customLocationId = instance?.extendedLocation?.name;
    const version = instance?.properties?.kubernetesVersion;
    const [skus, versions] = customLocationId
      ? await Promise.all([getCatalog<VmSkuProperties>(client, customLocationId, 'skus', signal), getCatalog<KubernetesVersionProperties>(client, customLocationId, 'kubernetesVersions', signal)])
      : [undefined, undefined];
    const readiness: KubernetesVersionReadiness[] = (versions && kubernetesVersionChoices(versions).find((c) => c.version === version)?.readiness) || [];
    return { pools, version, readiness, sizes: skus ? vmSizeChoices(skus) : [] };
  });
  const taken = new Set(pools.map((p) => p.name.toLowerCase()));
  const name = await prompter.input({
    prompt: `Name of the new node pool in "${ref.name}"`,
    validate: (v) => validateNodePoolName(v) ?? (taken.has(v.toLowerCase()) ? `Node pool name: "${v}" already exists in "${ref.name}".` : undefined),
  });
  const vmSize = await prompter.pick({ placeholder: `VM size of the nodes in "${name}"`, items: vmSizeItems(sizes, undefined), noItemsMessage: `The custom location of "${ref.name}" offers no VM sizes.` });
  const osSKU = await prompter.pick({ placeholder: `Operating system of the nodes in "${name}" (Kubernetes ${version ?? 'unknown'})`, items: osSkuItems(readiness, version, 'CBLMariner') });
  const os = { osType: osTypeOf(osSKU), osSKU };
  const count = parseNodeCount(await prompter.input({ prompt: `Number of nodes in "${name}"`, value: '1', validate: (v) => validateNodeCount(v, AKS_ARC_LIMITS.nodePoolMaxNodes) }));
  const poolId = `${ref.instanceId}/agentPools/${name}`;
  log(`Add node pool ${poolId}: ${count} × ${vmSize}, ${os.osSKU}`);
  try {
    await prompter.withProgress(`Adding node pool "${name}" to "${ref.name}"`, (report, signal) =>
      createAgentPool(client, ref.connectedClusterId, name, { count, vmSize, ...os }, {
        signal,
        onStatus: (status) => {
          report(status);
          deps.onChanged(ref.subscriptionId);
        },
      }),
    );
  } catch (error) {
    return reportUnfinished({ ...deps, client, subscriptionId: ref.subscriptionId }, error, {
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
  deps.onChanged(ref.subscriptionId);
  void prompter.ask(`Node pool "${name}" added to "${ref.name}": ${count} × ${vmSize}.`, { severity: 'info' });
}

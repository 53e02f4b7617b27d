import { createAgentPool, getAgentPool, listAgentPools, type NewAgentPool } from '../azure/agentPools';
import { clusterRefFromId } from '../azure/clusterRef';
import { AKS_ARC_LIMITS } from '../azure/limits';
import { getCatalog, getProvisionedClusterInstance } from '../azure/provisionedClusters';
import type { ChangeDependencies } from './changeDependencies';
import { reportUnfinished } from './unfinished';
import { vmSizeChoices, type VmSkuProperties } from './createCluster/kubernetesVersions';
import { vmSizeItems } from './createCluster/steps/vmSizeItems';
import { parseNodeCount, validateNodeCount, validateNodePoolName } from './createCluster/validators';
import { pickCluster, type ClusterOrigin } from './pickCluster';

const OS_CHOICES: { label: string; value: Pick<NewAgentPool, 'osType' | 'osSKU'> }[] = [
  { label: 'Linux (CBL-Mariner)', value: { osType: 'Linux', osSKU: 'CBLMariner' } },
  { label: 'Windows Server 2022', value: { osType: 'Windows', osSKU: 'Windows2022' } },
  { label: 'Windows Server 2019', value: { osType: 'Windows', osSKU: 'Windows2019' } },
];

/**
 * "Add Node Pool…": a name (AKS Arc's rule, and not one the cluster has), a VM size from the custom location's catalog,
 * an OS and a node count (1 to AKS Arc's per-pool limit), each checked as you answer; then the pool's PUT to the end
 * of its long-running operation. If it does not finish, the pool is read until it settles and the message says
 * whether it exists, in which state, and how to remove it.
 */
export async function addNodePool(deps: ChangeDependencies, node?: ClusterOrigin): Promise<void> {
  const { prompter, log } = deps;
  const ref = clusterRefFromId((node?.resource ?? (await pickCluster(deps.session, 'Add Node Pool'))).id);
  const client = deps.session.client;
  const { pools, sizes } = await prompter.withProgress(`Reading "${ref.name}"…`, async (_report, signal) => {
    const [pools, instance] = await Promise.all([listAgentPools(client, ref.connectedClusterId, signal), getProvisionedClusterInstance(client, ref.connectedClusterId, signal)]);
    const customLocationId = instance?.extendedLocation?.name;
    const catalog = customLocationId ? await getCatalog<VmSkuProperties>(client, customLocationId, 'skus', signal) : undefined;
    return { pools, sizes: catalog ? vmSizeChoices(catalog) : [] };
  });
  const taken = new Set(pools.map((p) => p.name.toLowerCase()));
  const name = await prompter.input({
    prompt: `Name of the new node pool in "${ref.name}"`,
    validate: (v) => validateNodePoolName(v) ?? (taken.has(v.toLowerCase()) ? `Node pool name: "${v}" already exists in "${ref.name}".` : undefined),
  });
  const vmSize = await prompter.pick({ placeholder: `VM size of the nodes in "${name}"`, items: vmSizeItems(sizes, undefined), noItemsMessage: `The custom location of "${ref.name}" offers no VM sizes.` });
  const os = await prompter.pick({ placeholder: `Operating system of the nodes in "${name}"`, items: OS_CHOICES });
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

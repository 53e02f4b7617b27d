import { getAgentPool, listAgentPools, nodeRoom, scaleAgentPool, type AgentPool } from '../azure/agentPools';
import { clusterRefFromId } from '../azure/clusterRef';
import type { ChangeDependencies } from './changeDependencies';
import { pickNodePool } from './pickCluster';
import { reportUnfinished } from './unfinished';
import { parseNodeCount } from './createCluster/validators';
import { validateAutoscaleMax, validatePoolNodeCount } from './nodePoolInput';

export type ScaleNodePoolDependencies = ChangeDependencies;

/**
 * "Scale Node Pool…" on a node pool (or from the palette: a cluster, then its pool): a new node count — or, on an autoscaled pool, new autoscaler bounds (min ≤ max) — each a
 * whole number from 1 to AKS Arc's per-pool limit and within the room the cluster's other pools leave, checked as you type; then the pool's PUT (its body read fresh just
 * before) to the end of its long-running operation under one cancellable progress, the tree re-read as it runs. If
 * it does not finish, the pool is read until it settles and the message says its count and state.
 */
export async function scaleNodePool(deps: ScaleNodePoolDependencies, node?: { resource?: AgentPool }): Promise<void> {
  const { prompter, log } = deps;
  const pool = node?.resource ?? (await pickNodePool(deps.session, prompter, 'Scale Node Pool'));
  const ref = clusterRefFromId(pool.id);
  const client = deps.session.client;
  const room = nodeRoom(await prompter.withProgress(`Reading the node pools of "${ref.name}"…`, (_report, signal) => listAgentPools(client, ref.connectedClusterId, signal)), pool.name);
  const p = pool.properties ?? {};
  let change: { count: number } | { minCount: number; maxCount: number };
  if (p.enableAutoScaling) {
    const minCount = parseNodeCount(await prompter.input({ prompt: `Fewest nodes the autoscaler keeps in "${pool.name}"`, value: String(p.minCount ?? 1), validate: (v) => validatePoolNodeCount(v, room) }));
    const maxCount = parseNodeCount(
      await prompter.input({
        prompt: `Most nodes the autoscaler may add in "${pool.name}"`,
        value: String(Math.max(p.maxCount ?? minCount, minCount)),
        validate: (v) => validateAutoscaleMax(v, minCount, room),
      }),
    );
    change = { minCount, maxCount };
  } else {
    change = { count: parseNodeCount(await prompter.input({ prompt: `Number of nodes in "${pool.name}" (now ${p.count ?? '?'})`, value: String(p.count ?? 1), validate: (v) => validatePoolNodeCount(v, room) })) };
  }
  const what = 'count' in change ? `${change.count} nodes` : `autoscale ${change.minCount}–${change.maxCount}`;
  log(`Scale node pool ${pool.id} to ${what}`);
  try {
    await prompter.withProgress(`Scaling node pool "${pool.name}" to ${what}`, (report, signal) =>
      scaleAgentPool(client, pool.id, change, {
        signal,
        onStatus: (status) => {
          report(status);
          deps.onChanged(pool.id);
        },
      }),
    );
  } catch (error) {
    return reportUnfinished({ ...deps, client, changedResourceId: pool.id }, error, {
      what: `Scaling node pool "${pool.name}"`,
      check: 'the node pool',
      read: (s) => getAgentPool(client, pool.id, s),
      statement: async (read) =>
        read.kind === 'present'
          ? `Node pool "${pool.name}" has ${await countOf(deps, pool)} (${read.state ?? 'state unknown'}).`
          : read.kind === 'absent'
            ? `Node pool "${pool.name}" does not exist any more.`
            : `The state of node pool "${pool.name}" is not known (${read.why}).`,
    });
  }
  deps.onChanged(pool.id);
  void prompter.ask(`Node pool "${pool.name}" scaled to ${what}.`, { severity: 'info' });
}

async function countOf(deps: ScaleNodePoolDependencies, pool: AgentPool): Promise<string> {
  const now = await getAgentPool(deps.session.client, pool.id).catch(() => undefined);
  const count = now?.properties?.count;
  return typeof count === 'number' ? `${count} ${count === 1 ? 'node' : 'nodes'}` : 'an unknown node count';
}

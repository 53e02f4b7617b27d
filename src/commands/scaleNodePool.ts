import * as l10n from '@vscode/l10n';
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
  const pool = node?.resource ?? (await pickNodePool(deps.session, prompter, l10n.t('Scale Node Pool')));
  const ref = clusterRefFromId(pool.id);
  const client = deps.session.client;
  const room = nodeRoom(await prompter.loading(l10n.t('Reading the node pools of "{0}"…', ref.name), (signal) => listAgentPools(client, ref.connectedClusterId, signal)), pool.name);
  const p = pool.properties ?? {};
  let change: { count: number } | { minCount: number; maxCount: number };
  if (p.enableAutoScaling) {
    const minCount = parseNodeCount(await prompter.input({ prompt: l10n.t('Fewest nodes the autoscaler keeps in "{0}"', pool.name), value: String(p.minCount ?? 1), validate: (v) => validatePoolNodeCount(v, room) }));
    const maxCount = parseNodeCount(
      await prompter.input({
        prompt: l10n.t('Most nodes the autoscaler may add in "{0}"', pool.name),
        value: String(Math.max(p.maxCount ?? minCount, minCount)),
        validate: (v) => validateAutoscaleMax(v, minCount, room),
      }),
    );
    change = { minCount, maxCount };
  } else {
    change = { count: parseNodeCount(await prompter.input({ prompt: l10n.t({ message: 'Number of nodes in "{0}" (now {1})', args: [pool.name, `${p.count ?? '?'}`], comment: '{1} is the current node count' }), value: String(p.count ?? 1), validate: (v) => validatePoolNodeCount(v, room) })) };
  }
  // The log keeps English; the user reads `what` in their language.
  log(`Scale node pool ${pool.id} to ${'count' in change ? `${change.count} nodes` : `autoscale ${change.minCount}–${change.maxCount}`}`);
  const what = 'count' in change ? l10n.t('{0} nodes', change.count) : l10n.t({ message: 'autoscale {0}–{1}', args: [change.minCount, change.maxCount], comment: 'The node pool autoscales between {0} and {1} nodes' });
  try {
    await prompter.withProgress(l10n.t('Scaling node pool "{0}" to {1}', pool.name, what), (report, signal) =>
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
      what: l10n.t('Scaling node pool "{0}"', pool.name),
      check: l10n.t('the node pool'),
      read: (s) => getAgentPool(client, pool.id, s),
      statement: async (read) =>
        read.kind === 'present'
          ? l10n.t({ message: 'Node pool "{0}" has {1} ({2}).', args: [pool.name, await countOf(deps, pool), read.state ?? l10n.t('state unknown')], comment: '{1} is a node count ("3 nodes"), {2} the provisioning state' })
          : read.kind === 'absent'
            ? l10n.t('Node pool "{0}" does not exist any more.', pool.name)
            : l10n.t('The state of node pool "{0}" is not known ({1}).', pool.name, read.why),
    });
  }
  deps.onChanged(pool.id);
  void prompter.ask(l10n.t('Node pool "{0}" scaled to {1}.', pool.name, what), { severity: 'info' });
}

async function countOf(deps: ScaleNodePoolDependencies, pool: AgentPool): Promise<string> {
  const now = await getAgentPool(deps.session.client, pool.id).catch(() => undefined);
  const count = now?.properties?.count;
  return typeof count === 'number' ? `${count} ${count === 1 ? l10n.t('node') : l10n.t('nodes')}` : l10n.t('an unknown node count');
}

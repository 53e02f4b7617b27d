#!/usr/bin/env node
// Benchmark (measures; not a test): the extension's own inventory code (out/src/azure/inventory.js, what the tree, the
// cluster picker and the task provider call) against the ARM emulator in worlds of S subscriptions × 50 resources
// (2 custom locations, 20 logical networks, 28 AKS Arc clusters each), with a fixed latency added to every request.
// Both paths run: Resource Graph, and each subscription's own ARM lists (what runs where Resource Graph is not there).
// A latency unit is wall time ÷ the added latency. Prints, per S:
//   inventory S=<S> R=50: graph <n> requests <u> units | per-subscription <n> requests <u> units | <r>x
//   tree S=<S> R=50: graph … | per-subscription … | <r>x; instances from <source>
//   picker S=<S>: graph <n> requests <u> units | per-subscription <n> requests <u> units
// then `activation: <ms> ms, <kb> KB of bundle evaluated` (require + activate of dist/extension.js with a stub vscode).
// usage: npm run compile && npm run build:prod && npm run bench:tree      (BENCH_LATENCY_MS, default 50; BENCH_S="1 10 50 200")
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureActivation } from './activation.mjs';

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = (p) => require(path.join(REPO, 'out', p));
const { startEmulator } = out('test/emulator/index.js');
const { customLocation, logicalNetwork, connectedClusterResource, provisionedClusterResource } = out('test/emulator/world.js');
const { createArmClient } = out('src/azure/armClient.js');
const { resolveCloud } = out('src/auth/clouds.js');
const { Inventory, INSTANCE_READS_PER_SUBSCRIPTION, INSTANCE_READS_AT_ONCE } = out('src/azure/inventory.js');
const { checkResources } = out('src/azure/shapes.js');

const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 50);
const SIZES = (process.env.BENCH_S ?? '1 10 50 200').split(/\s+/).map(Number);

function buildWorld(world, S) {
  world.reset('empty');
  for (let s = 0; s < S; s++) {
    const sub = `00000000-0000-4000-8000-${String(s).padStart(12, '0')}`;
    world.addSubscription(sub, `Subscription ${String(s).padStart(3, '0')}`);
    const rg = 'rg-hci';
    world.putResourceGroup(sub, rg, 'eastus');
    const locations = [0, 1].map((i) => world.put(customLocation(sub, rg, `site-${i}`, `Site ${i}`, `site-${i}-bridge`)));
    for (let n = 0; n < 20; n++) {
      world.put(logicalNetwork({ sub, rg, name: `lnet-${n}`, customLocationName: `site-${n % 2}`, prefix: `10.${n}.0.0/24`, vlan: 100 + n, method: 'Static', switchName: 'ConvergedSwitch', gateway: `10.${n}.0.1`, dns: [`10.${n}.0.2`], vmPool: [`10.${n}.0.100`, `10.${n}.0.199`] }));
    }
    for (let c = 0; c < 28; c++) {
      const id = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Kubernetes/connectedClusters/aks-${c}`;
      world.put(connectedClusterResource(id, 'eastus', { provisioningState: 'Succeeded', connectivityStatus: 'Connected', kubernetesVersion: '1.29.4', distribution: 'AKS', infrastructure: 'azure_stack_hci' }, { kind: 'ProvisionedCluster' }));
      world.put(provisionedClusterResource(id, locations[c % 2].id, { controlPlane: { count: 1, vmSize: 'Standard_A4_v2' }, kubernetesVersion: '1.29.4', agentPoolProfiles: [{ name: 'nodepool1', count: 1, vmSize: 'Standard_A2_v2', osType: 'Linux', osSKU: 'CBLMariner' }] }));
    }
  }
}

/** One measurement: a fresh inventory (nothing cached), the requests the emulator saw and the wall time in units. */
async function measure(emulator, graph, run) {
  const client = createArmClient({ cloud: resolveCloud({ resourceManagerEndpointOverride: emulator.url }), userAgent: 'azure-local-tools/bench' });
  const inventory = new Inventory(() => client);
  if (!graph) inventory.source = 'per-subscription lists';
  emulator.requests.length = 0;
  const started = performance.now();
  const detail = await run(inventory);
  const ms = performance.now() - started;
  return { requests: emulator.requests.length, units: ms / LATENCY, detail, source: inventory.source };
}

/** What the first levels of the tree, the picker and the tasks need: every subscription's lists. */
const inventoryRun = async (inventory) => {
  const shown = await inventory.shownSubscriptions();
  await Promise.all(shown.map((s) => inventory.subscription(s.subscriptionId)));
};

/** Every subscription expanded, as SubscriptionNode loads it: the lists, then the clusters' instances. */
const treeRun = async (inventory) => {
  const shown = await inventory.shownSubscriptions();
  const counts = await Promise.all(
    shown.map(async (s) => {
      const read = await inventory.subscription(s.subscriptionId);
      const clusters = checkResources('AKS Arc cluster', read.clusters).items;
      const withInstances = await inventory.withInstances(clusters);
      return withInstances.filter((c) => !('error' in c.read) && c.read.instance).length;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
};

/** The palette's cluster picker with nothing loaded before. */
const pickerRun = async (inventory) => {
  await inventory.shownSubscriptions();
  return (await inventory.clusters()).reduce((n, s) => n + s.clusters.length, 0);
};

const fmt = (m) => `${m.requests} requests ${m.units.toFixed(1)} units`;

async function main() {
  const emulator = await startEmulator({ world: 'empty', latencyMs: LATENCY, pageSize: 100 });
  emulator.config.graphQuota = 1000;
  try {
    // Warm-up (module loading, JIT, sockets), not reported.
    buildWorld(emulator.world, 2);
    await measure(emulator, true, treeRun);
    await measure(emulator, false, treeRun);
    for (const S of SIZES) {
      buildWorld(emulator.world, S);
      const gi = await measure(emulator, true, inventoryRun);
      const pi = await measure(emulator, false, inventoryRun);
      console.log(`inventory S=${S} R=50: graph ${fmt(gi)} | per-subscription ${fmt(pi)} | ${(pi.units / gi.units).toFixed(1)}x`);
      const gt = await measure(emulator, true, treeRun);
      const pt = await measure(emulator, false, treeRun);
      if (gt.detail !== S * 28 || pt.detail !== S * 28) throw new Error(`tree read ${gt.detail} / ${pt.detail} instances, not ${S * 28}`);
      console.log(`tree S=${S} R=50: graph ${fmt(gt)} | per-subscription ${fmt(pt)} | ${(pt.units / gt.units).toFixed(1)}x; instances from ARM (${INSTANCE_READS_PER_SUBSCRIPTION} per subscription, ${INSTANCE_READS_AT_ONCE} at once)`);
      const gp = await measure(emulator, true, pickerRun);
      const pp = await measure(emulator, false, pickerRun);
      if (gp.detail !== S * 28 || pp.detail !== S * 28) throw new Error(`picker listed ${gp.detail} / ${pp.detail} clusters, not ${S * 28}`);
      console.log(`picker S=${S}: graph ${fmt(gp)} | per-subscription ${fmt(pp)}`);
    }
  } finally {
    await emulator.close();
  }
}

await main();
const activation = measureActivation(REPO);
console.log(`activation: ${activation.ms.toFixed(1)} ms, ${activation.kb.toFixed(0)} KB of bundle evaluated (${activation.files.join(', ')})`);

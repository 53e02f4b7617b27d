// Node pools in the real extension host: read from agentPools, scaled from the tree with the count checked as you type.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/treeNode';
import { answer, input, pick, ScriptedPrompter, type Answer } from './scriptedPrompter';
import { armRequests, child, children, control, description, emulatorUrl, extensionApi, instanceReadsAs, prodCluster, freshWorldEachTest } from './helpers';
import { DEV_TOKEN } from '../../src/auth/loopback';

const PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const FAST = { pollMinDelayMs: 10, pollDefaultDelayMs: 10, retryBaseDelayMs: 10, settleSpacingMs: 20, settleWindowMs: 2000 };
const POOL = `/subscriptions/${PROD}/resourceGroups/rg-hci-seattle/providers/Microsoft.Kubernetes/connectedClusters/aks-seattle-prod01/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default/agentPools/nodepool1`;
const COUNT_RULE = "Node count: a whole number from 1 to 64 (AKS Arc's limit, https://learn.microsoft.com/azure/aks/aksarc/scale-requirements).";
let api: AzureLocalApi;

async function poolNode(): Promise<TreeNode> {
  const cluster = await prodCluster(api);
  return child(await child(await children(cluster), 'Node pools'), 'nodepool1');
}

async function poolStatus(pool = POOL): Promise<number> {
  return (await fetch(`${emulatorUrl()}${pool}?api-version=2024-01-01`, { headers: { authorization: `Bearer ${DEV_TOKEN}` } })).status;
}

async function poolInAzure(): Promise<{ properties: { count: number; provisioningState: string } }> {
  const response = await fetch(`${emulatorUrl()}${POOL}?api-version=2024-01-01`, { headers: { authorization: `Bearer ${DEV_TOKEN}` } });
  assert.strictEqual(response.status, 200);
  return (await response.json()) as never;
}

async function deletePool(script: Answer[]): Promise<ScriptedPrompter> {
  const prompter = new ScriptedPrompter(script);
  api.setTestOverrides({ prompter, reliability: FAST });
  await vscode.commands.executeCommand('azureLocal.deleteNodePool', await poolNode());
  return prompter;
}

async function scale(script: Answer[]): Promise<ScriptedPrompter> {
  const prompter = new ScriptedPrompter(script);
  api.setTestOverrides({ prompter, reliability: FAST });
  await vscode.commands.executeCommand('azureLocal.scaleNodePool', await poolNode());
  return prompter;
}

suite('node pools', () => {
  suiteSetup(async () => {
    api = await extensionApi();
  });
  freshWorldEachTest(() => api, { refreshTree: true });

  test('a cluster\'s node pools come from agentPools, with count, size and OS', async () => {
    assert.strictEqual(description(await poolNode()), '2 × Standard_A4_v2 · Linux CBLMariner');
  });

  test('Scale…: a count over the limit is refused as you type; the PUT carries a body read fresh, without what the service owns', async () => {
    const prompter = await scale([input('65', COUNT_RULE), input('0', COUNT_RULE), input('5')]);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Succeeded', api.shownErrors.join('\n'));
    const put = (await armRequests()).find((r) => r.method === 'PUT' && r.url.includes('/agentPools/nodepool1'));
    assert.ok(put, 'a PUT of the pool');
    assert.strictEqual(put.body.properties.count, 5);
    for (const readOnly of ['provisioningState', 'status', 'kubernetesVersion']) assert.ok(!(readOnly in put.body.properties), `${readOnly} stripped`);
    assert.strictEqual(put.body.properties.vmSize, 'Standard_A4_v2', 'the rest of the pool kept');
    assert.strictEqual((await poolInAzure()).properties.count, 5);
    assert.ok(prompter.messages.some((m) => m.message === 'Node pool "nodepool1" scaled to 5 nodes.'));
    let shown = '';
    for (let i = 0; i < 50 && !shown.startsWith('5 ×'); i++) {
      shown = description(await poolNode());
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(shown, /^5 × Standard_A4_v2/);
  });

  test('scaling that fails in Azure: ARM\'s error, and the pool read afterwards', async () => {
    await control('faults', 'POST', { method: 'PUT', path: 'agentPools/nodepool1$', lroOutcome: 'Failed', error: { code: 'InsufficientCapacity', message: 'not enough memory on the hosts' } });
    await scale([input('6')]);
    assert.match(api.shownErrors[api.shownErrors.length - 1], /^InsufficientCapacity: not enough memory on the hosts Node pool "nodepool1" has 6 nodes \(Failed\)\.$/);
    assert.strictEqual((await poolInAzure()).properties.provisioningState, 'Failed');
  });

  test('Delete Node Pool…: dismissed, nothing is deleted; confirmed, the pool is gone from Azure and from the tree', async () => {
    await deletePool([answer(undefined)]);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Canceled');
    assert.strictEqual(await poolStatus(), 200);
    const prompter = await deletePool([answer('Delete Node Pool')]);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Succeeded', api.shownErrors.join('\n'));
    const question = prompter.messages.find((m) => m.modal)!;
    assert.strictEqual(question.message, 'Delete node pool "nodepool1" of cluster "aks-seattle-prod01"?');
    assert.match(question.detail ?? '', /Its 2 node VMs are removed/);
    assert.strictEqual(await poolStatus(), 404);
    const cluster = await prodCluster(api);
    let pools: string[] = ['nodepool1'];
    for (let i = 0; i < 50 && pools.includes('nodepool1'); i++) {
      pools = (await children(await child(await children(cluster), 'Node pools'))).map((n) => String(n.getTreeItem().label));
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(!pools.includes('nodepool1'), pools.join(', '));
  });

  test('Add Node Pool…: a bad or taken name, count, label or taint is refused as you type; the PUT carries count, size, OS, labels and taints; the pool is in Azure and the tree', async () => {
    const cluster = await prodCluster(api);
    const prompter = new ScriptedPrompter([
      input('Pool_2', 'Node pool name: 3 to 12 characters, lowercase letters and digits, starting with a letter.'),
      input('nodepool1', 'Node pool name: "nodepool1" already exists in "aks-seattle-prod01".'),
      input('gpu2'),
      pick(/^Standard_A4_v2$/),
      pick(/Windows Server 2022/),
      pick(/^A fixed number of nodes$/),
      input('65', COUNT_RULE),
      input('3'),
      input('bad key=x', 'Node labels: the key "bad key" must be 1 to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.'),
      input('env=dev,env=prod', 'Node labels: "env" is given twice.'),
      input('env=dev, example.com/tier=web'),
      input('gpu=true', 'Node taints: "gpu=true" has no effect (key=value:NoSchedule | PreferNoSchedule | NoExecute).'),
      input('gpu=true:Evict', 'Node taints: the effect of "gpu=true:Evict" must be NoSchedule, PreferNoSchedule, NoExecute.'),
      input('gpu=true:NoSchedule'),
    ]);
    api.setTestOverrides({ prompter, reliability: FAST });
    await vscode.commands.executeCommand('azureLocal.addNodePool', cluster);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Succeeded', api.shownErrors.join('\n'));
    const osPick = prompter.picks.find((p) => p.placeholder.startsWith('Operating system'))!;
    assert.strictEqual(osPick.placeholder, 'Operating system of the nodes in "gpu2" (Kubernetes 1.29.4)');
    assert.deepStrictEqual(osPick.items.map((i) => i.disabledReason), [undefined, undefined, undefined], 'all three OS images are ready for 1.29.4 in the demo catalog');
    const put = (await armRequests()).find((r) => r.method === 'PUT' && r.url.includes('/agentPools/gpu2'));
    assert.ok(put, 'a PUT of the new pool');
    assert.deepStrictEqual(put.body, {
      properties: { count: 3, vmSize: 'Standard_A4_v2', osType: 'Windows', osSKU: 'Windows2022', nodeLabels: { env: 'dev', 'example.com/tier': 'web' }, nodeTaints: ['gpu=true:NoSchedule'] },
    });
    assert.strictEqual(await poolStatus(POOL.replace(/nodepool1$/, 'gpu2')), 200);
    let shown = '';
    for (let i = 0; i < 50 && !shown.startsWith('3 ×'); i++) {
      const pools = await children(await child(await children(cluster), 'Node pools'));
      shown = pools.some((n) => n.getTreeItem().label === 'gpu2') ? description(await child(await child(await children(cluster), 'Node pools'), 'gpu2')) : '';
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(shown, /^3 × Standard_A4_v2 · Windows/);
  });

  test('adding a pool that fails in Azure: ARM\'s error, and whether it exists, read afterwards, with how to remove it', async () => {
    await control('faults', 'POST', { method: 'PUT', path: 'agentPools/gpu2$', lroOutcome: 'Failed', error: { code: 'InsufficientCapacity', message: 'no host fits Standard_A4_v2' } });
    const cluster = await prodCluster(api);
    api.setTestOverrides({ prompter: new ScriptedPrompter([input('gpu2'), pick(/^Standard_A4_v2$/), pick(/Linux/), pick(/^A fixed/), input('1'), input(''), input('')]), reliability: FAST });
    await vscode.commands.executeCommand('azureLocal.addNodePool', cluster);
    assert.match(api.shownErrors[api.shownErrors.length - 1], /^InsufficientCapacity: no host fits Standard_A4_v2 Node pool "gpu2" exists \(Failed\); Delete Node Pool… on it removes it\.$/);
  });

  test('Add Node Pool… with the autoscaler: a maximum under the minimum is refused; the PUT carries the bounds, no labels or taints; the tree shows them', async () => {
    const cluster = await prodCluster(api);
    api.setTestOverrides({
      prompter: new ScriptedPrompter([
        input('auto3'),
        pick(/^Standard_A4_v2$/),
        pick(/Linux/),
        pick(/^Autoscale$/),
        input('2'),
        input('1', 'Node count: the maximum must be at least the minimum (2).'),
        input('65', COUNT_RULE),
        input('5'),
        input(''),
        input(''),
      ]),
      reliability: FAST,
    });
    await vscode.commands.executeCommand('azureLocal.addNodePool', cluster);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Succeeded', api.shownErrors.join('\n'));
    const put = (await armRequests()).find((r) => r.method === 'PUT' && r.url.includes('/agentPools/auto3'));
    assert.deepStrictEqual(put?.body, { properties: { count: 2, enableAutoScaling: true, minCount: 2, maxCount: 5, vmSize: 'Standard_A4_v2', osType: 'Linux', osSKU: 'CBLMariner' } });
    let shown = '';
    for (let i = 0; i < 50 && !shown.includes('autoscale 2–5'); i++) {
      const pools = await children(await child(await children(cluster), 'Node pools'));
      const pool = pools.find((n) => n.getTreeItem().label === 'auto3');
      shown = pool ? description(pool) : '';
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(shown, /autoscale 2–5/);
  });

  test('Add Node Pool… on a cluster that is not Succeeded is refused before any question, as New-AzAksArcNodepool does', async () => {
    await instanceReadsAs(POOL.replace(/\/agentPools\/nodepool1$/, ''), 'Updating');
    const prompter = new ScriptedPrompter([]);
    api.setTestOverrides({ prompter, reliability: FAST });
    await vscode.commands.executeCommand('azureLocal.addNodePool', await prodCluster(api));
    assert.strictEqual(api.shownErrors[api.shownErrors.length - 1], 'ClusterNotReady: Cluster "aks-seattle-prod01" is Updating; a node pool can be added once it is Succeeded.');
    assert.strictEqual(prompter.picks.length, 0, 'nothing was asked');
    assert.ok(!(await armRequests()).some((r) => r.method === 'PUT'), 'nothing was sent');
  });

  test('from the palette: Scale Node Pool… asks for the cluster, then its pool, then the count', async () => {
    const prompter = new ScriptedPrompter([pick(/^aks-seattle-prod01$/), pick(/^nodepool1$/), input('4')]);
    api.setTestOverrides({ prompter, reliability: FAST });
    await vscode.commands.executeCommand('azureLocal.scaleNodePool');
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Succeeded', api.shownErrors.join('\n'));
    assert.deepStrictEqual(prompter.picks.map((p) => p.placeholder), ['Scale Node Pool: AKS Arc cluster', 'Scale Node Pool: node pool of "aks-seattle-prod01"']);
    assert.strictEqual((await poolInAzure()).properties.count, 4);
  });
});

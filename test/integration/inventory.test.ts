// The shared inventory in the real extension host: one Resource Graph query for the tree's lists, instances from ARM,
// the picker and the task provider reading what the tree read, the per-subscription fallback where Resource Graph is
// not there, and a write patched in from ARM while Resource Graph still lags behind it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import { DEV_TOKEN } from '../../src/auth/loopback';
import { input, ScriptedPrompter } from './scriptedPrompter';
import { armRequests, child, children, control, emulatorUrl, extensionApi, label, resetWorld, roots } from './helpers';

const PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const FAST = { pollMinDelayMs: 10, pollDefaultDelayMs: 10, retryBaseDelayMs: 10, settleSpacingMs: 20, settleWindowMs: 2000 };
const PROD_CLUSTER = `/subscriptions/${PROD}/resourceGroups/rg-hci-seattle/providers/Microsoft.Kubernetes/connectedClusters/aks-seattle-prod01`;
const LISTS = /\/providers\/Microsoft\.(ExtendedLocation\/customLocations|AzureStackHCI\/logicalNetworks|Kubernetes\/connectedClusters)\?/i;
let api: AzureLocalApi;

const path = (url: string) => url.replace(emulatorUrl(), '');

/** Every row under both subscriptions, two levels deep (what a user sees with everything expanded). */
async function loadEverything(): Promise<string[]> {
  const rows: string[] = [];
  for (const subscription of await roots(api, 2)) {
    for (const location of await children(subscription)) {
      for (const group of await children(location)) rows.push(...(await children(group)).map((n) => `${label(location)}/${label(n)}`));
    }
  }
  return rows;
}

async function clustersUnder(location: string): Promise<string[]> {
  const seattle = await child(await child(await roots(api), 'Contoso Edge Production'), location);
  return (await children(await child(seattle, 'AKS Arc clusters'))).map(label);
}

suite('inventory', () => {
  suiteSetup(async () => {
    api = await extensionApi();
  });
  setup(async () => {
    await resetWorld(api);
    await control('requests', 'DELETE');
  });
  teardown(async () => {
    await control('faults', 'DELETE');
    api.setTestOverrides(undefined);
    await resetWorld(api);
  });

  test('the tree\'s lists come from one Resource Graph query over both subscriptions; instances from ARM; no per-subscription list', async () => {
    const rows = await loadEverything();
    assert.ok(rows.includes('seattle-hci/aks-seattle-prod01'), rows.join('\n'));
    const requests = await armRequests();
    const graph = requests.filter((r) => r.method === 'POST' && r.url.includes('/providers/Microsoft.ResourceGraph/resources'));
    assert.strictEqual(graph.length, 1, requests.map((r) => `${r.method} ${path(r.url)}`).join('\n'));
    assert.deepStrictEqual([...graph[0].body.subscriptions].sort(), [PROD, '9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f02'].sort());
    assert.match(graph[0].body.query, /kind =~ 'ProvisionedCluster'/);
    assert.deepStrictEqual(requests.filter((r) => LISTS.test(r.url)).map((r) => path(r.url)), [], 'no per-subscription list');
    assert.ok(requests.some((r) => r.url.includes('/provisionedClusterInstances/default?')), 'instances are read from ARM');
    assert.strictEqual(api.session.inventory.source, 'Resource Graph');
  });

  test('the task provider and the palette\'s cluster picker read what the tree read: no request of their own', async () => {
    await loadEverything();
    await control('requests', 'DELETE');
    const tasks = await vscode.tasks.fetchTasks({ type: 'azure-local' });
    assert.ok(tasks.some((t) => t.name.includes('aks-seattle-prod01')), tasks.map((t) => t.name).join(', '));
    const prompter = new ScriptedPrompter([]);
    api.setTestOverrides({ prompter, reliability: FAST });
    await vscode.commands.executeCommand('azureLocal.upgradeCluster');
    assert.ok(prompter.picks[0]?.items.some((i) => i.label === 'aks-seattle-prod01'), JSON.stringify(prompter.picks[0]));
    assert.deepStrictEqual((await armRequests()).map((r) => `${r.method} ${path(r.url)}`), []);
  });

  test('without Resource Graph (404), each subscription is listed instead; the tree is the same', async () => {
    const withGraph = await loadEverything();
    await control('config', 'POST', { graphEnabled: false });
    api.tree.refreshAll();
    await control('requests', 'DELETE');
    assert.deepStrictEqual(await loadEverything(), withGraph);
    const requests = await armRequests();
    assert.strictEqual(requests.filter((r) => r.url.includes('Microsoft.ResourceGraph') && r.status === 404).length, 1, 'asked once');
    assert.strictEqual(requests.filter((r) => LISTS.test(r.url)).length, 6, 'three lists per subscription');
    assert.strictEqual(api.session.inventory.source, 'per-subscription lists');
  });

  test('Resource Graph lags behind a deletion: the deleted cluster still is in its index, and leaves the tree at once (read from ARM)', async () => {
    await control('config', 'POST', { graphLagMs: 600_000 });
    assert.ok((await clustersUnder('seattle-hci')).includes('aks-seattle-prod01'));
    api.setTestOverrides({ prompter: new ScriptedPrompter([input('aks-seattle-prod01')]), reliability: FAST });
    await vscode.commands.executeCommand('azureLocal.deleteCluster', { resource: { id: PROD_CLUSTER, name: 'aks-seattle-prod01' } });
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Succeeded', api.shownErrors.join('\n'));
    const graph = await fetch(`${emulatorUrl()}/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEV_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subscriptions: [PROD], query: "resources | where type =~ 'microsoft.kubernetes/connectedclusters' | project id, name" }),
    });
    const indexed = ((await graph.json()) as { data: { name: string }[] }).data.map((r) => r.name);
    assert.ok(indexed.includes('aks-seattle-prod01'), `Resource Graph still lists it: ${indexed.join(', ')}`);
    // Gone from the whole subscription at the re-read that ends the command (not merely moved to "Other resources"
    // for want of an instance, which is what the lagging index alone would show).
    const shown = await loadEverything();
    assert.ok(!shown.some((row) => row.endsWith('/aks-seattle-prod01')), shown.join('\n'));
    // Refresh queries the index again, which still lists it: what the command changed is read from ARM over it.
    api.tree.refreshNode(await child(await roots(api), 'Contoso Edge Production'));
    const refreshed = await loadEverything();
    assert.ok(!refreshed.some((row) => row.endsWith('/aks-seattle-prod01')), refreshed.join('\n'));
  });

  test('Resource Graph throttling beyond the wait the pipeline takes: each subscription says "Throttled — retry later" in place', async () => {
    await control('faults', 'POST', { method: 'POST', path: 'Microsoft.ResourceGraph/resources$', status: 429, retryAfter: 86400, times: 0, trafficTag: 'faults' });
    api.tree.refreshAll();
    const prod = await child(await roots(api), 'Contoso Edge Production');
    let rows: string[] = [];
    for (let i = 0; i < 50 && !rows.some((r) => r.startsWith('Throttled')); i++) {
      rows = (await children(prod)).map(label);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(rows[0] ?? '', /^Throttled by Resource Manager — click to retry later \(TooManyRequests: /, rows.join('\n'));
  });
});

// Real-world data in the real tree: Microsoft's published example bodies served in place of the emulator's, and
// malformed bodies (nulls, strings for lists, a numeric nextLink, HTML with 200). Nothing blanks more than its own row.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { AzureLocalApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/treeNode';
import { child, children, control, description, extensionApi, label, perSubscriptionLists, roots, resetWorld } from './helpers';

const PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const SPECS = path.resolve(__dirname, '../../../test/specs/specification');
let api: AzureLocalApi;

function example(file: string, status = '200'): { value?: unknown[] } & Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(SPECS, file), 'utf8')).responses[status].body;
}

const EXAMPLES = {
  customLocations: 'extendedlocation/resource-manager/Microsoft.ExtendedLocation/CustomLocations/stable/2021-08-15/examples/CustomLocationsListBySubscription.json',
  logicalNetworks: 'azurestackhci/resource-manager/Microsoft.AzureStackHCI/StackHCIVM/stable/2024-01-01/examples/ListLogicalNetworkBySubscription.json',
  provisionedCluster: 'hybridkubernetes/resource-manager/Microsoft.Kubernetes/HybridKubernetes/stable/2024-01-01/examples/GetProvisionedClusterExample.json',
  clustersBySubscription: 'hybridkubernetes/resource-manager/Microsoft.Kubernetes/HybridKubernetes/stable/2024-01-01/examples/GetClustersBySubscriptionExample.json',
  instance: 'hybridaks/resource-manager/Microsoft.HybridContainerService/HybridContainerService/stable/2024-01-01/examples/GetProvisionedClusterInstance.json',
};

/** Serves `body` for every GET matching `path` until the faults are cleared; recorded apart from the oav-clean traffic. */
const serve = (pathPattern: string, body: unknown, trafficTag = 'examples') => control('faults', 'POST', { method: 'GET', path: pathPattern, status: 200, body, times: 0, trafficTag });
const serveRaw = (pathPattern: string, rawBody: string) => control('faults', 'POST', { method: 'GET', path: pathPattern, status: 200, rawBody, times: 0, trafficTag: 'faults' });

/** The subscription's rows once its re-read (after the faults were set) has ended. */
async function reread(name = 'Contoso Edge Production'): Promise<TreeNode[]> {
  const sub = await child(await roots(api), name);
  api.tree.refreshNode(sub);
  return children(sub);
}

const texts = (nodes: TreeNode[]) => nodes.map((n) => `${label(n)}${description(n) ? ` — ${description(n)}` : ''}`);

async function walk(nodes: TreeNode[], depth = 0): Promise<string[]> {
  const lines: string[] = [];
  for (const node of nodes) {
    lines.push(`${'  '.repeat(depth)}${label(node)} ${description(node)}`);
    if (depth < 3) lines.push(...(await walk(await children(node), depth + 1)));
  }
  return lines;
}

suite('real data in the tree', () => {
  suiteSetup(async () => {
    api = await extensionApi();
    await resetWorld(api);
    await perSubscriptionLists(api);
  });

  teardown(async () => {
    await control('faults', 'DELETE');
    api.tree.refreshAll();
  });

  test("Microsoft's published example bodies render: the duplicated id is one row plus a warning, no error row, no blanks", async () => {
    const clusters = example(EXAMPLES.clustersBySubscription);
    await serve(`${PROD}/providers/Microsoft.ExtendedLocation/customLocations$`, example(EXAMPLES.customLocations));
    await serve(`${PROD}/providers/Microsoft.AzureStackHCI/logicalNetworks$`, example(EXAMPLES.logicalNetworks));
    // connectedCluster1 of the list is the kind=ProvisionedCluster example's resource: served as that one.
    await serve(`${PROD}/providers/Microsoft.Kubernetes/connectedClusters$`, { value: [example(EXAMPLES.provisionedCluster), ...(clusters.value ?? []).slice(1)] });
    await serve('/provisionedClusterInstances/default$', example(EXAMPLES.instance));
    const rows = await reread();
    const shown = await walk(rows);
    assert.ok(!shown.some((l) => /could not|Error|undefined|NaN|\[object Object\]/.test(l)), shown.join('\n'));
    assert.ok(shown.some((l) => /another resource with the same id was returned; showing the first/.test(l)), shown.join('\n'));
    const names = example(EXAMPLES.customLocations).value!.map((c) => (c as { name: string }).name);
    assert.ok(texts(rows).some((t) => t.startsWith(names[0])), shown.join('\n'));
    assert.ok(shown.some((l) => /^\s*connectedCluster1 /.test(l)), `the AKS Arc cluster renders:\n${shown.join('\n')}`);
    // The sibling subscription is untouched.
    assert.ok((await children(await child(await roots(api), 'Contoso Edge Dev/Test'))).length > 0);
  });

  test('malformed items are one warning row each; the rest of the subscription renders', async () => {
    const good = { id: `/subscriptions/${PROD}/resourceGroups/rg-hci-seattle/providers/Microsoft.AzureStackHCI/logicalNetworks/lnet-good`, name: 'lnet-good', type: 'Microsoft.AzureStackHCI/logicalNetworks', location: 'eastus', properties: { subnets: [{ name: 's', properties: { addressPrefix: '10.9.0.0/24' } }] } };
    const nullSubnet = { ...good, id: good.id.replace('lnet-good', 'lnet-null'), name: 'lnet-null', properties: { subnets: [null] } };
    const nullPool = { ...good, id: good.id.replace('lnet-good', 'lnet-pool'), name: 'lnet-pool', properties: { subnets: [{ properties: { ipPools: [null] } }] } };
    await serve(`${PROD}/providers/Microsoft.AzureStackHCI/logicalNetworks$`, { value: [good, nullSubnet, nullPool, 'junk'] }, 'faults');
    const shown = await walk(await reread());
    for (const expected of [/logical network lnet-null: properties\.subnets\[0\] is null/, /logical network lnet-pool: properties\.subnets\[0\]\.properties\.ipPools\[0\] is null/, /logical network #4: not an object/, /lnet-good 10\.9\.0\.0\/24/, /seattle-hci/]) {
      assert.ok(shown.some((l) => expected.test(l)), `${expected} not in:\n${shown.join('\n')}`);
    }
  });

  test('a malformed list (value a string, HTML with 200, a numeric nextLink) is one error row; the rest renders', async () => {
    await serve(`${PROD}/providers/Microsoft.AzureStackHCI/logicalNetworks$`, { value: 'not a list' }, 'faults');
    await serveRaw(`${PROD}/providers/Microsoft.Kubernetes/connectedClusters$`, '<html><body>Service Unavailable</body></html>');
    let rows = texts(await reread());
    assert.ok(rows.some((r) => /^Logical networks could not be listed: InvalidResponse: .*"value" is a string, not a list/.test(r)), rows.join('\n'));
    assert.ok(rows.some((r) => /^AKS Arc clusters could not be listed: InvalidResponse: Resource Manager answered connectedClusters with a body that is not JSON/.test(r)), rows.join('\n'));
    assert.ok(rows.some((r) => r.startsWith('seattle-hci')), 'the custom locations still render');
    await control('faults', 'DELETE');
    await serve(`${PROD}/providers/Microsoft.AzureStackHCI/logicalNetworks$`, { value: [], nextLink: 42 }, 'faults');
    rows = texts(await reread());
    assert.ok(rows.some((r) => /^Logical networks could not be listed: .*"nextLink" is 42, not a URL/.test(r)), rows.join('\n'));
  });

  test('a subscription without displayName is one warning row at the root; the others render', async () => {
    await serve('^/subscriptions$', {
      value: [
        { id: `/subscriptions/${PROD}`, subscriptionId: PROD, displayName: 'Contoso Edge Production', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', state: 'Enabled' },
        { id: '/subscriptions/00000000-0000-0000-0000-00000000000a', subscriptionId: '00000000-0000-0000-0000-00000000000a', state: 'Enabled' },
      ],
    }, 'faults');
    api.tree.refreshAll();
    const rows = await roots(api, 2);
    assert.deepStrictEqual(rows.map(label), ['Contoso Edge Production', 'subscription 00000000-0000-0000-0000-00000000000a: no name']);
  });

  test('NotApplicable is settled: no re-reads; a Creating cluster is re-read with a growing wait', async () => {
    const instance = example(EXAMPLES.instance) as { properties: Record<string, unknown> };
    api.tree.transitionalRefreshMs = 100;
    try {
      await serve('/provisionedClusterInstances/default$', { ...instance, properties: { ...instance.properties, provisioningState: 'NotApplicable' } }, 'faults');
      await reread();
      await control('requests', 'DELETE');
      await new Promise((r) => setTimeout(r, 1000));
      // A re-read of a changing cluster reads it from ARM (its connected cluster, then its instance).
      const rereads = (requests: { url: string }[]) => requests.filter((r) => /\/connectedClusters\/aks-seattle-prod01\?/.test(r.url)).length;
      const { requests } = await control<{ requests: { url: string }[] }>('requests', 'GET');
      assert.strictEqual(rereads(requests), 0, 'no re-read for NotApplicable');

      await control('faults', 'DELETE');
      await serve('/provisionedClusterInstances/default$', { ...instance, properties: { ...instance.properties, provisioningState: 'Creating' } }, 'faults');
      await reread();
      await control('requests', 'DELETE');
      await new Promise((r) => setTimeout(r, 1600));
      const seen = (await control<{ requests: { url: string }[] }>('requests', 'GET')).requests;
      const again = rereads(seen);
      // 100, 200, 400, 800 ms: at most four re-reads in 1.6 s (sixteen without the backoff), and at least one.
      assert.ok(again >= 1 && again <= 4, `${again} re-reads: ${seen.map((r) => r.url.replace(/^http:\/\/[^/]+/, '')).join(' ')}`);
    } finally {
      api.tree.transitionalRefreshMs = 15000;
    }
  });
});

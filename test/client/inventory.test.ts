import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { resolveCloud } from '../../src/auth/clouds';
import { createArmClient } from '../../src/azure/armClient';
import { CLUSTERS_QUERY, INVENTORY_QUERY, Inventory } from '../../src/azure/inventory';
import { parseQuotaReset } from '../../src/azure/resourceGraph';
import { startEmulator, type Emulator } from '../emulator/server';
import { DEMO } from '../emulator/world';
import { recordingClock } from '../fixtures/clock';

const PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const names = (items: unknown[]) => items.map((i) => (i as { name: string }).name).sort();

/** The shared inventory, over the real client and pipeline, against the emulator's Resource Graph and ARM lists. */
describe('inventory against the emulator', () => {
  let emulator: Emulator;
  const lines: string[] = [];
  const inventory = (options: ConstructorParameters<typeof Inventory>[1] = {}, clock = recordingClock()) => {
    const client = createArmClient({ cloud: resolveCloud({ resourceManagerEndpointOverride: emulator.url }), userAgent: 'azure-local-tools/test', clock });
    return new Inventory(() => client, { log: (line) => lines.push(line), ...options });
  };
  const graphPosts = () => emulator.requests.filter((r) => r.method === 'POST' && r.url.includes('Microsoft.ResourceGraph'));
  const armLists = () => emulator.requests.filter((r) => r.method === 'GET' && /\/providers\/Microsoft\.(ExtendedLocation|AzureStackHCI|Kubernetes)\/[A-Za-z]+\?/.test(r.url));

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    lines.length = 0;
  });

  it('one query loads every shown subscription; nothing is listed per subscription', async () => {
    const inv = inventory();
    const shown = await inv.shownSubscriptions();
    const [prod, dev] = await Promise.all(shown.map((s) => inv.subscription(s.subscriptionId)));
    assert.equal(graphPosts().length, 1);
    assert.equal((graphPosts()[0].body as { query: string }).query, INVENTORY_QUERY);
    assert.equal(armLists().length, 0);
    assert.equal(inv.source, 'Resource Graph');
    const byName = Object.fromEntries(shown.map((s, i) => [s.displayName, [prod, dev][i]]));
    assert.deepEqual(names(byName['Contoso Edge Production'].customLocations), ['redmond-hci', 'seattle-hci']);
    assert.deepEqual(names(byName['Contoso Edge Production'].clusters), ['aks-redmond-test02', 'aks-seattle-prod01']);
    assert.deepEqual(names(byName['Contoso Edge Dev/Test'].logicalNetworks), ['lnet-devlab']);
  });

  it('pages follow $skipToken, and the quota headers are waited out instead of earning a 429', async () => {
    emulator.config.graphQuota = 1;
    emulator.config.graphQuotaWindowMs = 1000;
    const clock = recordingClock(Date.now(), 1);
    const inv = inventory({ graphRowsPerPage: 4 }, clock);
    await inv.shownSubscriptions();
    const all = await inv.subscription(PROD);
    assert.deepEqual(names(all.logicalNetworks), ['lnet-redmond-dhcp', 'lnet-redmond-prod', 'lnet-seattle-mgmt', 'lnet-seattle-prod']);
    assert.ok(graphPosts().length >= 3, `${graphPosts().length} pages`);
    assert.deepEqual(graphPosts().map((r) => r.status).filter((s) => s !== 200), [], 'no 429');
    assert.ok(clock.waits.filter((ms) => ms > 0 && ms <= 1000).length >= 2, `waits: ${clock.waits.join(', ')}`);
  });

  it('without Resource Graph, each subscription is listed; said once in the log', async () => {
    emulator.config.graphEnabled = false;
    const inv = inventory();
    await inv.shownSubscriptions();
    const prod = await inv.subscription(PROD);
    assert.deepEqual(names(prod.clusters), ['aks-redmond-test02', 'aks-seattle-prod01']);
    assert.equal(inv.source, 'per-subscription lists');
    assert.equal(armLists().length, 3);
    inv.invalidateSubscription(PROD);
    await inv.subscription(PROD);
    assert.equal(lines.filter((l) => l.startsWith('Resource Graph is not available here')).length, 1, lines.join('\n'));
  });

  it('a changed cluster is read again from ARM at the next read; the cached lists are not queried again', async () => {
    const inv = inventory();
    await inv.shownSubscriptions();
    assert.ok(names((await inv.subscription(PROD)).clusters).includes('aks-seattle-prod01'));
    emulator.world.remove(DEMO.connectedClusters.seattleProd);
    assert.ok(names((await inv.subscription(PROD)).clusters).includes('aks-seattle-prod01'), 'cached until told');
    inv.changed(`${DEMO.connectedClusters.seattleProd}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default/agentPools/nodepool1`);
    assert.deepEqual(names((await inv.subscription(PROD)).clusters), ['aks-redmond-test02']);
    assert.equal(graphPosts().length, 1, 'one query in all');
  });

  it('the picker with nothing loaded asks for the clusters alone, and reuses the lists once the tree has them', async () => {
    const inv = inventory();
    await inv.shownSubscriptions();
    const clusters = await inv.clusters();
    assert.deepEqual(names(clusters.flatMap((c) => c.clusters)), ['aks-redmond-test02', 'aks-seattle-prod01']);
    assert.deepEqual(graphPosts().map((r) => (r.body as { query: string }).query), [CLUSTERS_QUERY]);
    const warm = inventory();
    await warm.shownSubscriptions();
    await warm.subscription(PROD);
    const before = graphPosts().length;
    await warm.clusters();
    assert.equal(graphPosts().length, before, 'no query of its own');
  });

  it('instances: read once, cached, and read again only while changing', async () => {
    const inv = inventory();
    await inv.shownSubscriptions();
    const clusters = (await inv.subscription(PROD)).clusters as never[];
    await inv.withInstances(clusters);
    const reads = () => emulator.requests.filter((r) => r.url.includes('/provisionedClusterInstances/default?')).length;
    assert.equal(reads(), 2);
    await inv.withInstances(clusters);
    assert.equal(reads(), 2, 'cached');
    // The cluster changes (a command says so); read as Updating, it is read again at every load until it settles.
    const instance = emulator.world.get(`${DEMO.connectedClusters.seattleProd}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`)!;
    (instance.properties as Record<string, unknown>).provisioningState = 'Updating';
    inv.changed(DEMO.connectedClusters.seattleProd);
    await inv.withInstances(clusters);
    assert.equal(reads(), 3);
    await inv.withInstances(clusters);
    assert.equal(reads(), 4, 'Updating: read again');
    (instance.properties as Record<string, unknown>).provisioningState = 'Succeeded';
    await inv.withInstances(clusters);
    await inv.withInstances(clusters);
    assert.equal(reads(), 5, 'settled: cached again');
  });

  it('reads the quota reset header (hh:mm:ss)', () => {
    assert.equal(parseQuotaReset('00:00:05'), 5000);
    assert.equal(parseQuotaReset('01:02:03'), 3723000);
    assert.equal(parseQuotaReset('5'), undefined);
    assert.equal(parseQuotaReset(undefined), undefined);
  });
});

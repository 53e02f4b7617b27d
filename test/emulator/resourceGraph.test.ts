// The emulator's Resource Graph: the KQL subset the inventory sends, $skipToken paging, the user quota with its
// headers and 429, the lag behind writes, and ARG's error shape for a query outside the subset.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { arm, control } from './helpers';
import { startEmulator, type Emulator } from './server';
import { DEMO } from './world';

const PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const URL_ = '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01';
const CLUSTERS = "resources | where type =~ 'microsoft.kubernetes/connectedclusters' and kind =~ 'ProvisionedCluster' | project id, name, subscriptionId | order by id asc";

describe('emulator: Resource Graph', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(() => emu.close());
  beforeEach(() => emu.reset());

  it('answers the subset: where in~ / =~ / or, project, order by; scoped to the subscriptions given', async () => {
    const query = "resources | where type in~ ('microsoft.extendedlocation/customlocations', 'microsoft.kubernetes/connectedclusters') | where type !~ 'microsoft.kubernetes/connectedclusters' or kind =~ 'ProvisionedCluster' | project id, type | order by id asc";
    const r = await arm(emu, 'POST', URL_, { subscriptions: [PROD], query, options: { resultFormat: 'objectArray' } });
    assert.equal(r.status, 200);
    const types = new Set(r.body.data.map((row: { type: string }) => row.type));
    assert.deepEqual([...types].sort(), ['microsoft.extendedlocation/customlocations', 'microsoft.kubernetes/connectedclusters']);
    assert.deepEqual(Object.keys(r.body.data[0]), ['id', 'type']);
    const ids = r.body.data.map((row: { id: string }) => row.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.ok(ids.every((id: string) => id.includes(PROD)));
    assert.ok(!ids.some((id: string) => /provisionedClusterInstances/i.test(id)), 'instances are not indexed');
  });

  it('pages with $top and $skipToken until the last page, which has none', async () => {
    const first = await arm(emu, 'POST', URL_, { subscriptions: [PROD], query: CLUSTERS, options: { $top: 1 } });
    assert.equal(first.body.count, 1);
    assert.equal(first.body.totalRecords, 2);
    assert.ok(first.body.$skipToken);
    const second = await arm(emu, 'POST', URL_, { subscriptions: [PROD], query: CLUSTERS, options: { $top: 1, $skipToken: first.body.$skipToken } });
    assert.equal(second.body.count, 1);
    assert.equal(second.body.$skipToken, undefined);
    assert.notEqual(second.body.data[0].id, first.body.data[0].id);
  });

  it('tells the quota in its headers and refuses beyond it with 429', async () => {
    await control(emu, 'POST', '/config', { graphQuota: 2 });
    const one = await arm(emu, 'POST', URL_, { query: CLUSTERS });
    assert.equal(one.headers.get('x-ms-user-quota-remaining'), '1');
    assert.match(one.headers.get('x-ms-user-quota-resets-after') ?? '', /^00:00:0\d$/);
    await arm(emu, 'POST', URL_, { query: CLUSTERS });
    const refused = await arm(emu, 'POST', URL_, { query: CLUSTERS });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('x-ms-user-quota-remaining'), '0');
  });

  it('lags behind writes: a deleted resource stays in the index for graphLagMs', async () => {
    await control(emu, 'POST', '/config', { graphLagMs: 60_000 });
    emu.world.remove(DEMO.connectedClusters.seattleProd);
    const r = await arm(emu, 'POST', URL_, { subscriptions: [PROD], query: CLUSTERS });
    assert.ok(r.body.data.some((row: { name: string }) => row.name === 'aks-seattle-prod01'));
    await control(emu, 'POST', '/config', { graphLagMs: 0 });
    const now = await arm(emu, 'POST', URL_, { subscriptions: [PROD], query: CLUSTERS });
    assert.ok(!now.body.data.some((row: { name: string }) => row.name === 'aks-seattle-prod01'));
  });

  it('refuses a query outside the subset with ARG\'s error shape, and is 404 where it is switched off', async () => {
    const bad = await arm(emu, 'POST', URL_, { query: 'resources | summarize count() by type' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'BadRequest');
    assert.equal(bad.body.error.details[0].code, 'InvalidQuery');
    await control(emu, 'POST', '/config', { graphEnabled: false });
    assert.equal((await arm(emu, 'POST', URL_, { query: CLUSTERS })).status, 404);
  });
});

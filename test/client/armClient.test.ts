import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { resolveCloud } from '../../src/auth/clouds';
import { ArmError } from '../../src/azure/armError';
import { createArmClient, type ArmClient, type ArmRequestLogEntry } from '../../src/azure/armClient';
import { listAksArcClusters } from '../../src/azure/connectedClusters';
import { listCustomLocations } from '../../src/azure/customLocations';
import { listLogicalNetworks } from '../../src/azure/logicalNetworks';
import { getProvisionedClusterInstance } from '../../src/azure/provisionedClusters';
import { listResourceGroups } from '../../src/azure/resourceGroups';
import { listSubscriptions } from '../../src/azure/subscriptions';
import { connectedClusterId } from '../../src/azure/resourceId';
import { startEmulator, type Emulator } from '../emulator/server';
import { connectedClusterRequest, provisionedClusterRequest } from '../../src/commands/createCluster/bodies';
import { SAMPLE_SPEC } from '../fixtures/clusterSpec';
import { recordingClock } from '../fixtures/clock';

/** The extension's own client, over the real Azure SDK pipeline, against the ARM emulator on loopback. */
describe('ARM client against the emulator', () => {
  let emulator: Emulator;
  let client: ArmClient;
  let log: ArmRequestLogEntry[];
  let prodId: string;

  before(async () => {
    emulator = await startEmulator({ port: 0, world: 'demo', retryAfterSeconds: 0 });
  });
  after(() => emulator.close());
  beforeEach(async () => {
    emulator.reset('demo');
    log = [];
    client = createArmClient({
      cloud: resolveCloud({ resourceManagerEndpointOverride: emulator.url }),
      userAgent: 'azure-local-tools/test',
      log: (entry) => log.push(entry),
      clock: recordingClock(),
    });
    prodId = (await listSubscriptions(client)).find((s) => s.displayName === 'Contoso Edge Production')!.subscriptionId;
    log = [];
  });

  it('lists the demo world through every family\'s typed operation', async () => {
    const subscriptions = await listSubscriptions(client);
    assert.deepEqual(subscriptions.map((s) => s.displayName).sort(), ['Contoso Edge Dev/Test', 'Contoso Edge Production']);
    assert.deepEqual((await listCustomLocations(client, prodId)).map((c) => c.name).sort(), ['redmond-hci', 'seattle-hci']);
    assert.equal((await listLogicalNetworks(client, prodId)).length, 4);
    const clusters = await listAksArcClusters(client, prodId);
    assert.ok(clusters.length >= 1 && clusters.every((c) => c.kind === 'ProvisionedCluster'));
    const instance = await getProvisionedClusterInstance(client, clusters[0].id);
    assert.equal(instance?.name, 'default');
    assert.ok((await listResourceGroups(client, prodId)).some((g) => g.name === 'rg-hci-seattle'));
  });

  it('follows nextLink over three pages', async () => {
    // A fifth network makes 2 + 2 + 1 at two per page.
    const [first] = await listLogicalNetworks(client, prodId);
    emulator.world.put({ ...structuredClone(first), id: first.id.replace(/[^/]+$/, 'lnet-extra'), name: 'lnet-extra' } as never);
    emulator.config.pageSize = 2;
    log = [];
    const networks = await listLogicalNetworks(client, prodId);
    assert.equal(networks.length, 5);
    assert.equal(new Set(networks.map((n) => n.id)).size, 5);
    const pages = log.filter((e) => e.url.includes('logicalNetworks'));
    assert.equal(pages.length, 3);
    assert.ok(pages.slice(1).every((e) => /skiptoken/i.test(e.url)), 'later pages use the returned nextLink');
  });

  it('runs a PUT to Succeeded through Azure-AsyncOperation', async () => {
    const statuses: string[] = [];
    const id = connectedClusterId(prodId, 'rg-hci-seattle', 'client-test');
    const result = await client.runLongRunning<{ properties: { provisioningState: string } }>('PUT', id, {
      apiVersion: '2024-01-01',
      body: { location: 'eastus', kind: 'ProvisionedCluster', identity: { type: 'SystemAssigned' }, properties: { agentPublicKeyCertificate: '' } },
      onStatus: (s) => statuses.push(s),
    });
    assert.equal(result?.properties.provisioningState, 'Succeeded');
    assert.deepEqual(statuses.slice(-1), ['Succeeded']);
    assert.ok(statuses.includes('InProgress'));
  });

  it('surfaces a Failed LRO as an ArmError with the operation\'s code', async () => {
    emulator.faults.add({ method: 'PUT', path: 'connectedClusters/client-fail$', lroOutcome: 'Failed', error: { code: 'ArcAgentFailed', message: 'agent did not connect' } });
    const id = connectedClusterId(prodId, 'rg-hci-seattle', 'client-fail');
    await assert.rejects(
      client.runLongRunning('PUT', id, {
        apiVersion: '2024-01-01',
        body: { location: 'eastus', kind: 'ProvisionedCluster', identity: { type: 'SystemAssigned' }, properties: { agentPublicKeyCertificate: '' } },
      }),
      (error: unknown) => error instanceof ArmError && error.code === 'ArcAgentFailed' && error.message === 'agent did not connect',
    );
  });

  it('retries a 429 after its Retry-After and succeeds', async () => {
    emulator.faults.add({ method: 'GET', path: 'customLocations$', status: 429, retryAfter: 0 });
    assert.equal((await listCustomLocations(client, prodId)).length, 2);
    assert.deepEqual(log.filter((e) => e.url.includes('customLocations')).map((e) => e.status), [429, 200]);
  });

  it('reports a 401 as an ArmError with ARM\'s code and the correlation id', async () => {
    emulator.faults.add({ path: 'logicalNetworks$', unauthorizedOnce: true });
    await assert.rejects(listLogicalNetworks(client, prodId), (error: unknown) => {
      assert.ok(error instanceof ArmError);
      assert.equal(error.status, 401);
      assert.equal(error.code, 'AuthenticationFailed');
      assert.ok(error.correlationId);
      return true;
    });
  });

  it('retries a reset connection, and reports one that keeps resetting', async () => {
    emulator.faults.add({ path: 'customLocations$', reset: true });
    assert.equal((await listCustomLocations(client, prodId)).length, 2);
    emulator.faults.add({ path: 'customLocations$', reset: true, times: 0 });
    await assert.rejects(listCustomLocations(client, prodId), (error: Error) => /socket hang up|ECONNRESET/i.test(error.message));
  });

  it('answers undefined for a 404 where absence is a state, and throws for other errors', async () => {
    const id = connectedClusterId(prodId, 'rg-hci-seattle', 'missing');
    assert.equal(await getProvisionedClusterInstance(client, id), undefined);
  });

  it('never sends a request (or its token) to another origin', async () => {
    await assert.rejects(client.get('https://evil.example/subscriptions'), (error: unknown) => error instanceof ArmError && error.code === 'ForeignOrigin');
    assert.equal(log.filter((e) => e.url.startsWith('https://evil.example') && e.status !== undefined).length, 0);
  });
});

describe('createArmClient', () => {
  it('refuses plain http anywhere but loopback', () => {
    assert.throws(
      () => createArmClient({ cloud: resolveCloud({ resourceManagerEndpointOverride: 'http://arm.contoso.local' }), credential: { getToken: async () => null }, userAgent: 'x' }),
      /must use https/,
    );
  });
});

describe('create-cluster bodies against the emulator (recorded for oav)', () => {
  it('step 1 then step 2 reach Succeeded with the bodies the wizard will send', async () => {
    const emulator = await startEmulator({ port: 0, world: 'demo', retryAfterSeconds: 0 });
    try {
      const client = createArmClient({
        cloud: resolveCloud({ resourceManagerEndpointOverride: emulator.url }),
        userAgent: 'azure-local-tools/test',
        clock: recordingClock(),
      });
      for (const request of [connectedClusterRequest(SAMPLE_SPEC), provisionedClusterRequest(SAMPLE_SPEC)]) {
        const result = await client.runLongRunning<{ properties: { provisioningState: string } }>('PUT', request.path, {
          apiVersion: request.apiVersion,
          body: request.body,
        });
        assert.equal(result?.properties.provisioningState, 'Succeeded', request.path);
      }
    } finally {
      await emulator.close();
    }
  });
});

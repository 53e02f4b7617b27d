import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapWithConcurrency, createLimiter } from '../../src/azure/concurrency';
import { groupByCustomLocation } from '../../src/azure/grouping';
import type { ConnectedCluster, CustomLocation, LogicalNetwork, Subscription } from '../../src/azure/models';
import { filterSubscriptions } from '../../src/azure/subscriptions';
import { describeCluster } from '../../src/tree/describe';
import { logicalNetworkProblem, logicalNetworkShapeProblem, summarizeLogicalNetwork } from '../../src/azure/logicalNetwork';

const cl = (name: string): CustomLocation => ({
  id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ExtendedLocation/customLocations/${name}`,
  name,
  type: 'Microsoft.ExtendedLocation/customLocations',
  location: 'eastus',
});
const lnet = (name: string, customLocationId: string, properties: LogicalNetwork['properties'] = {}): LogicalNetwork => ({
  id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.AzureStackHCI/logicalNetworks/${name}`,
  name,
  type: 'Microsoft.AzureStackHCI/logicalNetworks',
  location: 'eastus',
  extendedLocation: { type: 'CustomLocation', name: customLocationId },
  properties,
});
const cluster = (name: string): ConnectedCluster => ({ id: `/c/${name}`, name, type: 't', location: 'eastus', kind: 'ProvisionedCluster' });

describe('grouping by custom location', () => {
  it('matches extendedLocation.name case-insensitively and sorts by name', () => {
    const seattle = cl('seattle');
    const redmond = cl('Redmond');
    const inventory = groupByCustomLocation(
      [seattle, redmond],
      [lnet('b-net', seattle.id.toLowerCase().replace('resourcegroups', 'resourceGroups')), lnet('A-net', seattle.id.toUpperCase()), lnet('other', '/subscriptions/x/customLocations/gone')],
      [
        { cluster: cluster('k2'), instance: { id: 'i', name: 'default', type: 't', extendedLocation: { name: redmond.id.toLowerCase() } } },
        { cluster: cluster('k1') },
      ],
    );
    assert.deepEqual(inventory.customLocations.map((g) => g.customLocation.name), ['Redmond', 'seattle']);
    assert.deepEqual(inventory.customLocations[1].logicalNetworks.map((n) => n.name), ['A-net', 'b-net']);
    assert.deepEqual(inventory.customLocations[0].clusters.map((c) => c.cluster.name), ['k2']);
    assert.deepEqual(inventory.unassigned.logicalNetworks.map((n) => n.name), ['other']);
    assert.deepEqual(inventory.unassigned.clusters.map((c) => c.cluster.name), ['k1']);
  });
});

describe('logical network summary', () => {
  it('shows prefix, allocation, pools, DNS, VLAN and gateway', () => {
    const summary = summarizeLogicalNetwork(
      lnet('n', 'x', {
        dhcpOptions: { dnsServers: ['10.20.0.2', '10.20.0.3'] },
        vmSwitchName: 'ConvergedSwitch(compute)',
        subnets: [
          {
            name: 'subnet',
            properties: {
              addressPrefix: '10.20.0.0/24',
              ipAllocationMethod: 'Static',
              vlan: 120,
              ipPools: [{ name: 'vms', ipPoolType: 'vm', start: '10.20.0.50', end: '10.20.0.99' }, { start: '10.20.0.200', end: '10.20.0.210' }],
              routeTable: { properties: { routes: [{ properties: { addressPrefix: '0.0.0.0/0', nextHopIpAddress: '10.20.0.1' } }] } },
            },
          },
        ],
      }),
    );
    assert.deepEqual(summary, {
      addressPrefix: '10.20.0.0/24',
      allocation: 'Static',
      ipPools: [
        { range: '10.20.0.50 – 10.20.0.99', detail: 'vm · vms' },
        { range: '10.20.0.200 – 10.20.0.210', detail: '' },
      ],
      dnsServers: ['10.20.0.2', '10.20.0.3'],
      vlan: '120',
      gateway: '10.20.0.1',
      vmSwitch: 'ConvergedSwitch(compute)',
      provisioningState: undefined,
      error: undefined,
    });
  });

  it('reads addressPrefix and addressPrefixes together, and shows the state and the service\'s error', () => {
    const summary = summarizeLogicalNetwork(
      lnet('n', 'x', {
        provisioningState: 'Failed',
        status: { errorCode: 'VlanInUse', errorMessage: 'VLAN 120 is taken' },
        subnets: [{ name: 's', properties: { addressPrefix: '10.0.0.0/24', addressPrefixes: ['10.1.0.0/24', '10.0.0.0/24'] } }],
      } as never),
    );
    assert.equal(summary.addressPrefix, '10.1.0.0/24, 10.0.0.0/24');
    assert.equal(summary.provisioningState, 'Failed');
    assert.equal(summary.error, 'VlanInUse: VLAN 120 is taken');
  });

  it('reads malformed bodies without a TypeError, and names what is wrong', () => {
    for (const properties of [{ subnets: [null] }, { subnets: [{ properties: { ipPools: [null] } }] }, { subnets: 'x' }, { dhcpOptions: { dnsServers: 'x' } }, null]) {
      const network = lnet('n', 'x', properties as never);
      assert.doesNotThrow(() => summarizeLogicalNetwork(network));
      assert.ok(logicalNetworkShapeProblem(network), JSON.stringify(properties));
      assert.match(logicalNetworkProblem(network) ?? '', /^Its description from Azure is malformed: /);
    }
  });

  it('says "none" rather than showing blanks for a network without subnets', () => {
    const summary = summarizeLogicalNetwork(lnet('n', 'x'));
    assert.equal(summary.addressPrefix, 'none');
    assert.equal(summary.vlan, 'none');
    assert.equal(summary.allocation, 'unknown');
  });
});

describe('cluster description', () => {
  it('prefers the AKS Arc instance\'s state and version over the connected cluster\'s', () => {
    const item = {
      cluster: { ...cluster('k'), properties: { provisioningState: 'Succeeded', connectivityStatus: 'Offline' } },
      instance: { id: 'i', name: 'default', type: 't', properties: { provisioningState: 'Failed', kubernetesVersion: '1.29.4' } },
    };
    assert.equal(describeCluster(item), 'Failed · v1.29.4 · Offline');
    assert.equal(describeCluster({ cluster: cluster('k') }), 'Unknown');
  });
});

describe('subscriptions and concurrency', () => {
  const sub = (id: string, displayName: string): Subscription => ({ id: `/subscriptions/${id}`, subscriptionId: id, displayName });
  it('filters by selected ids case-insensitively; nothing selected shows all', () => {
    const all = [sub('B', 'Beta'), sub('a', 'Alpha')];
    assert.deepEqual(filterSubscriptions(all, []).map((s) => s.displayName), ['Alpha', 'Beta']);
    assert.deepEqual(filterSubscriptions(all, ['b']).map((s) => s.displayName), ['Beta']);
  });

  it('never runs more than the limit at once, and keeps order', async () => {
    let active = 0;
    let peak = 0;
    const work = async (n: number) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setImmediate(r));
      active--;
      return n * 2;
    };
    assert.deepEqual(await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, work), [2, 4, 6, 8, 10, 12, 14]);
    assert.equal(peak, 3);
    peak = 0;
    const limit = createLimiter(2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => limit(() => work(n))));
    assert.equal(peak, 2);
  });
});

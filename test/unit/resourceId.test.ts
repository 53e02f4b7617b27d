import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectedClusterId, parseResourceId, provisionedClusterInstanceId, sameResourceId } from '../../src/azure/resourceId';

describe('resource ids', () => {
  it('parses a nested extension resource id', () => {
    const id = parseResourceId(
      '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default',
    );
    assert.equal(id.subscriptionId, 's1');
    assert.equal(id.resourceGroup, 'rg');
    assert.equal(id.provider, 'Microsoft.HybridContainerService');
    assert.deepEqual(id.types, ['connectedClusters', 'provisionedClusterInstances']);
    assert.deepEqual(id.names, ['c1', 'default']);
    assert.equal(id.name, 'default');
  });

  it('accepts the lowercase resourcegroups segment of the 2024-01-01 paths', () => {
    assert.equal(parseResourceId('/subscriptions/s/resourcegroups/RG/providers/Microsoft.ExtendedLocation/customLocations/x').resourceGroup, 'RG');
  });

  it('rejects what is not a resource id, naming the rule', () => {
    assert.throws(() => parseResourceId('/resourceGroups/rg'), /must start with \/subscriptions/);
    assert.throws(() => parseResourceId('/subscriptions/s/resourceGroups'), /names no resource group/);
  });

  it('compares ids case-insensitively, ignoring slashes at the ends', () => {
    assert.ok(
      sameResourceId(
        '/subscriptions/S/resourceGroups/RG/providers/Microsoft.ExtendedLocation/customLocations/Seattle',
        'subscriptions/s/resourcegroups/rg/providers/microsoft.extendedlocation/customlocations/seattle/',
      ),
    );
    assert.ok(!sameResourceId('/subscriptions/s/resourceGroups/rg', '/subscriptions/s/resourceGroups/rg2'));
    assert.ok(!sameResourceId(undefined, '/subscriptions/s'));
  });

  it('builds the step-2 id on the connected cluster, named default (not the how-to\'s resource-group path)', () => {
    const cluster = connectedClusterId('s', 'rg', 'c1');
    assert.equal(cluster, '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1');
    assert.equal(
      provisionedClusterInstanceId(cluster + '/'),
      cluster + '/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default',
    );
  });
});

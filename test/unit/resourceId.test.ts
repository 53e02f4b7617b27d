import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectedClusterId, parseResourceId, provisionedClusterInstanceId, sameResourceId } from '../../src/azure/resourceId';

const SUB = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';

describe('resource ids', () => {
  it('parses a nested extension resource id', () => {
    const id = parseResourceId(
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`,
    );
    assert.equal(id.subscriptionId, SUB);
    assert.equal(id.resourceGroup, 'rg');
    assert.equal(id.provider, 'Microsoft.HybridContainerService');
    assert.deepEqual(id.types, ['connectedClusters', 'provisionedClusterInstances']);
    assert.deepEqual(id.names, ['c1', 'default']);
    assert.equal(id.name, 'default');
  });

  it('accepts the lowercase resourcegroups segment of the 2024-01-01 paths', () => {
    assert.equal(parseResourceId(`/subscriptions/${SUB}/resourcegroups/RG/providers/Microsoft.ExtendedLocation/customLocations/x`).resourceGroup, 'RG');
  });

  it('rejects what is not a resource id, naming the rule', () => {
    assert.throws(() => parseResourceId('/resourceGroups/rg'), /must start with \/subscriptions/);
    assert.throws(() => parseResourceId(`/subscriptions/${SUB}/resourceGroups`), /names no resource group/);
    assert.throws(() => parseResourceId('/subscriptions/s/resourceGroups/rg'), /the subscription id is not a GUID/);
    assert.throws(() => parseResourceId(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters`), /every resource type needs a name/);
    assert.throws(() => parseResourceId(`/subscriptions/${SUB}//resourceGroups/rg`), /empty segment/);
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

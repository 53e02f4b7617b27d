import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterRefFromId } from '../../src/azure/clusterRef';
import { whatRemains } from '../../src/commands/deleteCluster/outcome';

const SUB = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const ID = `/subscriptions/${SUB}/resourcegroups/rg(x)/providers/Microsoft.Kubernetes/connectedClusters/aks1`;

describe('one reference to a cluster', () => {
  it('is worked out once from its id', () => {
    assert.deepEqual(clusterRefFromId(ID), {
      subscriptionId: SUB,
      resourceGroup: 'rg(x)',
      name: 'aks1',
      connectedClusterId: `/subscriptions/${SUB}/resourceGroups/rg(x)/providers/Microsoft.Kubernetes/connectedClusters/aks1`,
      instanceId: `/subscriptions/${SUB}/resourceGroups/rg(x)/providers/Microsoft.Kubernetes/connectedClusters/aks1/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`,
    });
    assert.throws(() => clusterRefFromId(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.AzureStackHCI/logicalNetworks/l`), /Not a connected cluster's id/);
  });
});

describe('what a deletion left', () => {
  const ref = clusterRefFromId(ID);
  it('nothing, when both are deleted or read absent', () => {
    assert.equal(whatRemains(ref, { kind: 'deleted' }, { kind: 'deleted' }, 'posix'), '"aks1" is deleted: nothing of it remains in Azure.');
    assert.equal(whatRemains(ref, { kind: 'absent' }, { kind: 'deleted' }, 'posix'), '"aks1" is deleted: nothing of it remains in Azure.');
  });

  it('what still exists, with its state, how to finish (quoted for the shell) and how to check', () => {
    assert.equal(
      whatRemains(ref, { kind: 'present', state: 'Succeeded', transitional: false }, { kind: 'present', state: 'Failed', transitional: false }, 'posix'),
      `"aks1" is not fully deleted: its AKS Arc instance exists (Failed); the connected cluster exists (Succeeded). To finish: az aksarc delete --name aks1 --resource-group 'rg(x)' --subscription ${SUB} --yes — to check: az resource show --ids '${ref.connectedClusterId}'`,
    );
    assert.match(whatRemains(ref, { kind: 'present', state: 'Deleting', transitional: true }, { kind: 'deleted' }, 'powershell'), /the connected cluster exists \(Deleting\)\. To finish: az resource delete --ids '\/subscriptions\/.*rg\(x\).*'/);
    assert.match(whatRemains(ref, { kind: 'unknown', why: 'you stopped the check' }, { kind: 'deleted' }, 'posix'), /the connected cluster may exist \(you stopped the check\)/);
  });
});

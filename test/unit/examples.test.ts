/**
 * Microsoft's published example bodies (the swaggers' x-ms-examples, copied into test/specs with their origin in
 * EXAMPLES.tsv) through the extension's readers: the shape checks, the tree's description functions and the wizard's
 * item builders. Every body renders without a TypeError and without "undefined", "NaN" or "[object Object]".
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isAksArcCluster } from '../../src/azure/connectedClusters';
import { logicalNetworkProblem, logicalNetworkShapeProblem, summarizeLogicalNetwork } from '../../src/azure/logicalNetwork';
import type { ConnectedCluster, CustomLocation, LogicalNetwork, ProvisionedClusterInstance, Subscription } from '../../src/azure/models';
import { isTransitionalState } from '../../src/azure/provisioningState';
import { resourceNameOf } from '../../src/azure/resourceId';
import { checkResources, checkSubscriptions, instanceShapeProblem } from '../../src/azure/shapes';
import { kubernetesVersionChoices, vmSizeChoices } from '../../src/commands/createCluster/kubernetesVersions';
import { vmSizeItems } from '../../src/commands/createCluster/steps/vmSizeItems';
import { clusterState, describeCluster, isTransitional } from '../../src/tree/describe';

import { upgradesOf, type UpgradeProfile } from '../../src/azure/provisionedClusters';

const SPECS = path.resolve(__dirname, '../../../test/specs/specification');
const FOLDERS = {
  customLocations: 'extendedlocation/resource-manager/Microsoft.ExtendedLocation/CustomLocations/stable/2021-08-15/examples',
  logicalNetworks: 'azurestackhci/resource-manager/Microsoft.AzureStackHCI/StackHCIVM/stable/2024-01-01/examples',
  hybridaks: 'hybridaks/resource-manager/Microsoft.HybridContainerService/HybridContainerService/stable/2024-01-01/examples',
  connectedClusters: 'hybridkubernetes/resource-manager/Microsoft.Kubernetes/HybridKubernetes/stable/2024-01-01/examples',
  subscriptions: 'resources/resource-manager/Microsoft.Resources/subscriptions/stable/2022-12-01/examples',
};

/** Every 2xx body of an example file, as objects. */
function bodies(folder: keyof typeof FOLDERS, file: string): Record<string, unknown>[] {
  const example = JSON.parse(fs.readFileSync(path.join(SPECS, FOLDERS[folder], file), 'utf8')) as { responses: Record<string, { body?: unknown }> };
  return Object.entries(example.responses)
    .filter(([status, r]) => status.startsWith('2') && r.body && typeof r.body === 'object')
    .map(([, r]) => r.body as Record<string, unknown>);
}

/** The items of list bodies, or the resources themselves (a PUT's 200 and 201 are one resource: the first is taken). */
const items = (folder: keyof typeof FOLDERS, ...files: string[]) =>
  files.flatMap((f) => {
    const all = bodies(folder, f);
    return Array.isArray(all[0]?.value) ? all.flatMap((b) => b.value as unknown[]) : all.slice(0, 1);
  });

function clean(text: string, what: string): void {
  assert.doesNotMatch(text, /undefined|NaN|\[object Object\]/, `${what}: ${text}`);
}

describe("Microsoft's published example bodies", () => {
  it('custom locations: a duplicated id shows the first and a warning naming it; hosts and names display', () => {
    const checked = checkResources<CustomLocation>('custom location', items('customLocations', 'CustomLocationsListBySubscription.json'));
    assert.ok(checked.items.length >= 1);
    // The published list holds two items with one (truncated) id.
    assert.equal(checked.warnings.length, 1);
    assert.match(checked.warnings[0].label, /another resource with the same id was returned; showing the first/);
    assert.match(checked.warnings[0].detail, /returned twice: first as ".+", again as ".+"/);
    for (const location of [...checked.items, ...items('customLocations', 'CustomLocationsGet.json', 'CustomLocationsListByResourceGroup.json')] as CustomLocation[]) {
      clean([location.name, location.location, location.properties?.hostResourceId ? resourceNameOf(location.properties.hostResourceId) : 'no host'].join(' · '), location.id);
    }
  });

  it('logical networks: summaries and checks render, both prefix fields read', () => {
    const networks = items('logicalNetworks', 'ListLogicalNetworkBySubscription.json', 'ListLogicalNetworkByResourceGroup.json', 'GetLogicalNetwork.json', 'PutLogicalNetwork.json', 'UpdateLogicalNetwork.json');
    const checked = checkResources<LogicalNetwork>('logical network', networks, logicalNetworkShapeProblem);
    assert.equal(checked.items.length + checked.warnings.length, networks.length);
    for (const network of checked.items) {
      const summary = summarizeLogicalNetwork(network);
      clean(JSON.stringify(summary), network.name);
      // Some published networks carry only their provisioningState: that is what the tree shows.
      assert.equal(summary.provisioningState, network.properties?.provisioningState);
      const problem = logicalNetworkProblem(network);
      if (problem) clean(problem, network.name);
    }
  });

  it('connected clusters: AKS Arc clusters are found by kind, and describe cleanly', () => {
    for (const file of ['GetClustersBySubscriptionExample.json', 'GetClustersByResourceGroupExample.json', 'GetClusterExample.json', 'GetProvisionedClusterExample.json', 'CreateCluster_KindExample.json']) {
      const checked = checkResources<ConnectedCluster>('AKS Arc cluster', items('connectedClusters', file));
      // The published by-resource-group list repeats connectedCluster1.
      assert.equal(checked.warnings.length, file === 'GetClustersByResourceGroupExample.json' ? 1 : 0, file);
      for (const cluster of checked.items) clean(describeCluster({ cluster }), cluster.name);
      if (/Provisioned|Kind/.test(file)) assert.ok(checked.items.every(isAksArcCluster), `${file}: kind ProvisionedCluster`);
    }
  });

  it('AKS Arc instances: well-shaped, described, and NotApplicable is settled', () => {
    const [cluster] = items('connectedClusters', 'GetProvisionedClusterExample.json') as ConnectedCluster[];
    for (const instance of items('hybridaks', 'GetProvisionedClusterInstance.json', 'PutProvisionedClusterInstance.json', 'ListProvisionedClusterInstances.json') as ProvisionedClusterInstance[]) {
      assert.equal(instanceShapeProblem(instance), undefined);
      const item = { cluster, instance };
      clean(describeCluster(item), instance.id);
      assert.equal(isTransitional(item), isTransitionalState(clusterState(item)));
    }
    assert.equal(isTransitionalState('NotApplicable'), false);
  });

  it('the wizard: Kubernetes versions and VM sizes (vCpu, MemoryMb) from the catalogs', () => {
    for (const catalog of items('hybridaks', 'GetKubernetesVersions.json', 'PutKubernetesVersions.json', 'ListKubernetesVersions.json')) {
      const choices = kubernetesVersionChoices(catalog as never);
      // A PUT's answer is Accepted with no values yet; the GET and list have them.
      assert.equal(choices.length > 0, (catalog as { properties?: { values?: unknown[] } }).properties?.values !== undefined);
      for (const choice of choices) clean(`${choice.version} ${choice.readiness.map((r) => `${r.osSku}:${r.ready}`).join(',')}`, 'version');
    }
    const sizes = vmSizeChoices(items('hybridaks', 'GetVmSkus.json')[0] as never);
    assert.deepEqual(sizes[0], { name: 'Standard_A0', vCpu: 2, memoryMb: 2345 });
    const labels = vmSizeItems(sizes, undefined).map((i) => `${i.label} ${i.description}`);
    assert.deepEqual(labels, ['Standard_A0 2 vCPUs · 2.3 GB']);
    for (const catalog of items('hybridaks', 'PutVmSkus.json', 'ListVmSkus.json')) for (const item of vmSizeItems(vmSizeChoices(catalog as never), undefined)) clean(`${item.label} ${item.description}`, 'size');
  });

  it('upgrade profile: the offered versions, previews marked', () => {
    assert.deepEqual(upgradesOf(bodies('hybridaks', 'ProvisionedClusterInstanceGetUpgradeProfile.json')[0] as UpgradeProfile), [
      { version: '1.7.9', isPreview: true },
      { version: '1.7.11', isPreview: false },
    ]);
  });

  it('subscriptions: listed and named', () => {
    const checked = checkSubscriptions<Subscription>(items('subscriptions', 'GetSubscriptions.json'));
    assert.ok(checked.items.length >= 1);
    for (const s of checked.items) clean(`${s.displayName} ${s.subscriptionId}`, s.id);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { whatExists, type RunOutcome } from '../../src/commands/createCluster/outcome';
import { reviewLines } from '../../src/commands/createCluster/review';
import { rememberedDefaults, toClusterSpec, type CreateClusterContext } from '../../src/commands/createCluster/wizardContext';
import { SAMPLE_SPEC } from '../fixtures/clusterSpec';

const outcome = (overrides: Partial<RunOutcome>): RunOutcome => ({
  spec: SAMPLE_SPEC,
  shell: 'posix',
  connectedCluster: { kind: 'absent' },
  instance: { kind: 'absent' },
  ...overrides,
});
const present = (state?: string) => ({ kind: 'present' as const, state, transitional: false });

const SUB = SAMPLE_SPEC.subscriptionId;
const CC = `/subscriptions/${SUB}/resourceGroups/rg-hci-seattle/providers/Microsoft.Kubernetes/connectedClusters/aks-new01`;

describe('what a create run leaves in Azure', () => {
  it('nothing, when step 1 was refused or proven absent', () => {
    assert.equal(whatExists(outcome({})), 'Nothing was created for cluster "aks-new01".');
  });

  it('the connected cluster without an instance, with the command that removes it', () => {
    assert.equal(
      whatExists(outcome({ connectedCluster: present('Succeeded') })),
      `The connected cluster "aks-new01" exists in resource group rg-hci-seattle (Succeeded) without an AKS Arc instance. To remove it: az resource delete --ids ${CC}`,
    );
  });

  it('unknown is said as "may exist", with how to look and how to remove', () => {
    assert.equal(
      whatExists(outcome({ connectedCluster: { kind: 'unknown', why: 'not settled within 180 s' } })),
      `Whether cluster "aks-new01" was created is not known (not settled within 180 s); it may exist. To check: az resource show --ids ${CC} — to remove it if it does: az aksarc delete --name aks-new01 --resource-group rg-hci-seattle --subscription ${SUB} --yes`,
    );
    assert.match(
      whatExists(outcome({ connectedCluster: present('Succeeded'), instance: { kind: 'unknown', why: 'you stopped the check' } })),
      /and its AKS Arc instance may exist \(you stopped the check; to check: az resource show --ids .*provisionedClusterInstances\/default\)\. To remove it: az aksarc delete/,
    );
  });

  it('a failed deletion is said, and so is a resource group the run created', () => {
    assert.equal(
      whatExists(outcome({ connectedCluster: present('Succeeded'), instance: present('Creating'), deleteError: 'Conflict: busy', resourceGroup: present('Succeeded') })),
      `The connected cluster "aks-new01" exists in resource group rg-hci-seattle (Succeeded) with its AKS Arc instance (Creating). Deleting it failed (Conflict: busy). To remove it: az aksarc delete --name aks-new01 --resource-group rg-hci-seattle --subscription ${SUB} --yes ` +
        `The resource group rg-hci-seattle created for it still exists; to remove it: az group delete --name rg-hci-seattle --subscription ${SUB} --yes`,
    );
    assert.match(whatExists(outcome({ resourceGroup: { kind: 'unknown', why: 'x' } })), /The resource group rg-hci-seattle may have been created \(x\); to check: az group show --name rg-hci-seattle/);
  });

  it('deleted: nothing of it remains', () => {
    assert.equal(whatExists(outcome({ connectedCluster: { kind: 'deleted' } })), 'Deleted the connected cluster "aks-new01"; nothing of it remains in Azure.');
    assert.equal(
      whatExists(outcome({ connectedCluster: { kind: 'deleted' }, instance: { kind: 'deleted' } })),
      'Deleted the connected cluster "aks-new01" and its AKS Arc instance; nothing of it remains in Azure.',
    );
  });

  it('quotes every argument of a copied command, resource ids included, for the user\'s shell', () => {
    const spec = { ...SAMPLE_SPEC, resourceGroup: 'rg(test)', name: "it's" };
    const posix = whatExists(outcome({ spec, connectedCluster: present('Succeeded') }));
    assert.match(posix, /To remove it: az resource delete --ids '\/subscriptions\/[^']+\/resourceGroups\/rg\(test\)\/providers\/Microsoft\.Kubernetes\/connectedClusters\/it'\\''s'$/);
    const powershell = whatExists(outcome({ spec, shell: 'powershell', connectedCluster: present('Succeeded'), instance: present('Failed') }));
    assert.match(powershell, /To remove it: az aksarc delete --name 'it''s' --resource-group 'rg\(test\)' --subscription [0-9a-f-]+ --yes$/);
  });
});

describe('the wizard context', () => {
  const context: CreateClusterContext = {
    client: {} as CreateClusterContext['client'],
    inventory: {} as CreateClusterContext['inventory'],
    defaults: {},
    prefilled: {},
    sshDirectory: '/home/dev/.ssh',
    subscription: { id: `/subscriptions/${SUB}`, subscriptionId: SUB, displayName: 'Contoso Edge Production' },
    resourceGroup: { name: 'rg-new', location: 'eastus', isNew: true },
    name: 'aks-new01',
    customLocation: { id: SAMPLE_SPEC.customLocationId, name: 'seattle-hci', type: 'Microsoft.ExtendedLocation/customLocations', location: 'eastus' },
    logicalNetwork: { id: SAMPLE_SPEC.logicalNetworkId, name: 'lnet-seattle-prod', type: 'Microsoft.AzureStackHCI/logicalNetworks', location: 'eastus' },
    kubernetesVersion: '1.29.4',
    controlPlaneCount: 3,
    controlPlaneVmSize: 'Standard_A4_v2',
    nodePoolName: 'nodepool1',
    nodePoolCount: 2,
    nodePoolVmSize: 'Standard_D4s_v3',
    nodePoolOsSku: 'CBLMariner',
    sshPublicKey: 'ssh-rsa AAAA dev',
    sshKeySource: { kind: 'generated', privateKeyPath: '/home/dev/.ssh/aks_rsa', publicKeyPath: '/home/dev/.ssh/aks_rsa.pub' },
    adminGroupObjectIds: [],
    enableAzureRbac: true,
  };

  it('becomes a ClusterSpec in the custom location\'s region', () => {
    const spec = toClusterSpec(context);
    assert.equal(spec.location, 'eastus');
    assert.equal(spec.resourceGroup, 'rg-new');
    assert.deepEqual(spec.controlPlane, { count: 3, vmSize: 'Standard_A4_v2' });
    assert.deepEqual(spec.access, { adminGroupObjectIds: [], enableAzureRbac: true, tenantId: undefined });
  });

  it('refuses to build a spec with an unanswered step', () => {
    assert.throws(() => toClusterSpec({ ...context, kubernetesVersion: undefined }), /Create cluster: Kubernetes version was not chosen\./);
  });

  it('remembers answers but not a new group\'s name', () => {
    const remembered = rememberedDefaults(context);
    assert.equal(remembered.resourceGroup, undefined);
    assert.equal(remembered.sshPublicKeyPath, '/home/dev/.ssh/aks_rsa.pub');
    assert.equal(remembered.nodePoolVmSize, 'Standard_D4s_v3');
  });

  it('the review warns plainly when there is no admin group', () => {
    const lines = reviewLines(context);
    assert.deepEqual(lines[lines.length - 1], { label: '$(warning) No admin group', value: 'you will not be able to use kubectl on this cluster until someone grants you access' });
    assert.equal(lines.find((l) => l.label.endsWith('Resource group'))?.value, 'rg-new (new, eastus)');
    assert.ok(!reviewLines({ ...context, adminGroupObjectIds: ['e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c'] }).some((l) => l.label.includes('No admin group')));
  });
});

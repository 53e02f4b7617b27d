import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { connectedClusterRequest, provisionedClusterRequest } from '../../src/commands/createCluster/bodies';
import {
  validateAdminGroupIds,
  validateClusterName,
  validateNodeCount,
  validateNodePoolName,
  validateResourceGroupName,
  validateSshRsaPublicKey,
} from '../../src/commands/createCluster/validators';
import { SAMPLE_SPEC } from '../fixtures/clusterSpec';

describe('create-cluster request bodies', () => {
  it('step 1 is the connected cluster, kind ProvisionedCluster, api 2024-01-01', () => {
    const request = connectedClusterRequest(SAMPLE_SPEC);
    assert.equal(request.path, '/subscriptions/3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01/resourceGroups/rg-hci-seattle/providers/Microsoft.Kubernetes/connectedClusters/aks-new01');
    assert.equal(request.apiVersion, '2024-01-01');
    assert.deepEqual(request.body, {
      location: 'eastus',
      kind: 'ProvisionedCluster',
      identity: { type: 'SystemAssigned' },
      properties: {
        agentPublicKeyCertificate: '',
        distribution: 'AKS',
        distributionVersion: '1.0',
        azureHybridBenefit: 'NotApplicable',
        aadProfile: { enableAzureRBAC: false, adminGroupObjectIDs: ['e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c'] },
      },
    });
  });

  it('step 2 is provisionedClusterInstances/default on the connected cluster, with only step-2 properties', () => {
    const request = provisionedClusterRequest({ ...SAMPLE_SPEC, controlPlaneIp: '10.20.0.60' });
    assert.equal(request.path, connectedClusterRequest(SAMPLE_SPEC).path + '/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default');
    assert.equal(request.apiVersion, '2024-01-01');
    const properties = request.body.properties as Record<string, unknown>;
    assert.deepEqual(request.body.extendedLocation, { type: 'CustomLocation', name: SAMPLE_SPEC.customLocationId });
    assert.deepEqual(properties.controlPlane, { count: 1, vmSize: 'Standard_A4_v2', controlPlaneEndpoint: { hostIP: '10.20.0.60' } });
    assert.deepEqual(properties.agentPoolProfiles, [{ name: 'nodepool1', count: 2, vmSize: 'Standard_A4_v2', osType: 'Linux', osSKU: 'CBLMariner' }]);
    assert.deepEqual(properties.linuxProfile, { ssh: { publicKeys: [{ keyData: 'ssh-rsa AAAAB3NzaC1yc2E= dev@contoso' }] } });
    assert.deepEqual(properties.cloudProviderProfile, { infraNetworkProfile: { vnetSubnetIds: [SAMPLE_SPEC.logicalNetworkId] } });
    for (const stepOneOnly of ['aadProfile', 'distribution', 'kind', 'azureHybridBenefit']) assert.ok(!(stepOneOnly in properties), stepOneOnly);
  });

  it('serialises to strict JSON (no trailing commas, unlike the how-to)', () => {
    for (const request of [connectedClusterRequest(SAMPLE_SPEC), provisionedClusterRequest(SAMPLE_SPEC)]) {
      const text = JSON.stringify(request.body, null, 2);
      assert.doesNotMatch(text, /,\s*[}\]]/);
      assert.deepEqual(JSON.parse(text), request.body);
    }
  });
});

describe('create-cluster validators', () => {
  const cases: [string, (v: string) => string | undefined, string, string | undefined][] = [
    ['rg ok', validateResourceGroupName, 'rg-hci_(dev).1', undefined],
    ['rg empty', validateResourceGroupName, '', 'Resource group name: 1 to 90 characters.'],
    ['rg long', validateResourceGroupName, 'a'.repeat(91), 'Resource group name: 1 to 90 characters.'],
    ['rg chars', validateResourceGroupName, 'rg hci', 'Resource group name: only letters, digits, underscores, hyphens, periods and parentheses.'],
    ['rg period', validateResourceGroupName, 'rg.', 'Resource group name: cannot end with a period.'],
    ['name ok', validateClusterName, 'aks-new01', undefined],
    ['name upper', validateClusterName, 'Aks', 'Cluster name: must start with a lowercase letter.'],
    ['name digit first', validateClusterName, '1aks', 'Cluster name: must start with a lowercase letter.'],
    ['name underscore', validateClusterName, 'aks_1', 'Cluster name: only lowercase letters, digits and hyphens.'],
    ['name hyphen end', validateClusterName, 'aks-', 'Cluster name: must end with a lowercase letter or digit.'],
    ['name long', validateClusterName, 'a'.repeat(64), 'Cluster name: 1 to 63 characters.'],
    ['pool ok', validateNodePoolName, 'nodepool1', undefined],
    ['pool short', validateNodePoolName, 'np', 'Node pool name: 3 to 12 characters, lowercase letters and digits, starting with a letter.'],
    ['pool hyphen', validateNodePoolName, 'node-pool', 'Node pool name: 3 to 12 characters, lowercase letters and digits, starting with a letter.'],
    ['count ok', validateNodeCount, '3', undefined],
    ['count zero', validateNodeCount, '0', "Node count: a whole number from 1 to 200 (AKS Arc's limit, https://learn.microsoft.com/azure/aks/aksarc/scale-requirements)."],
    ['count text', validateNodeCount, 'two', "Node count: a whole number from 1 to 200 (AKS Arc's limit, https://learn.microsoft.com/azure/aks/aksarc/scale-requirements)."],
    ['groups ok', validateAdminGroupIds, 'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c, E2C1B7A4-3F5D-4A9E-8B6C-1D0F2E3A4B5D', undefined],
    ['groups bad', validateAdminGroupIds, 'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c,admins', 'Admin group object IDs: "admins" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).'],
    ['ssh type', validateSshRsaPublicKey, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 x', 'SSH public key: AKS Arc takes RSA keys ("ssh-rsa …"); this is an ed25519 key.'],
    ['ssh data', validateSshRsaPublicKey, 'ssh-rsa bm90IGEga2V5 x', 'SSH public key: the key data is truncated or has extra bytes.'],
  ];
  for (const [title, validate, input, expected] of cases) {
    it(`${title}: ${JSON.stringify(input.length > 30 ? input.slice(0, 30) + '…' : input)}`, () => assert.equal(validate(input), expected));
  }

  it('accepts a real OpenSSH RSA public key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = publicKey.export({ format: 'jwk' });
    const field = (b: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(b.length);
      return Buffer.concat([length, b]);
    };
    const mpint = (b64url: string) => {
      const raw = Buffer.from(b64url, 'base64url');
      return field(raw[0] & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw);
    };
    const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), mpint(jwk.e!), mpint(jwk.n!)]);
    assert.equal(validateSshRsaPublicKey(`ssh-rsa ${blob.toString('base64')} dev@contoso`), undefined);
  });
});

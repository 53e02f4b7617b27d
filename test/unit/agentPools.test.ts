import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writableAgentPoolBody } from '../../src/azure/agentPools';
import { upgradeBody, upgradesOf } from '../../src/azure/provisionedClusters';

describe('node pools', () => {
  it('a PUT body keeps what the user owns and drops what the service owns', () => {
    const body = writableAgentPoolBody({
      id: '/x',
      name: 'np1',
      properties: { count: 3, vmSize: 'Standard_A4_v2', osType: 'Linux', nodeLabels: { tier: 'web' }, provisioningState: 'Succeeded', status: { currentState: 'Succeeded' }, kubernetesVersion: '1.29.4' },
    });
    assert.deepEqual(body, { properties: { count: 3, vmSize: 'Standard_A4_v2', osType: 'Linux', nodeLabels: { tier: 'web' } } });
  });

  it('an upgrade body sets the version on the instance read fresh, and lets the pools inherit it', () => {
    const body = upgradeBody(
      {
        extendedLocation: { type: 'CustomLocation', name: '/cl' },
        properties: { kubernetesVersion: '1.29.4', provisioningState: 'Succeeded', status: { currentState: 'Succeeded' }, agentPoolProfiles: [{ name: 'np1', count: 2, kubernetesVersion: '1.29.4' }] },
      } as never,
      '1.30.4',
    );
    assert.deepEqual(body, { extendedLocation: { type: 'CustomLocation', name: '/cl' }, properties: { kubernetesVersion: '1.30.4', agentPoolProfiles: [{ name: 'np1', count: 2 }] } });
  });

  it('malformed upgrade entries are left out, never offered', () => {
    assert.deepEqual(upgradesOf({ properties: { controlPlaneProfile: { upgrades: [{ kubernetesVersion: '' }, null as never, { isPreview: true }, { kubernetesVersion: '1.30.4' }] } } }), [{ version: '1.30.4', isPreview: false }]);
    assert.deepEqual(upgradesOf({ properties: { controlPlaneProfile: { upgrades: 'x' as never } } }), []);
    assert.deepEqual(upgradesOf(undefined), []);
  });
});

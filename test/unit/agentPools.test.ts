import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writableAgentPoolBody } from '../../src/azure/agentPools';

describe('node pools', () => {
  it('a PUT body keeps what the user owns and drops what the service owns', () => {
    const body = writableAgentPoolBody({
      id: '/x',
      name: 'np1',
      properties: { count: 3, vmSize: 'Standard_A4_v2', osType: 'Linux', nodeLabels: { tier: 'web' }, provisioningState: 'Succeeded', status: { currentState: 'Succeeded' }, kubernetesVersion: '1.29.4' },
    });
    assert.deepEqual(body, { properties: { count: 3, vmSize: 'Standard_A4_v2', osType: 'Linux', nodeLabels: { tier: 'web' } } });
  });
});

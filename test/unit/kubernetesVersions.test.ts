import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareVersions,
  KubernetesVersionProperties,
  kubernetesVersionChoices,
  VmSkuProperties,
  vmSizeChoices,
} from '../../src/commands/createCluster/kubernetesVersions';
import { defaultKubernetesVersionValues, defaultVmSkuValues } from '../emulator/world';

describe('kubernetesVersionChoices', () => {
  const choices = kubernetesVersionChoices({ properties: { values: defaultKubernetesVersionValues() as KubernetesVersionProperties[] } });

  it('flattens to patch versions, newest first', () => {
    assert.deepEqual(choices.map((c) => c.version), ['1.30.4', '1.29.4', '1.29.2', '1.28.9']);
  });

  it('carries the minor version preview flag and the per-OS readiness', () => {
    assert.deepEqual(choices[0], {
      version: '1.30.4',
      isPreview: true,
      readiness: [
        { osSku: 'CBLMariner', ready: true },
        { osSku: 'Windows2022', ready: false, errorMessage: 'The Windows2022 image for Kubernetes 1.30.4 is still downloading on the Azure Local cluster.' },
      ],
    });
    assert.equal(choices[1].isPreview, false);
    assert.deepEqual(choices[1].readiness.map((r) => r.osSku), ['CBLMariner', 'Windows2019', 'Windows2022']);
  });

  it('compares numerically, not as text', () => {
    const values: KubernetesVersionProperties[] = [
      { version: '1.9', patchVersions: { '1.9.11': {} } },
      { version: '1.29', patchVersions: { '1.29.4': {}, '1.29.10': {} } },
      { version: '1.3', patchVersions: { '1.3.0': {} } },
    ];
    assert.deepEqual(kubernetesVersionChoices({ properties: { values } }).map((c) => c.version), ['1.29.10', '1.29.4', '1.9.11', '1.3.0']);
    assert.ok(compareVersions('1.30.0', '1.30.0-rc.1') > 0);
    assert.equal(compareVersions('1.29.4', '1.29.4'), 0);
  });

  it('an empty or still-provisioning resource has no choices', () => {
    assert.deepEqual(kubernetesVersionChoices({}), []);
    assert.deepEqual(kubernetesVersionChoices({ properties: { provisioningState: 'Accepted' } }), []);
  });
});

describe('vmSizeChoices', () => {
  it('keeps the service order with vCPUs and memory as numbers', () => {
    assert.deepEqual(vmSizeChoices({ properties: { values: defaultVmSkuValues() as VmSkuProperties[] } }), [
      { name: 'Standard_A2_v2', vCpu: 2, memoryMb: 4096 },
      { name: 'Standard_A4_v2', vCpu: 4, memoryMb: 8192 },
      { name: 'Standard_D4s_v3', vCpu: 4, memoryMb: 16384 },
      { name: 'Standard_D8s_v3', vCpu: 8, memoryMb: 32768 },
      { name: 'Standard_K8S3_v1', vCpu: 4, memoryMb: 6144 },
    ]);
  });

  it('leaves out capabilities that are missing or not numbers, and SKUs without a name', () => {
    const values: VmSkuProperties[] = [
      { name: 'Custom_1', capabilities: [{ name: 'vCpu', value: '' }, { name: 'MemoryMb', value: 'lots' }] },
      { name: 'Custom_2' },
      { capabilities: [{ name: 'vCpu', value: '2' }] },
      { name: 'Custom_3', capabilities: [{ name: 'memorymb', value: '1536' }] },
    ];
    assert.deepEqual(vmSizeChoices({ properties: { values } }), [{ name: 'Custom_1' }, { name: 'Custom_2' }, { name: 'Custom_3', memoryMb: 1536 }]);
  });
});

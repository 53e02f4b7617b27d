import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseQuickDefaults } from '../../src/commands/createCluster/quickDefaults';
import type { KubernetesVersionChoice } from '../../src/commands/createCluster/kubernetesVersions';

const version = (v: string, ready: Record<string, boolean>, isPreview = false): KubernetesVersionChoice => ({
  version: v,
  isPreview,
  readiness: Object.entries(ready).map(([osSku, r]) => ({ osSku, ready: r })),
});
// Newest first, as kubernetesVersionChoices returns them.
const VERSIONS = [version('1.30.4', { CBLMariner: true }, true), version('1.29.9', { CBLMariner: false, Windows2022: true }), version('1.29.4', { CBLMariner: true, Windows2022: true }), version('1.28.9', { CBLMariner: true })];
const SIZES = [{ name: 'Standard_A2_v2' }, { name: 'Standard_A4_v2' }, { name: 'Standard_D8s_v3' }];

describe('quick create defaults', () => {
  it('the newest release version ready for the OS, one control plane node, the AKS Arc default size, one pool of one node, Kubernetes RBAC', () => {
    const { answers, because } = chooseQuickDefaults({}, VERSIONS, SIZES, 'seattle-hci');
    assert.deepEqual(answers, {
      kubernetesVersion: '1.29.4',
      controlPlaneCount: 1,
      controlPlaneVmSize: 'Standard_A4_v2',
      nodePoolName: 'nodepool1',
      nodePoolCount: 1,
      nodePoolVmSize: 'Standard_A4_v2',
      nodePoolOsSku: 'CBLMariner',
      enableAzureRbac: false,
    });
    assert.equal(because.kubernetes, 'the newest version ready for Azure Linux on seattle-hci');
    assert.match(because.controlPlaneIp ?? '', /^assigned automatically/);
    assert.match(because.nodePool ?? '', /^one Azure Linux pool of one node/);
  });

  it('the version follows a chosen OS; a size not offered falls back to the first offered', () => {
    const { answers, because } = chooseQuickDefaults({ nodePoolOsSku: 'Windows2022' }, VERSIONS, [{ name: 'Custom_8' }], 'lab');
    assert.equal(answers.kubernetesVersion, '1.29.9');
    assert.equal(answers.nodePoolOsSku, undefined, 'given, so not a default');
    assert.equal(answers.controlPlaneVmSize, 'Custom_8');
    assert.match(because.controlPlane ?? '', /the first size lab offers$/);
  });

  it('never replaces an answer; says why only for what it chose', () => {
    const given = { kubernetesVersion: '1.28.9', controlPlaneCount: 3 as const, controlPlaneVmSize: 'Standard_D8s_v3', nodePoolName: 'gpu', nodePoolCount: 4, nodePoolVmSize: 'Standard_A2_v2', nodePoolOsSku: 'CBLMariner' as const, enableAzureRbac: true, controlPlaneIp: '10.0.0.5' };
    assert.deepEqual(chooseQuickDefaults(given, VERSIONS, SIZES, 'x'), { answers: {}, because: {} });
    const sizeOnly = chooseQuickDefaults({ ...given, controlPlaneVmSize: undefined }, VERSIONS, SIZES, 'x');
    assert.deepEqual(sizeOnly.because, { controlPlane: 'the AKS Arc default size' });
  });

  it('what cannot be decided stays missing (and the wizard asks it)', () => {
    const { answers } = chooseQuickDefaults({}, [version('1.31.1', { CBLMariner: false })], [], 'x');
    assert.equal(answers.kubernetesVersion, undefined);
    assert.equal(answers.controlPlaneVmSize, undefined);
    assert.equal(answers.nodePoolVmSize, undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { osSkuItems, osTypeOf } from '../../src/commands/createCluster/steps/osSkuItems';

describe("a node pool's OS choices", () => {
  it('an image that is missing or not ready for the version is listed with the reason, never offered', () => {
    const items = osSkuItems(
      [
        { osType: 'Linux', osSku: 'CBLMariner', ready: true },
        { osType: 'Windows', osSku: 'Windows2019', ready: false, errorMessage: 'image download failed' },
      ],
      '1.29.2',
      'CBLMariner',
    );
    assert.deepEqual(
      items.map((i) => [i.value, i.disabledReason, i.suggested]),
      [
        ['CBLMariner', undefined, true],
        ['Windows2022', 'not offered for Kubernetes 1.29.2.', false],
        ['Windows2019', 'image download failed', false],
      ],
    );
    assert.equal(osTypeOf('Windows2022'), 'Windows');
    assert.equal(osTypeOf('CBLMariner'), 'Linux');
  });
});

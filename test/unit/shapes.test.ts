import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkResources, checkSubscriptions, instanceShapeProblem } from '../../src/azure/shapes';
import { childIds } from '../../src/tree/treeNode';

const SUB = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const res = (name: string, id = `/subscriptions/${SUB}/resourceGroups/rg/providers/A.B/c/${name}`) => ({ id, name });

describe('shape checks', () => {
  it('keeps good items, and names each bad one in a warning', () => {
    const { items, warnings } = checkResources('logical network', [res('a'), null, 'x', { id: 7, name: 'b' }, { id: res('c').id }, res('A', res('a').id.toUpperCase()), res('d')], (i) => (i.name === 'd' ? 'broken' : undefined));
    assert.deepEqual(items.map((i) => i.name), ['a']);
    assert.deepEqual(warnings.map((w) => w.label), [
      'logical network #2: not an object',
      'logical network #3: not an object',
      'logical network b: no resource id',
      'logical network c: no name',
      'logical network A: another resource with the same id was returned; showing the first',
      'logical network d: broken',
    ]);
    assert.match(warnings[4].detail, /returned twice: first as "a", again as "A"/);
  });

  it('subscriptions need a display name and an id', () => {
    const { items, warnings } = checkSubscriptions([{ id: `/subscriptions/${SUB}`, subscriptionId: SUB, displayName: 'Prod' }, { id: '/subscriptions/x', subscriptionId: 'x' }, { id: '/subscriptions/y', displayName: 'Y' }]);
    assert.deepEqual(items.map((s) => s.displayName), ['Prod']);
    assert.deepEqual(warnings.map((w) => w.label), ['subscription x: no name', 'subscription Y: no subscriptionId']);
  });

  it('instances: nulls and strings where the swagger has objects and lists', () => {
    assert.equal(instanceShapeProblem({ properties: { agentPoolProfiles: [{ name: 'np' }], controlPlane: { count: 1 } } }), undefined);
    assert.equal(instanceShapeProblem({ properties: { agentPoolProfiles: [null] } }), 'properties.agentPoolProfiles[0] is null');
    assert.equal(instanceShapeProblem({ properties: { agentPoolProfiles: 'x' } }), 'properties.agentPoolProfiles is not a list');
    assert.equal(instanceShapeProblem({ properties: { controlPlane: 3 } }), 'properties.controlPlane is not an object');
    assert.equal(instanceShapeProblem('x'), 'the AKS Arc instance is not an object');
  });
});

describe('tree ids', () => {
  it('are unique among siblings by construction, and stable', () => {
    const ids = childIds('root/sub', [{ key: 'a' }, { key: 'b' }, { key: 'a' }, { key: 'a' }]);
    assert.deepEqual(ids, ['root/sub/a', 'root/sub/b', 'root/sub/a#2', 'root/sub/a#3']);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(childIds('root/sub', [{ key: 'a' }, { key: 'b' }, { key: 'a' }, { key: 'a' }]), ids);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArmClient } from '../../src/azure/armClient';
import { DEFAULT_RELIABILITY } from '../../src/azure/reliability';
import { OperationCancelledError } from '../../src/cancellation';
import { reportUnfinished } from '../../src/commands/unfinished';
import { FailureWithOutcome } from '../../src/outcome';
import type { Prompter } from '../../src/wizard/prompter';

/** A change that did not finish, against a resource whose reads answer `reads` in turn (then the last one). */
async function unfinished(error: unknown, reads: unknown[]) {
  const told: string[] = [];
  const logged: string[] = [];
  const refreshed: string[] = [];
  const prompter = {
    withProgress: (_title: string, task: (report: () => void, signal: AbortSignal) => Promise<unknown>) => task(() => undefined, new AbortController().signal),
    ask: async (message: string) => {
      told.push(message);
      return undefined;
    },
  } as unknown as Prompter;
  const client = { clock: { now: () => 0, sleep: async () => undefined }, reliability: { ...DEFAULT_RELIABILITY, settleReads: 2 } } as unknown as ArmClient;
  let i = 0;
  const thrown = await reportUnfinished({ session: undefined as never, prompter, log: (l) => logged.push(l), onChanged: (s) => refreshed.push(s), client, changedResourceId: '/subscriptions/sub/pool' }, error, {
    what: 'Scaling node pool "np1"',
    check: 'the node pool',
    read: async () => reads[Math.min(i++, reads.length - 1)],
    statement: (read) => (read.kind === 'present' ? `np1 exists (${read.state})` : read.kind),
  }).catch((e: unknown) => e);
  return { thrown, told, logged, refreshed };
}

describe('a change that did not finish', () => {
  it('cancelled: says so, with what the settled reads found, and ends as a cancellation', async () => {
    const { thrown, told, logged, refreshed } = await unfinished(new OperationCancelledError(), [{ properties: { provisioningState: 'Updating' } }, { properties: { provisioningState: 'Succeeded' } }]);
    assert.ok(thrown instanceof OperationCancelledError);
    assert.deepEqual(told, ['Scaling node pool "np1" was cancelled; cancelling stops watching, not Azure. np1 exists (Succeeded)']);
    assert.deepEqual(logged, ['Scaling node pool "np1" cancelled.', 'np1 exists (Succeeded)']);
    assert.deepEqual(refreshed, ['/subscriptions/sub/pool']);
  });

  it('failed: the failure carries the statement for the one place errors are shown', async () => {
    const { thrown, told } = await unfinished(Object.assign(new Error('no capacity'), { code: 'InsufficientCapacity' }), [undefined]);
    assert.ok(thrown instanceof FailureWithOutcome);
    assert.equal(thrown.outcome, 'absent');
    assert.deepEqual(told, []);
  });
});

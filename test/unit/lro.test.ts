import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArmError } from '../../src/azure/armError';
import { pollDelayMs, pollLongRunningOperation, type HttpResult } from '../../src/azure/lro';
import { OperationCancelledError } from '../../src/cancellation';
import { recordingClock } from '../fixtures/clock';

const result = (status: number, headers: Record<string, string> = {}, body?: unknown): HttpResult => ({
  status,
  headers: { get: (name) => headers[name.toLowerCase()] },
  bodyText: body === undefined ? undefined : JSON.stringify(body),
});

/** A scripted server: each GET of a URL returns the next response queued for it. */
function script(responses: Record<string, HttpResult[]>) {
  const calls: string[] = [];
  const get = async (url: string) => {
    calls.push(url);
    const next = responses[url]?.shift();
    if (!next) throw new Error(`unexpected GET ${url}`);
    return next;
  };
  return { get, calls };
}

describe('long-running operations', () => {
  it('polls Azure-AsyncOperation to Succeeded, waiting Retry-After, then reads the resource (PUT)', async () => {
    const waits: number[] = [];
    const statuses: string[] = [];
    const server = script({
      op: [result(200, { 'retry-after': '3' }, { status: 'InProgress' }), result(200, {}, { status: 'Succeeded' })],
      resource: [result(200, {}, { name: 'c1', properties: { provisioningState: 'Succeeded' } })],
    });
    const final = await pollLongRunningOperation({
      initial: result(201, { 'azure-asyncoperation': 'op', 'retry-after': '2' }, { properties: { provisioningState: 'Accepted' } }),
      method: 'PUT',
      resourceUrl: 'resource',
      get: server.get,
      clock: { now: () => 0, sleep: async (ms: number) => void waits.push(ms) },
      onStatus: (s) => statuses.push(s),
    });
    assert.equal(JSON.parse(final.bodyText!).name, 'c1');
    assert.deepEqual(waits, [2000, 3000]);
    assert.deepEqual(statuses, ['InProgress', 'Succeeded']);
    assert.deepEqual(server.calls, ['op', 'op', 'resource']);
  });

  it('throws ARM\'s error when the operation ends Failed', async () => {
    const server = script({ op: [result(200, {}, { status: 'Failed', error: { code: 'NodePoolFailed', message: 'no capacity' } })] });
    await assert.rejects(
      pollLongRunningOperation({ initial: result(201, { 'azure-asyncoperation': 'op' }), method: 'PUT', resourceUrl: 'r', get: server.get, clock: recordingClock() }),
      (error: unknown) => error instanceof ArmError && error.code === 'NodePoolFailed' && error.message === 'no capacity',
    );
  });

  it('polls Location until it stops answering 202 (DELETE)', async () => {
    const server = script({ loc: [result(202, { 'retry-after': '0' }), result(204)] });
    const final = await pollLongRunningOperation({ initial: result(202, { location: 'loc' }), method: 'DELETE', get: server.get, clock: recordingClock() });
    assert.equal(final.status, 204);
    assert.deepEqual(server.calls, ['loc', 'loc']);
  });

  it('returns the Location result of a POST that had Azure-AsyncOperation too', async () => {
    const server = script({ op: [result(200, {}, { status: 'Succeeded' })], loc: [result(200, {}, { properties: { kubeconfigs: [] } })] });
    const final = await pollLongRunningOperation({ initial: result(202, { 'azure-asyncoperation': 'op', location: 'loc' }), method: 'POST', get: server.get, clock: recordingClock() });
    assert.deepEqual(JSON.parse(final.bodyText!), { properties: { kubeconfigs: [] } });
  });

  it('falls back to the resource\'s provisioningState when there are no operation headers', async () => {
    const server = script({ r: [result(200, {}, { properties: { provisioningState: 'Creating' } }), result(200, {}, { properties: { provisioningState: 'Succeeded' } })] });
    const final = await pollLongRunningOperation({
      initial: result(201, {}, { properties: { provisioningState: 'Accepted' } }),
      method: 'PUT',
      resourceUrl: 'r',
      get: server.get,
      clock: recordingClock(),
    });
    assert.equal(JSON.parse(final.bodyText!).properties.provisioningState, 'Succeeded');
    assert.equal(server.calls.length, 2);
  });

  it('stops polling when cancelled', async () => {
    const controller = new AbortController();
    const server = script({ op: [result(200, {}, { status: 'InProgress' })] });
    await assert.rejects(
      pollLongRunningOperation({
        initial: result(201, { 'azure-asyncoperation': 'op' }),
        method: 'PUT',
        get: async (url) => {
          controller.abort();
          return server.get(url);
        },
        clock: recordingClock(),
        signal: controller.signal,
      }),
      OperationCancelledError,
    );
    assert.equal(server.calls.length, 1);
  });

  it('reads Retry-After as seconds or an HTTP date, within the floor and the cap', () => {
    const h = (v?: string) => ({ get: () => v });
    const timing = { pollDefaultDelayMs: 5000, pollMinDelayMs: 1000, pollMaxDelayMs: 60000 };
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(pollDelayMs(h('7'), now, timing), 7000);
    assert.equal(pollDelayMs(h(undefined), now, timing), 5000);
    assert.equal(pollDelayMs(h('3600'), now, timing), 60000);
    assert.equal(pollDelayMs(h('soon'), now, timing), 5000);
    assert.equal(pollDelayMs(h(new Date(now + 10_000).toUTCString()), now, timing), 10_000);
    // Never "poll at once": zero, negative and past dates give the floor.
    assert.equal(pollDelayMs(h('0'), now, timing), 1000);
    assert.equal(pollDelayMs(h('-5'), now, timing), 1000);
    assert.equal(pollDelayMs(h(new Date(now - 60_000).toUTCString()), now, timing), 1000);
  });
});

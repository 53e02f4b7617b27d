import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestError } from '@azure/core-rest-pipeline';
import { tokenExpiry } from '../../src/auth/tokenExpiry';
import { ArmError, describeArmError, isRefusal, normalizeError } from '../../src/azure/armError';
import { isTransitionalState } from '../../src/azure/provisioningState';
import { DEFAULT_RELIABILITY } from '../../src/azure/reliability';
import { readUntilSettled } from '../../src/azure/settle';
import { OperationCancelledError } from '../../src/cancellation';
import { recordingClock } from '../fixtures/clock';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] });

describe('the one error normaliser', () => {
  it('turns a RestError with ARM\'s body into an ArmError with code, details, status and correlation id', () => {
    const error = new RestError('boom', {
      statusCode: 409,
      response: {
        status: 409,
        bodyAsText: JSON.stringify({ error: { code: 'Conflict', message: 'busy', details: [{ code: 'Inner', message: 'x' }] } }),
        headers: headers({ 'x-ms-correlation-request-id': 'c-1' }),
      } as never,
    });
    const normal = normalizeError(error);
    assert.ok(normal instanceof ArmError);
    assert.deepEqual([normal.code, normal.message, normal.status, normal.correlationId, normal.details.length], ['Conflict', 'busy', 409, 'c-1', 1]);
  });

  it('turns a transport failure into an ArmError without a status (no answer), and AbortError into the cancellation', () => {
    const reset = normalizeError(new RestError('socket hang up', { code: 'ECONNRESET' }));
    assert.ok(reset instanceof ArmError && reset.status === undefined && reset.code === 'ECONNRESET');
    const abort = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    assert.ok(normalizeError(abort) instanceof OperationCancelledError);
    const plain = new Error('Cluster name: must be lowercase');
    assert.equal(normalizeError(plain), plain);
  });

  it('a refusal proves absence only when no earlier attempt was lost', () => {
    const refused = new ArmError('Conflict', 'busy', 409);
    assert.equal(isRefusal(refused), true);
    refused.afterLostAttempt = true;
    assert.equal(isRefusal(refused), false);
    assert.equal(isRefusal(new ArmError('GatewayTimeout', 'x', 504)), false);
    assert.equal(isRefusal(new ArmError('RequestTimeout', 'x', 408)), false);
    assert.equal(isRefusal(new ArmError('ECONNRESET', 'x', undefined)), false);
  });

  it('renders any body bounded, without recursion', () => {
    let details: unknown[] = [];
    for (let i = 0; i < 50_000; i++) details = [{ code: `L${i}`, message: 'm'.repeat(5000), details }];
    const text = describeArmError(new ArmError('Deep', 'x', 400, details as never));
    assert.ok(text.split('\n').length < 120);
    assert.ok(text.length < 200_000);
    assert.match(text, /more details not shown/);
    assert.doesNotThrow(() => describeArmError(new ArmError('Odd', 'x', 400, [null, 7, 'text', { details: 'not an array' }] as never)));
  });
});

describe('transitional states', () => {
  it('only the swagger\'s in-progress states are transitional; NotApplicable and unknown values are settled', () => {
    for (const state of ['Accepted', 'Creating', 'Updating', 'Deleting', 'Pending', 'Provisioning', 'Upgrading', 'InProgress', 'creating ']) assert.equal(isTransitionalState(state), true, state);
    for (const state of ['Succeeded', 'Failed', 'Canceled', 'NotApplicable', 'Unknown', '', null, 42, undefined]) assert.equal(isTransitionalState(state), false, String(state));
  });
});

describe('reading until settled', () => {
  const reliability = { settleReads: 3, settleSpacingMs: 5000, settleWindowMs: 60_000 };
  const reads = (...answers: (string | undefined | Error)[]) => {
    let i = 0;
    return async () => {
      const next = answers[Math.min(i++, answers.length - 1)];
      if (next instanceof Error) throw next;
      return next === undefined ? undefined : { properties: { provisioningState: next } };
    };
  };

  it('"absent" needs three absent reads in a row: a resource that shows up late is present', async () => {
    const clock = recordingClock();
    assert.deepEqual(await readUntilSettled(reads(undefined, undefined, 'Accepted', 'Succeeded'), { clock, reliability }), { kind: 'present', state: 'Succeeded', transitional: false });
    assert.deepEqual(await readUntilSettled(reads(undefined), { clock, reliability }), { kind: 'absent' });
  });

  it('spaces its reads and gives up at the window: still Creating is present (and says so), failing reads are unknown', async () => {
    const clock = recordingClock();
    assert.deepEqual(await readUntilSettled(reads('Creating'), { clock, reliability }), { kind: 'present', state: 'Creating', transitional: true });
    assert.ok(clock.waits.every((w) => w === 5000) && clock.waits.length === 12, String(clock.waits));
    const unknown = await readUntilSettled(reads(new ArmError('ECONNRESET', 'no answer', undefined)), { clock: recordingClock(), reliability });
    assert.equal(unknown.kind, 'unknown');
    assert.match(unknown.kind === 'unknown' ? unknown.why : '', /not settled within 60 s; last read failed: ECONNRESET: no answer/);
  });

  it('a second cancel stops waiting: absence not yet proven is "unknown"', async () => {
    const controller = new AbortController();
    const result = await readUntilSettled(
      async () => {
        controller.abort();
        return undefined;
      },
      { clock: recordingClock(), reliability, signal: controller.signal },
    );
    assert.deepEqual(result, { kind: 'unknown', why: 'you stopped the check (not seen yet)' });
  });

  it('the defaults are the ones the README names', () => {
    assert.deepEqual([DEFAULT_RELIABILITY.settleReads, DEFAULT_RELIABILITY.settleSpacingMs, DEFAULT_RELIABILITY.pollMinDelayMs, DEFAULT_RELIABILITY.pollMaxDelayMs], [3, 5000, 1000, 60_000]);
  });
});

describe('token expiry', () => {
  const jwt = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;
  it('reads a JWT\'s exp claim; anything else has none', () => {
    assert.equal(tokenExpiry(jwt({ exp: 1_800_000_000 })), 1_800_000_000_000);
    assert.equal(tokenExpiry(jwt({ exp: 'soon' })), undefined);
    assert.equal(tokenExpiry('opaque-token'), undefined);
    assert.equal(tokenExpiry('a.!!!.c'), undefined);
  });
});

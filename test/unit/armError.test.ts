import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArmError, armErrorFromOperation, armErrorFromResponse, describeArmError } from '../../src/azure/armError';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] });

describe('ArmError', () => {
  it('keeps ARM\'s code, message, details and correlation id', () => {
    const error = armErrorFromResponse({
      status: 400,
      bodyText: JSON.stringify({
        error: { code: 'InvalidRequestContent', message: 'Bad body', target: 'properties', details: [{ code: 'Inner', message: 'count must be 1, 3 or 5' }] },
      }),
      headers: headers({ 'x-ms-correlation-request-id': 'corr-1' }),
    });
    assert.ok(error instanceof ArmError);
    assert.equal(error.code, 'InvalidRequestContent');
    assert.equal(error.message, 'Bad body');
    assert.equal(error.status, 400);
    assert.equal(error.correlationId, 'corr-1');
    assert.equal(error.target, 'properties');
    assert.equal(error.details[0].message, 'count must be 1, 3 or 5');
    assert.equal(
      describeArmError(error),
      'InvalidRequestContent: Bad body\n  - Inner: count must be 1, 3 or 5\nHTTP status: 400\nCorrelation id: corr-1',
    );
  });

  it('accepts an error object without the {error} wrapper', () => {
    assert.equal(armErrorFromResponse({ status: 409, bodyText: '{"code":"Conflict","message":"busy"}' }).code, 'Conflict');
  });

  it('derives a code from the status when the body is not ARM\'s', () => {
    const error = armErrorFromResponse({ status: 503, bodyText: '<html>gateway</html>' });
    assert.equal(error.code, 'ServiceUnavailable');
    assert.equal(error.message, '<html>gateway</html>');
    assert.equal(armErrorFromResponse({ status: 418 }).code, 'Http418');
    assert.equal(armErrorFromResponse({ status: 401, bodyText: '' }).message, 'The request failed with status 401.');
  });

  it('turns a Failed operation status into an error with the operation\'s code', () => {
    const error = armErrorFromOperation({ status: 'Failed', error: { code: 'CreateFailed', message: 'no IPs left in pool' } }, 'c');
    assert.equal(error.code, 'CreateFailed');
    assert.equal(error.message, 'no IPs left in pool');
    assert.equal(armErrorFromOperation({ status: 'Canceled' }).code, 'OperationCanceled');
  });
});

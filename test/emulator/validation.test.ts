/**
 * Deliberately invalid requests (bad api-version, invalid bodies) and the CLI. This emulator does not record traffic:
 * oav would rightly flag these requests as invalid.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { arm, control } from './helpers';
import { startEmulator, type Emulator } from './server';
import { DEMO } from './world';

const S1 = DEMO.subscriptions.production.id;
const cc = (name: string) => `/subscriptions/${S1}/resourcegroups/rg-aks-workloads/providers/Microsoft.Kubernetes/connectedClusters/${name}?api-version=2024-01-01`;

describe('ARM emulator request validation (not recorded)', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ trafficDir: '', retryAfterSeconds: 0 });
  });
  after(async () => {
    await emu?.close();
  });

  it('400 InvalidApiVersionParameter / MissingApiVersionParameter', async () => {
    const bad = await arm(emu, 'GET', '/subscriptions?api-version=2016-06-01');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'InvalidApiVersionParameter');
    assert.match(bad.body.error.message, /2022-12-01/);
    const missing = await arm(emu, 'GET', `/subscriptions/${S1}/providers/Microsoft.AzureStackHCI/logicalNetworks`);
    assert.equal(missing.body.error.code, 'MissingApiVersionParameter');
  });

  it('400 InvalidRequestContent naming the field', async () => {
    const noIdentity = await arm(emu, 'PUT', cc('bad1'), { location: 'eastus', properties: { agentPublicKeyCertificate: '' } });
    assert.equal(noIdentity.status, 400);
    assert.equal(noIdentity.body.error.code, 'InvalidRequestContent');
    assert.match(noIdentity.body.error.message, /identity/);
    const noCert = await arm(emu, 'PUT', cc('bad2'), { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: {} });
    assert.match(noCert.body.error.message, /properties\.agentPublicKeyCertificate/);
    const noLocation = await arm(emu, 'PUT', cc('bad3'), { identity: { type: 'SystemAssigned' }, properties: { agentPublicKeyCertificate: '' } });
    assert.match(noLocation.body.error.message, /'location'/);
    const notJson = await arm(emu, 'PUT', cc('bad4'), '{"location": ');
    assert.equal(notJson.body.error.code, 'InvalidRequestContent');

    const instance = `${DEMO.connectedClusters.seattleProd}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default?api-version=2024-01-01`;
    const pool = await arm(emu, 'PUT', instance, {
      extendedLocation: { type: 'CustomLocation', name: DEMO.customLocations.seattle },
      properties: { agentPoolProfiles: [{ name: 'Node_Pool-1', count: 1 }] },
    });
    assert.equal(pool.status, 400);
    assert.match(pool.body.error.message, /agentPoolProfiles\[0\]\.name/);
    const noExt = await arm(emu, 'PUT', instance, { properties: {} });
    assert.match(noExt.body.error.message, /extendedLocation/);
    const badSku = await arm(emu, 'PUT', instance, {
      extendedLocation: { type: 'CustomLocation', name: DEMO.customLocations.seattle },
      properties: { agentPoolProfiles: [{ name: 'pool1', osSKU: 'Windows' }] },
    });
    assert.match(badSku.body.error.message, /osSKU/);
  });

  it('404 for unknown routes, 405 for unsupported methods, 400 for bad fault rules', async () => {
    assert.equal((await arm(emu, 'GET', '/nothing/here?api-version=1')).status, 404);
    assert.equal((await arm(emu, 'PATCH', '/subscriptions?api-version=2022-12-01')).status, 405);
    assert.equal((await control(emu, 'POST', '/faults', { status: 500 })).status, 400);
    assert.equal((await control(emu, 'POST', '/faults', { path: '(' })).status, 400);
    assert.equal((await control(emu, 'POST', '/config', { pageSize: 0 })).status, 400);
  });

  it('starts empty when asked, and reset can switch worlds', async () => {
    await control(emu, 'POST', '/reset', { world: 'empty' });
    assert.deepEqual((await arm(emu, 'GET', '/subscriptions?api-version=2022-12-01')).body.value, []);
    await control(emu, 'POST', '/reset', { world: 'demo' });
    assert.equal((await arm(emu, 'GET', '/subscriptions?api-version=2022-12-01')).body.value.length, 2);
  });
});

describe('ARM emulator CLI', () => {
  it('prints exactly one ready line and exits on SIGTERM', async () => {
    const main = path.join(__dirname, 'main.js');
    const child = spawn(process.execPath, [main, '--port', '0', '--page-size', '1', '--lro-polls', '0', '--retry-after', '0', '--world', 'demo'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ARM_TRAFFIC_DIR: '' },
    });
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    rl.on('line', (l) => lines.push(l));
    const m = /^ARM emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
    assert.ok(m, first);
    const page = await arm(m[1], 'GET', '/subscriptions?api-version=2022-12-01');
    assert.equal(page.body.value.length, 1, '--page-size applies');
    assert.ok(page.body.nextLink);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
    assert.deepEqual(lines, []);
  });
});

/**
 * ARM emulator behaviour, against a started emulator that records traffic; the last test runs that traffic through
 * test/oav/validate.mjs (oav validate-traffic against test/specs) and expects 0 errors. Every request in this file is
 * schema-valid on purpose (deliberately invalid requests live in validation.test.ts, which does not record).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { arm, control, pollAsyncOperation, pollLocation } from './helpers';
import { startEmulator, type Emulator } from './server';
import { DEMO } from './world';

const S1 = DEMO.subscriptions.production.id;
const S2 = DEMO.subscriptions.devTest.id;
const CC = '2024-01-01';
const HCS = '2024-01-01';
const RES = '2025-04-01';
const ccPath = (rg: string, name: string) => `/subscriptions/${S1}/resourcegroups/${rg}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const instancePath = (rg: string, name: string) => `${ccPath(rg, name)}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`;
const ccBody = { location: 'eastus', kind: 'ProvisionedCluster', identity: { type: 'SystemAssigned' }, properties: { agentPublicKeyCertificate: '' } };
const instanceBody = (customLocation: string, lnet: string) => ({
  extendedLocation: { type: 'CustomLocation', name: customLocation },
  properties: {
    controlPlane: { count: 1, vmSize: 'Standard_A4_v2' },
    kubernetesVersion: '1.29.4',
    agentPoolProfiles: [{ name: 'nodepool1', count: 2, vmSize: 'Standard_A4_v2', osType: 'Linux', osSKU: 'CBLMariner' }],
    cloudProviderProfile: { infraNetworkProfile: { vnetSubnetIds: [lnet] } },
    networkProfile: { networkPolicy: 'calico', podCidr: '10.244.0.0/16' },
    linuxProfile: { ssh: { publicKeys: [{ keyData: 'ssh-rsa AAAAB3NzaC1yc2E test@contoso' }] } },
  },
});

describe('ARM emulator (recorded traffic)', () => {
  let emu: Emulator;
  let trafficDir: string;

  before(async () => {
    trafficDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arm-traffic-'));
    emu = await startEmulator({ trafficDir, retryAfterSeconds: 0, lroPollsToComplete: 2 });
  });
  after(async () => {
    await emu?.close();
  });

  it('rejects requests without the dev token: 401, ARM error body, WWW-Authenticate', async () => {
    const r = await arm(emu, 'GET', `/subscriptions/${S1}/providers/Microsoft.ExtendedLocation/customLocations?api-version=2021-08-15`, undefined, {});
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'AuthenticationFailed');
    assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer/);
    const wrong = await arm(emu, 'GET', `/subscriptions/${S1}/providers/Microsoft.ExtendedLocation/customLocations?api-version=2021-08-15`, undefined, { Authorization: 'Bearer nope' });
    assert.equal(wrong.status, 401);
  });

  it('sets request and correlation ids, echoing the caller correlation id', async () => {
    const r = await fetch(`${emu.url}/subscriptions?api-version=2022-12-01`, {
      headers: { Authorization: `Bearer ${(await import('../../src/auth/loopback')).DEV_TOKEN}`, 'x-ms-correlation-request-id': 'corr-123' },
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('x-ms-correlation-request-id'), 'corr-123');
    assert.ok(r.headers.get('x-ms-request-id'));
    assert.match(r.headers.get('content-type') ?? '', /application\/json/);
  });

  it('serves the demo world', async () => {
    const subs = await arm(emu, 'GET', '/subscriptions?api-version=2022-12-01');
    assert.deepEqual(subs.body.value.map((s: { displayName: string }) => s.displayName), ['Contoso Edge Production', 'Contoso Edge Dev/Test']);
    assert.ok(subs.body.value.every((s: { tenantId: string }) => s.tenantId === DEMO.tenantId));

    const cl1 = await arm(emu, 'GET', `/subscriptions/${S1}/providers/Microsoft.ExtendedLocation/customLocations?api-version=2021-08-15`);
    const cl2 = await arm(emu, 'GET', `/subscriptions/${S2}/providers/Microsoft.ExtendedLocation/customLocations?api-version=2021-08-15`);
    assert.deepEqual(cl1.body.value.map((c: { name: string }) => c.name), ['seattle-hci', 'redmond-hci']);
    assert.deepEqual(cl2.body.value.map((c: { name: string }) => c.name), ['dev-lab']);
    assert.equal(cl1.body.value[0].properties.hostType, 'Kubernetes');

    const ln1 = await arm(emu, 'GET', `/subscriptions/${S1}/providers/Microsoft.AzureStackHCI/logicalNetworks?api-version=2024-01-01`);
    const ln2 = await arm(emu, 'GET', `/subscriptions/${S2}/providers/Microsoft.AzureStackHCI/logicalNetworks?api-version=2024-01-01`);
    assert.equal(ln1.body.value.length + ln2.body.value.length, 5);
    const methods = [...ln1.body.value, ...ln2.body.value].map((l: { properties: { subnets: { properties: { ipAllocationMethod: string } }[] } }) => l.properties.subnets[0].properties.ipAllocationMethod);
    assert.equal(methods.filter((m: string) => m === 'Dynamic').length, 1);
    const exact = ln1.body.value.filter((l: { extendedLocation: { name: string } }) => l.extendedLocation.name === DEMO.customLocations.seattle);
    const ci = ln1.body.value.filter((l: { extendedLocation: { name: string } }) => l.extendedLocation.name.toLowerCase() === DEMO.customLocations.seattle.toLowerCase());
    assert.equal(exact.length, 1, 'one Seattle network uses the canonical id casing');
    assert.equal(ci.length, 2, 'the other differs only by case');

    const byRg = await arm(emu, 'GET', `/subscriptions/${S1}/resourceGroups/rg-hci-redmond/providers/Microsoft.AzureStackHCI/logicalNetworks?api-version=2024-01-01`);
    assert.deepEqual(byRg.body.value.map((l: { name: string }) => l.name), ['lnet-redmond-prod', 'lnet-redmond-dhcp']);

    const cc = await arm(emu, 'GET', `/subscriptions/${S1}/providers/Microsoft.Kubernetes/connectedClusters?api-version=${CC}`);
    assert.deepEqual(cc.body.value.map((c: { name: string; kind: string; properties: { provisioningState: string; connectivityStatus: string } }) => [c.name, c.kind, c.properties.provisioningState, c.properties.connectivityStatus]), [
      ['aks-seattle-prod01', 'ProvisionedCluster', 'Succeeded', 'Connected'],
      ['aks-redmond-test02', 'ProvisionedCluster', 'Failed', 'Offline'],
    ]);
    const ok = await arm(emu, 'GET', `${instancePath('rg-hci-seattle', 'aks-seattle-prod01')}?api-version=${HCS}`);
    assert.equal(ok.body.name, 'default');
    assert.equal(ok.body.properties.agentPoolProfiles[0].name, 'nodepool1');
    const failed = await arm(emu, 'GET', `${instancePath('rg-hci-redmond', 'aks-redmond-test02')}?api-version=${HCS}`);
    assert.equal(failed.body.properties.provisioningState, 'Failed');
    assert.match(failed.body.properties.status.errorMessage, /failed/);

    const kv = await arm(emu, 'GET', `${DEMO.customLocations.seattle}/providers/Microsoft.HybridContainerService/kubernetesVersions/default?api-version=${HCS}`);
    const readiness = kv.body.properties.values.flatMap((v: { patchVersions: Record<string, { readiness: unknown[] }> }) => Object.values(v.patchVersions).flatMap((p) => p.readiness));
    assert.ok(readiness.some((r: { ready?: boolean }) => r.ready === false));
    const skus = await arm(emu, 'GET', `${DEMO.customLocations.seattle}/providers/Microsoft.HybridContainerService/skus/default?api-version=${HCS}`);
    assert.ok(skus.body.properties.values.some((s: { name: string }) => s.name === 'Standard_A4_v2'));
    const rg = await arm(emu, 'GET', `/subscriptions/${S1}/resourcegroups/rg-hci-seattle?api-version=${RES}`);
    assert.equal(rg.body.name, 'rg-hci-seattle');
  });

  it('pages lists: nextLink followed exactly over 3 pages, last page without nextLink', async () => {
    for (const name of ['rg-extra-1', 'rg-extra-2', 'rg-extra-3']) {
      const put = await arm(emu, 'PUT', `/subscriptions/${S1}/resourcegroups/${name}?api-version=${RES}`, { location: 'eastus', tags: { purpose: 'paging' } });
      assert.equal(put.status, 201);
    }
    const again = await arm(emu, 'PUT', `/subscriptions/${S1}/resourcegroups/rg-extra-1?api-version=${RES}`, { location: 'eastus' });
    assert.equal(again.status, 200);
    const cfg = await control(emu, 'POST', '/config', { pageSize: 2 });
    assert.equal(cfg.body.pageSize, 2);

    const names: string[] = [];
    let url: string | undefined = `${emu.url}/subscriptions/${S1}/resourcegroups?api-version=${RES}`;
    let pages = 0;
    while (url) {
      const r = await arm(emu, 'GET', url);
      assert.equal(r.status, 200);
      pages++;
      names.push(...r.body.value.map((g: { name: string }) => g.name));
      if (r.body.nextLink) {
        assert.ok(r.body.nextLink.startsWith(emu.url), 'nextLink is absolute on the emulator');
        assert.match(r.body.nextLink, /api-version=2025-04-01/);
        assert.match(r.body.nextLink, /\$skipToken=/);
        assert.equal(r.body.value.length, 2);
      }
      url = r.body.nextLink;
      assert.ok(pages <= 5, 'paging terminates');
    }
    assert.equal(pages, 3);
    assert.deepEqual(names, ['rg-hci-seattle', 'rg-hci-redmond', 'rg-aks-workloads', 'rg-extra-1', 'rg-extra-2', 'rg-extra-3']);
    await control(emu, 'POST', '/config', { pageSize: 50 });
  });

  it('runs PUT as an LRO: 201 + Azure-AsyncOperation, InProgress x2, then Succeeded', async () => {
    const put = await arm(emu, 'PUT', `${ccPath('rg-aks-workloads', 'aks-new01')}?api-version=${CC}`, ccBody);
    assert.equal(put.status, 201);
    assert.equal(put.body.properties.provisioningState, 'Accepted');
    assert.equal(put.headers.get('retry-after'), '0');
    const aao = put.headers.get('azure-asyncoperation');
    assert.ok(aao && aao.startsWith(emu.url));
    const mid = await arm(emu, 'GET', `${ccPath('rg-aks-workloads', 'aks-new01')}?api-version=${CC}`);
    assert.equal(mid.body.properties.provisioningState, 'Accepted');
    const { statuses } = await pollAsyncOperation(aao);
    assert.deepEqual(statuses, ['InProgress', 'InProgress', 'Succeeded']);
    const done = await arm(emu, 'GET', `${ccPath('rg-aks-workloads', 'aks-new01')}?api-version=${CC}`);
    assert.equal(done.body.properties.provisioningState, 'Succeeded');

    const inst = await arm(emu, 'PUT', `${instancePath('rg-aks-workloads', 'aks-new01')}?api-version=${HCS}`, instanceBody(DEMO.customLocations.seattle, DEMO.logicalNetworks.seattleProd));
    assert.equal(inst.status, 201);
    assert.equal(inst.body.name, 'default');
    assert.equal(inst.body.properties.provisioningState, 'Creating');
    const r2 = await pollAsyncOperation(inst.headers.get('azure-asyncoperation')!);
    assert.equal(r2.last.status, 'Succeeded');
    const parent = await arm(emu, 'GET', `${ccPath('rg-aks-workloads', 'aks-new01')}?api-version=${CC}`);
    assert.equal(parent.body.properties.connectivityStatus, 'Connected');

    const update = await arm(emu, 'PUT', `${ccPath('rg-aks-workloads', 'aks-new01')}?api-version=${CC}`, { ...ccBody, tags: { team: 'edge' } });
    assert.equal(update.status, 200, 'PUT on an existing resource answers 200');
    await pollAsyncOperation(update.headers.get('azure-asyncoperation')!);
  });

  it('fails an LRO when a fault rule says so', async () => {
    const rule = await control(emu, 'POST', '/faults', {
      method: 'PUT', path: '/connectedClusters/aks-doomed$', lroOutcome: 'Failed', error: { code: 'QuotaExceeded', message: 'Cores quota exceeded in eastus.' },
    });
    assert.equal(rule.status, 201);
    const put = await arm(emu, 'PUT', `${ccPath('rg-aks-workloads', 'aks-doomed')}?api-version=${CC}`, ccBody);
    assert.equal(put.status, 201);
    const { statuses, last } = await pollAsyncOperation(put.headers.get('azure-asyncoperation')!);
    assert.deepEqual(statuses, ['InProgress', 'InProgress', 'Failed']);
    assert.deepEqual(last.error, { code: 'QuotaExceeded', message: 'Cores quota exceeded in eastus.' });
    const get = await arm(emu, 'GET', `${ccPath('rg-aks-workloads', 'aks-doomed')}?api-version=${CC}`);
    assert.equal(get.body.properties.provisioningState, 'Failed');

    await control(emu, 'POST', '/faults', { method: 'PUT', path: 'aks-new01/providers/Microsoft.HybridContainerService', lroOutcome: 'Failed', error: { code: 'InvalidVmSize', message: 'VM size Standard_Z1 is not available.' } });
    const inst = await arm(emu, 'PUT', `${instancePath('rg-aks-workloads', 'aks-new01')}?api-version=${HCS}`, instanceBody(DEMO.customLocations.seattle, DEMO.logicalNetworks.seattleProd));
    assert.equal(inst.status, 200);
    await pollAsyncOperation(inst.headers.get('azure-asyncoperation')!);
    const failed = await arm(emu, 'GET', `${instancePath('rg-aks-workloads', 'aks-new01')}?api-version=${HCS}`);
    assert.equal(failed.body.properties.provisioningState, 'Failed');
    assert.equal(failed.body.properties.status.errorMessage, 'VM size Standard_Z1 is not available.');
  });

  it('returns kubeconfig via 202 + Location, final 200 ListCredentialResponse', async () => {
    const post = await arm(emu, 'POST', `${instancePath('rg-hci-seattle', 'aks-seattle-prod01')}/listAdminKubeconfig?api-version=${HCS}`);
    assert.equal(post.status, 202);
    assert.ok(post.headers.get('azure-asyncoperation'));
    const { codes, last } = await pollLocation(post.headers.get('location')!);
    assert.deepEqual(codes, [202, 202, 200]);
    const yaml = Buffer.from(last.body.properties.kubeconfigs[0].value, 'base64').toString('utf8');
    assert.match(yaml, /apiVersion: v1/);
    assert.match(yaml, /aks-seattle-prod01/);

    const user = await arm(emu, 'POST', `${instancePath('rg-hci-seattle', 'aks-seattle-prod01')}/listUserKubeconfig?api-version=${HCS}`);
    const status = await pollAsyncOperation(user.headers.get('azure-asyncoperation')!);
    assert.equal(status.last.status, 'Succeeded');
    assert.ok(status.last.properties.kubeconfigs[0].value);

    const cred = await arm(emu, 'POST', `${ccPath('rg-hci-seattle', 'aks-seattle-prod01')}/listClusterUserCredential?api-version=${CC}`, { authenticationMethod: 'AAD', clientProxy: false });
    assert.equal(cred.status, 200);
    assert.ok(cred.body.kubeconfigs[0].value);
  });

  it('deletes as an LRO: 202 + Location, 202 while running, then 204; the instance goes too; 409 on re-create while deleting', async () => {
    const del = await arm(emu, 'DELETE', `${ccPath('rg-aks-workloads', 'aks-new01')}?api-version=${CC}`);
    assert.equal(del.status, 202);
    assert.ok(del.headers.get('azure-asyncoperation'));
    const conflict = await arm(emu, 'PUT', `${ccPath('rg-aks-workloads', 'aks-new01')}?api-version=${CC}`, ccBody);
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.error.code, 'Conflict');
    const { codes } = await pollLocation(del.headers.get('location')!);
    assert.deepEqual(codes, [202, 202, 204]);
    const gone = await arm(emu, 'GET', `${ccPath('rg-aks-workloads', 'aks-new01')}?api-version=${CC}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.error.code, 'ResourceNotFound');
    const instGone = await arm(emu, 'GET', `${instancePath('rg-aks-workloads', 'aks-new01')}?api-version=${HCS}`);
    assert.equal(instGone.status, 404);
  });

  it('injects 429 with Retry-After once, then serves normally', async () => {
    await control(emu, 'POST', '/faults', { method: 'GET', path: '/customLocations$', status: 429, retryAfter: 7 });
    const p = `/subscriptions/${S1}/providers/Microsoft.ExtendedLocation/customLocations?api-version=2021-08-15`;
    const first = await arm(emu, 'GET', p);
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '7');
    assert.equal(first.body.error.code, 'TooManyRequests');
    const second = await arm(emu, 'GET', p);
    assert.equal(second.status, 200);
  });

  it('injects a connection reset (fetch rejects) and a one-time 401', async () => {
    await control(emu, 'POST', '/faults', { path: '/logicalNetworks$', reset: true });
    const p = `/subscriptions/${S1}/providers/Microsoft.AzureStackHCI/logicalNetworks?api-version=2024-01-01`;
    await assert.rejects(arm(emu, 'GET', p));
    assert.equal((await arm(emu, 'GET', p)).status, 200);

    await control(emu, 'POST', '/faults', { path: '/logicalNetworks$', unauthorizedOnce: true });
    const denied = await arm(emu, 'GET', p);
    assert.equal(denied.status, 401);
    assert.equal(denied.body.error.code, 'AuthenticationFailed');
    assert.equal((await arm(emu, 'GET', p)).status, 200);
  });

  it('answers 404 with ARM error codes', async () => {
    const noCl = await arm(emu, 'GET', `/subscriptions/${S1}/resourceGroups/rg-hci-seattle/providers/Microsoft.ExtendedLocation/customLocations/nowhere?api-version=2021-08-15`);
    assert.equal(noCl.status, 404);
    assert.equal(noCl.body.error.code, 'ResourceNotFound');
    const noRg = await arm(emu, 'GET', `/subscriptions/${S1}/resourceGroups/rg-missing/providers/Microsoft.AzureStackHCI/logicalNetworks?api-version=2024-01-01`);
    assert.equal(noRg.body.error.code, 'ResourceGroupNotFound');
    const noSub = await arm(emu, 'GET', `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Kubernetes/connectedClusters?api-version=${CC}`);
    assert.equal(noSub.status, 404);
    assert.equal(noSub.body.error.code, 'SubscriptionNotFound');
    const head = await fetch(`${emu.url}/subscriptions/${S1}/resourcegroups/rg-missing?api-version=${RES}`, { method: 'HEAD', headers: { Authorization: `Bearer ${(await import('../../src/auth/loopback')).DEV_TOKEN}` } });
    assert.equal(head.status, 404);
  });

  it('registers a provider: Registering, then Registered', async () => {
    const ns = `/subscriptions/${S2}/providers/Microsoft.HybridContainerService`;
    assert.equal((await arm(emu, 'GET', `${ns}?api-version=${RES}`)).body.registrationState, 'NotRegistered');
    const reg = await arm(emu, 'POST', `${ns}/register?api-version=${RES}`);
    assert.equal(reg.body.registrationState, 'Registering');
    const states: string[] = [];
    for (let i = 0; i < 5 && states.at(-1) !== 'Registered'; i++) states.push((await arm(emu, 'GET', `${ns}?api-version=${RES}`)).body.registrationState);
    assert.deepEqual(states, ['Registering', 'Registering', 'Registered']);
  });

  it('exposes the control API: request log, config, faults list, reset', async () => {
    const log = await control(emu, 'GET', '/requests');
    assert.ok(log.body.requests.length > 10);
    assert.ok(log.body.requests.every((r: { url: string }) => !r.url.includes('/_emulator')));
    assert.ok(log.body.requests.some((r: { status: number }) => r.status === 0), 'the reset connection is logged with status 0');
    assert.ok(emu.requests.length > 10);

    const faults = await control(emu, 'GET', '/faults');
    assert.deepEqual(faults.body.faults, []);
    await control(emu, 'POST', '/faults', { path: 'x', status: 500, times: 0 });
    assert.equal((await control(emu, 'GET', '/faults')).body.faults.length, 1);
    await control(emu, 'DELETE', '/faults');
    assert.equal((await control(emu, 'GET', '/faults')).body.faults.length, 0);

    await control(emu, 'POST', '/config', { lroPollsToComplete: 0 });
    const put = await arm(emu, 'PUT', `${DEMO.customLocations.devLab}/providers/Microsoft.HybridContainerService/kubernetesVersions/default?api-version=${HCS}`, {
      extendedLocation: { type: 'CustomLocation', name: DEMO.customLocations.devLab },
    });
    assert.equal(put.status, 201);
    assert.deepEqual((await pollAsyncOperation(put.headers.get('azure-asyncoperation')!)).statuses, ['Succeeded']);
    const kv = await arm(emu, 'GET', `${DEMO.customLocations.devLab}/providers/Microsoft.HybridContainerService/kubernetesVersions?api-version=${HCS}`);
    assert.equal(kv.body.value.length, 1);
    assert.equal(kv.body.value[0].properties.provisioningState, 'Succeeded');

    const reset = await control(emu, 'POST', '/reset');
    assert.equal(reset.status, 200);
    assert.equal(emu.requests.length, 0);
    assert.equal(emu.config.lroPollsToComplete, 2);
    const rgs = await arm(emu, 'GET', `/subscriptions/${S1}/resourcegroups?api-version=${RES}`);
    assert.equal(rgs.body.value.length, 3, 'reset reseeds the demo world');
    const doomed = await arm(emu, 'GET', `${ccPath('rg-aks-workloads', 'aks-doomed')}?api-version=${CC}`);
    assert.equal(doomed.status, 404);
  });

  it('recorded traffic passes oav validate-traffic with 0 errors', async (t) => {
    const files = fs.readdirSync(trafficDir).filter((f) => f.endsWith('.json'));
    assert.ok(files.length > 40, `traffic recorded (${files.length} files)`);
    const sample = JSON.parse(fs.readFileSync(path.join(trafficDir, files[0]), 'utf8'));
    assert.equal(typeof sample.liveResponse.statusCode, 'string');
    assert.ok(!Object.keys(sample.liveRequest.headers).some((h) => h.toLowerCase() === 'authorization'));
    const script = path.resolve(__dirname, '..', '..', '..', 'test', 'oav', 'validate.mjs');
    const result = spawnSync(process.execPath, [script, trafficDir], { encoding: 'utf8' });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.equal(result.status, 0, output);
    assert.match(output, /PASS: 0 errors/);
    t.diagnostic(result.stdout.trim());
    fs.rmSync(trafficDir, { recursive: true, force: true });
  });
});

// Upgrade Kubernetes… in the real extension host: the versions come from the cluster's upgrade profile, the PUT carries
// the instance read fresh with the new version and without what the service owns.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import { answer, pick, ScriptedPrompter, type Answer } from './scriptedPrompter';
import { armRequests, child, children, control, description, emulatorUrl, extensionApi, instanceReadsAs, prodCluster, freshWorldEachTest } from './helpers';
import { DEV_TOKEN } from '../../src/auth/loopback';

const PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const FAST = { pollMinDelayMs: 10, pollDefaultDelayMs: 10, retryBaseDelayMs: 10, settleSpacingMs: 20, settleWindowMs: 2000 };
const INSTANCE = `/subscriptions/${PROD}/resourceGroups/rg-hci-seattle/providers/Microsoft.Kubernetes/connectedClusters/aks-seattle-prod01/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`;
let api: AzureLocalApi;

async function instanceInAzure(): Promise<{ properties: { kubernetesVersion: string; provisioningState: string } }> {
  const response = await fetch(`${emulatorUrl()}${INSTANCE}?api-version=2024-01-01`, { headers: { authorization: `Bearer ${DEV_TOKEN}` } });
  assert.strictEqual(response.status, 200);
  return (await response.json()) as never;
}

async function upgrade(script: Answer[]): Promise<ScriptedPrompter> {
  const prompter = new ScriptedPrompter(script);
  api.setTestOverrides({ prompter, reliability: FAST });
  await vscode.commands.executeCommand('azureLocal.upgradeCluster', await prodCluster(api));
  return prompter;
}

suite('upgrade Kubernetes', () => {
  suiteSetup(async () => {
    api = await extensionApi();
  });
  freshWorldEachTest(() => api, { refreshTree: true });

  test('an expanded cluster shows the upgrades its profile offers, previews marked', async () => {
    assert.strictEqual(description(await child(await children(await prodCluster(api)), 'Upgrade available')), 'v1.30.4 (preview)');
  });

  test('dismissed, nothing changes; confirmed, the instance runs the new version and the PUT keeps the pools without their inherited version', async () => {
    await upgrade([pick(/1\.30\.4/), answer(undefined)]);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Canceled');
    assert.ok(!(await armRequests()).some((r) => r.method === 'PUT'), 'no PUT when dismissed');
    const prompter = await upgrade([pick(/1\.30\.4/), answer('Upgrade')]);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Succeeded', api.shownErrors.join('\n'));
    assert.strictEqual(prompter.messages.find((m) => m.modal)?.message, 'Upgrade "aks-seattle-prod01" from Kubernetes v1.29.4 to v1.30.4?');
    const put = (await armRequests()).find((r) => r.method === 'PUT' && r.url.includes('/provisionedClusterInstances/default?'));
    assert.ok(put, 'a PUT of the instance');
    assert.strictEqual(put.body.properties.kubernetesVersion, '1.30.4');
    for (const owned of ['provisioningState', 'status']) assert.ok(!(owned in put.body.properties), `${owned} stripped`);
    assert.strictEqual(put.body.properties.agentPoolProfiles[0].name, 'nodepool1', 'the pools kept');
    assert.ok(!('kubernetesVersion' in put.body.properties.agentPoolProfiles[0]), 'the pools inherit the version');
    const now = await instanceInAzure();
    assert.deepStrictEqual([now.properties.kubernetesVersion, now.properties.provisioningState], ['1.30.4', 'Succeeded']);
    assert.ok(prompter.messages.some((m) => m.message === 'Upgraded "aks-seattle-prod01" to Kubernetes v1.30.4.'));
  });

  test('an upgrade that fails in Azure: ARM\'s error, and the version the cluster runs, read afterwards', async () => {
    await control('faults', 'POST', { method: 'PUT', path: 'provisionedClusterInstances/default$', lroOutcome: 'Failed', error: { code: 'UpgradeFailed', message: 'a node did not drain' } });
    await upgrade([pick(/1\.30\.4/), answer('Upgrade')]);
    assert.match(api.shownErrors[api.shownErrors.length - 1], /^UpgradeFailed: a node did not drain "aks-seattle-prod01" runs Kubernetes v1\.30\.4 \(Failed\)\.$/);
  });

  test('a cluster in an operation is refused before any question (the service would answer 409)', async () => {
    await instanceReadsAs(INSTANCE, 'Updating');
    const prompter = await upgrade([]);
    assert.strictEqual(api.shownErrors[api.shownErrors.length - 1], 'OperationInProgress: Cluster "aks-seattle-prod01" is Updating; it can be upgraded once that operation has finished.');
    assert.strictEqual(prompter.picks.length, 0, 'nothing was asked');
    assert.ok(!(await armRequests()).some((r) => r.method === 'PUT'), 'nothing was sent');
  });
});

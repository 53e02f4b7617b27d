// Delete Cluster… in the real extension host against the emulator: the typed confirmation, both deletions in order,
// the tree updating, a failure and a cancel each ending in a checked statement of what still exists.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import { cancel, input, ScriptedPrompter, type Answer } from './scriptedPrompter';
import { armRequests, child, children, control, emulatorUrl, extensionApi, freshWorldEachTest, label, roots } from './helpers';
import { DEV_TOKEN } from '../../src/auth/loopback';

const PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
// Short waits (the rules are the same): a transitional resource is read for 2 s, not 3 minutes.
const FAST = { pollMinDelayMs: 10, pollDefaultDelayMs: 10, retryBaseDelayMs: 10, settleSpacingMs: 20, settleWindowMs: 2000 };
const CC = (rg: string, name: string) => `/subscriptions/${PROD}/resourceGroups/${rg}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const INSTANCE = (id: string) => `${id}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`;
let api: AzureLocalApi;

async function exists(id: string, apiVersion: string): Promise<boolean> {
  const response = await fetch(`${emulatorUrl()}${id}?api-version=${apiVersion}`, { headers: { authorization: `Bearer ${DEV_TOKEN}` } });
  return response.status === 200;
}
const clusterExists = (id: string) => exists(id, '2024-01-01');

async function run(script: Answer[], cancelWhen?: RegExp) {
  const prompter = new ScriptedPrompter(script, cancelWhen);
  api.setTestOverrides({ prompter, reliability: FAST });
  await vscode.commands.executeCommand('azureLocal.deleteCluster', { resource: { id: CC('rg-hci-seattle', 'aks-seattle-prod01'), name: 'aks-seattle-prod01' } });
  return prompter;
}

suite('delete cluster', () => {
  suiteSetup(async () => {
    api = await extensionApi();
  });
  freshWorldEachTest(() => api);

  test('a name typed wrong is refused as you type, naming the rule; the right one deletes the instance, then the connected cluster', async () => {
    const id = CC('rg-hci-seattle', 'aks-seattle-prod01');
    const prompter = await run([input('aks-seattle-prod0', 'Cluster name: type "aks-seattle-prod01" exactly to confirm the deletion.'), input('aks-seattle-prod01')]);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Succeeded', api.shownErrors.join('\n'));
    const deletes = (await armRequests()).filter((r) => r.method === 'DELETE').map((r) => r.url.split('?')[0].replace(emulatorUrl(), ''));
    assert.deepStrictEqual(deletes, [INSTANCE(id), id], 'as az aksarc delete does: the instance first');
    assert.strictEqual(await clusterExists(id), false);
    assert.ok(prompter.messages.some((m) => m.message === 'Deleted AKS Arc cluster "aks-seattle-prod01".'));
    const seattle = await child(await child(await roots(api), 'Contoso Edge Production'), 'seattle-hci');
    assert.ok(!(await children(await child(seattle, 'AKS Arc clusters'))).some((n) => label(n) === 'aks-seattle-prod01'), 'gone from the tree');
  });

  test('Escape at the confirmation deletes nothing', async () => {
    await run([cancel]);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Canceled');
    assert.deepStrictEqual((await armRequests()).filter((r) => r.method === 'DELETE'), []);
    assert.strictEqual(await clusterExists(CC('rg-hci-seattle', 'aks-seattle-prod01')), true);
  });

  test('the instance deletion fails in Azure: ARM\'s error, and a checked statement of what still exists with how to finish', async () => {
    const id = CC('rg-hci-seattle', 'aks-seattle-prod01');
    await control('faults', 'POST', { method: 'DELETE', path: 'provisionedClusterInstances/default$', lroOutcome: 'Failed', error: { code: 'VmDeleteFailed', message: 'a VM could not be removed' } });
    await run([input('aks-seattle-prod01')]);
    const shown = api.shownErrors[api.shownErrors.length - 1];
    assert.match(shown, /^VmDeleteFailed: a VM could not be removed "aks-seattle-prod01" is not fully deleted: its AKS Arc instance exists \(Failed\); the connected cluster exists \(Succeeded\)\. To finish: az aksarc delete --name aks-seattle-prod01 --resource-group rg-hci-seattle --subscription 3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01 --yes/);
    assert.strictEqual(await clusterExists(id), true);
    assert.ok(await exists(INSTANCE(id), '2024-01-01'));
  });

  test('cancelled while the connected cluster is being deleted: the statement rests on what was read afterwards', async () => {
    const id = CC('rg-hci-seattle', 'aks-seattle-prod01');
    const prompter = await run([input('aks-seattle-prod01')], /^the connected cluster: InProgress$/);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Canceled');
    const final = prompter.messages[prompter.messages.length - 1].message;
    assert.strictEqual(await exists(INSTANCE(id), '2024-01-01'), false, 'the instance was deleted');
    const ccLeft = await clusterExists(id);
    // The emulator leaves a deletion that nobody polls in Deleting: said as such, with how to finish.
    assert.ok(ccLeft);
    assert.match(final, /^Deleting "aks-seattle-prod01" was cancelled\. "aks-seattle-prod01" is not fully deleted: the connected cluster exists \(Deleting\)\. To finish: az resource delete --ids /);
  });
});

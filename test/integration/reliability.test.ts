// Waiting that ends: a superseded tree load and a closed picker stop their requests; a throttled read says so in place.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import { child, children, control, extensionApi, label, perSubscriptionLists, prodCluster, roots, resetWorld, until } from './helpers';

const PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
let api: AzureLocalApi;

const aborted = (pattern: RegExp) => api.recentRequests.filter((e) => pattern.test(e.url) && e.status === undefined && /abort/i.test(e.error ?? ''));

suite('reliability in the extension host', () => {
  suiteSetup(async () => {
    api = await extensionApi();
    await resetWorld(api);
    await perSubscriptionLists(api);
  });

  teardown(async () => {
    await control('faults', 'DELETE');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  test('Refresh cancels the load it supersedes: the hanging request is aborted, the new one shows the tree', async () => {
    const prod = await child(await roots(api), 'Contoso Edge Production');
    await children(prod);
    await control('faults', 'POST', { method: 'GET', path: `${PROD}/providers/Microsoft.ExtendedLocation/customLocations$`, hang: true, times: 1 });
    api.tree.refreshNode(prod);
    await until(() => api.recentRequests.length > 0, 'no request logged');
    await new Promise((r) => setTimeout(r, 300));
    api.tree.refreshNode(prod);
    await until(() => aborted(/customLocations/).length === 1, `the superseded list was not aborted: ${JSON.stringify(api.recentRequests.slice(-5))}`);
    const locations = (await children(prod)).map(label);
    assert.deepStrictEqual(locations, ['redmond-hci', 'seattle-hci']);
  });

  test('a throttled tree read shows "throttled — retry" in place, without waiting out its Retry-After', async () => {
    const prod = await child(await roots(api), 'Contoso Edge Production');
    await control('faults', 'POST', { method: 'GET', path: `${PROD}/providers/Microsoft.ExtendedLocation/customLocations$`, status: 429, retryAfter: 86400 });
    api.tree.refreshNode(prod);
    let rows: string[] = [];
    for (let i = 0; i < 100; i++) {
      rows = (await children(prod)).map(label);
      if (rows.some((r) => /^Throttled/.test(r))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(rows.join('\n'), /^Throttled by Resource Manager — click to retry later \(TooManyRequests: /m);
  });

  test('closing the wizard\'s picker stops its list requests', async () => {
    api.setTestOverrides(undefined);
    await control('faults', 'POST', { method: 'GET', path: '^/subscriptions$', hang: true, times: 1 });
    const before = aborted(/\/subscriptions\?/).length;
    const command = vscode.commands.executeCommand('azureLocal.createClusterAdvanced');
    await until(() => api.recentRequests.length > 0, 'no request');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await command;
    await until(() => aborted(/\/subscriptions\?/).length === before + 1, `the subscriptions list was not aborted when the picker closed: ${JSON.stringify(api.recentRequests.slice(-5))}`);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Canceled');
  });

  test('a read between prompts shows in the quick input: closing it stops the read and cancels (Upgrade Kubernetes…)', async () => {
    api.setTestOverrides(undefined);
    api.tree.refreshAll(); // the throttled row of the test before
    const cluster = await prodCluster(api);
    await control('faults', 'POST', { method: 'GET', path: 'upgradeProfiles/default$', hang: true, times: 1 });
    const before = aborted(/upgradeProfiles/).length;
    const errors = api.shownErrors.length;
    const command = vscode.commands.executeCommand('azureLocal.upgradeCluster', cluster);
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await command;
    await until(() => aborted(/upgradeProfiles/).length === before + 1, `the upgrade profile read was not aborted: ${JSON.stringify(api.recentRequests.slice(-5))}`);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Canceled');
    assert.strictEqual(api.shownErrors.length, errors, 'a cancellation is not an error');
  });
});

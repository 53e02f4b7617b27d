// The sidebar in a real extension host, against the ARM emulator's demo world (started by test/bench/runExtensionTests.mjs).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import { child, children, control, description, extensionApi, label, perSubscriptionLists, roots as rootsOf, resetWorld } from './helpers';
import { ScriptedPrompter } from './scriptedPrompter';

let api: AzureLocalApi;
const roots = (count = 2) => rootsOf(api, count);

suite('sidebar tree', () => {
  suiteSetup(async () => {
    api = await extensionApi();
    await resetWorld(api);
  });

  teardown(async () => {
    await control('faults', 'DELETE');
  });

  test('a loopback endpoint is the emulator: signed in with the development token, no sign-in prompt', async () => {
    assert.strictEqual(api.session.kind, 'emulator');
    assert.strictEqual(await api.session.isSignedIn(), true);
  });

  test('off loopback, VS Code\'s Microsoft sign-in is used: signed out shows the welcome view', async () => {
    const config = vscode.workspace.getConfiguration('azureLocal');
    const emulator = config.get<string>('resourceManagerEndpoint');
    await config.update('resourceManagerEndpoint', 'https://management.azure.com', vscode.ConfigurationTarget.Global);
    try {
      assert.strictEqual(api.session.kind, 'vscode');
      assert.strictEqual(api.session.client.endpoint, 'https://management.azure.com');
      assert.strictEqual(await api.session.isSignedIn(), false);
      // No items at the root is what makes VS Code show the viewsWelcome "Sign in to Azure" button.
      let rootItems = -1;
      for (let i = 0; i < 50 && rootItems !== 0; i++) {
        rootItems = (await api.tree.getChildren()).length;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.strictEqual(rootItems, 0);
    } finally {
      await config.update('resourceManagerEndpoint', emulator, vscode.ConfigurationTarget.Global);
    }
    assert.strictEqual(api.session.kind, 'emulator');
    assert.strictEqual((await roots()).length, 2);
  });

  test('subscriptions → custom locations with region and host', async () => {
    const subs = await roots();
    assert.deepStrictEqual(subs.map(label), ['Contoso Edge Dev/Test', 'Contoso Edge Production']);
    const prod = await child(subs, 'Contoso Edge Production');
    const locations = await children(prod);
    assert.deepStrictEqual(locations.map(label), ['redmond-hci', 'seattle-hci']);
    assert.match(description(locations[1]), /^eastus · /);
  });

  test('logical networks sit under their custom location, matched case-insensitively, with their details', async () => {
    const seattle = await child(await child(await roots(), 'Contoso Edge Production'), 'seattle-hci');
    const networksGroup = await child(seattle, 'Logical networks');
    const networks = await children(networksGroup);
    // lnet-seattle-mgmt's extendedLocation.name is all lowercase in the emulator.
    assert.deepStrictEqual(networks.map(label), ['lnet-seattle-mgmt', 'lnet-seattle-prod']);
    assert.deepStrictEqual(networks.map(description), ['10.20.1.0/24', '10.20.0.0/24']);
    const details = await children(networks[1]);
    const byLabel = Object.fromEntries(details.map((d) => [label(d), description(d)]));
    assert.strictEqual(byLabel['Address prefix'], '10.20.0.0/24');
    assert.strictEqual(byLabel['Allocation'], 'Static');
    assert.strictEqual(byLabel['VLAN'], '120');
    assert.match(byLabel['DNS servers'], /^\d+\.\d+\.\d+\.\d+/);
    const pools = await children(await child(details, 'IP pools'));
    assert.ok(pools.length >= 1);
    assert.match(label(pools[0]), /\d+\.\d+\.\d+\.\d+ – \d+\.\d+\.\d+\.\d+/);
    assert.match(description(pools[0]), /^(vm|vippool) · lnet-seattle-prod-/);
  });

  test('AKS Arc clusters show state, version and connectivity; expanding reads node pools', async () => {
    const prod = await child(await roots(), 'Contoso Edge Production');
    const seattleClusters = await children(await child(await child(prod, 'seattle-hci'), 'AKS Arc clusters'));
    assert.strictEqual(seattleClusters.length, 1);
    assert.strictEqual(description(seattleClusters[0]), 'Succeeded · v1.29.4 · Connected');
    const details = await children(seattleClusters[0]);
    const pools = await children(await child(details, 'Node pools'));
    assert.deepStrictEqual(pools.map((p) => `${label(p)} ${description(p)}`), ['nodepool1 2 × Standard_A4_v2 · Linux CBLMariner']);

    const redmondClusters = await children(await child(await child(prod, 'redmond-hci'), 'AKS Arc clusters'));
    assert.match(description(redmondClusters[0]), /^Failed · v1\.28\.9 · Offline$/);
    const error = await child(await children(redmondClusters[0]), 'Error');
    assert.match(description(error), /no IP address available/);
  });

  test('a cluster in a changing state (Creating) is re-read until it settles', async () => {
    const instancePath = '/subscriptions/3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01/resourceGroups/rg-hci-seattle/providers/Microsoft.Kubernetes/connectedClusters/aks-seattle-prod01/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default';
    const response = await fetch(`${process.env.ARM_EMULATOR_URL}${instancePath}?api-version=2024-01-01`, { headers: { authorization: 'Bearer azure-local-tools-dev-token' } });
    const creating = (await response.json()) as { properties: Record<string, unknown> };
    creating.properties.provisioningState = 'Creating';
    creating.properties.status = { currentState: 'Creating' };
    await control('faults', 'POST', { method: 'GET', path: 'aks-seattle-prod01/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default$', status: 200, body: creating, times: 1 });
    const interval = api.tree.transitionalRefreshMs;
    api.tree.transitionalRefreshMs = 200;
    try {
      const prod = await child(await roots(), 'Contoso Edge Production');
      await vscode.commands.executeCommand('azureLocal.refreshNode', prod);
      const state = async () => description(await child(await children(await child(await child(await child(await roots(), 'Contoso Edge Production'), 'seattle-hci'), 'AKS Arc clusters')), 'aks-seattle-prod01'));
      assert.match(await state(), /^Creating · /);
      let settled = '';
      for (let i = 0; i < 100 && !settled.startsWith('Succeeded'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        settled = await state();
      }
      assert.strictEqual(settled, 'Succeeded · v1.29.4 · Connected');
    } finally {
      api.tree.transitionalRefreshMs = interval;
    }
  });

  test('a failed load is an error item in place, and Refresh on the node recovers', async () => {
    await perSubscriptionLists(api);
    const subs = await roots();
    const dev = await child(subs, 'Contoso Edge Dev/Test');
    await control('faults', 'POST', { method: 'GET', path: 'customLocations$', status: 403, times: 0, body: { error: { code: 'AuthorizationFailed', message: 'No read access to custom locations.' } } });
    await vscode.commands.executeCommand('azureLocal.refreshNode', dev);
    const failed = await children(dev);
    assert.strictEqual(failed.length, 1);
    assert.strictEqual(label(failed[0]), 'AuthorizationFailed: No read access to custom locations.');
    assert.strictEqual(failed[0].getTreeItem().command?.command, 'azureLocal.refreshNode');

    await control('faults', 'DELETE');
    await vscode.commands.executeCommand('azureLocal.refreshNode', dev);
    assert.deepStrictEqual((await children(dev)).map(label), ['dev-lab']);
    await control('config', 'POST', { graphEnabled: true });
    api.tree.refreshAll();
  });

  test('an empty subscription says so as a tree item', async () => {
    const dev = await child(await roots(), 'Contoso Edge Dev/Test');
    const clusters = await children(await child(await child(dev, 'dev-lab'), 'AKS Arc clusters'));
    assert.deepStrictEqual(clusters.map(label), ['No AKS Arc clusters']);
  });

  test('the subscription filter is remembered in settings and applied', async () => {
    const subs = await roots();
    const devId = (subs.find((s) => label(s) === 'Contoso Edge Dev/Test')!.resource as { id: string }).id.split('/')[2];
    const config = vscode.workspace.getConfiguration('azureLocal');
    await config.update('subscriptions', [devId.toUpperCase()], vscode.ConfigurationTarget.Global);
    try {
      assert.deepStrictEqual((await roots(1)).map(label), ['Contoso Edge Dev/Test']);
    } finally {
      await config.update('subscriptions', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.strictEqual((await roots(2)).length, 2);
  });

  test('Show Properties opens the resource\'s ARM JSON read-only; telemetry records only name, result and duration', async () => {
    const seattle = await child(await child(await roots(), 'Contoso Edge Production'), 'seattle-hci');
    await vscode.commands.executeCommand('azureLocal.showProperties', seattle);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.strictEqual(editor.document.uri.scheme, 'azure-local-properties');
    const json = JSON.parse(editor.document.getText());
    assert.strictEqual(json.name, 'seattle-hci');
    assert.match(json.id, /\/providers\/Microsoft\.ExtendedLocation\/customLocations\/seattle-hci$/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    const event = api.telemetryEvents[api.telemetryEvents.length - 1];
    assert.deepStrictEqual(Object.keys(event).sort(), ['command', 'durationMs', 'result']);
    assert.strictEqual(event.command, 'azureLocal.showProperties');
    assert.strictEqual(event.result, 'Succeeded');
  });

  test('Copy Resource ID, Show Properties and a failing command speak through the Prompter (scriptable)', async () => {
    const seattle = await child(await child(await roots(), 'Contoso Edge Production'), 'seattle-hci');
    const prompter = new ScriptedPrompter([]);
    api.setTestOverrides({ prompter });
    try {
      await vscode.commands.executeCommand('azureLocal.copyResourceId', seattle);
      assert.deepStrictEqual(prompter.notices, ['Copied the resource ID of seattle-hci']);
      assert.match(await vscode.env.clipboard.readText(), /\/customLocations\/seattle-hci$/);
      await vscode.commands.executeCommand('azureLocal.showProperties', seattle);
      assert.strictEqual(prompter.opened.length, 1);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(prompter.opened[0]));
      assert.strictEqual(JSON.parse(document.getText()).name, 'seattle-hci');
      await vscode.commands.executeCommand('azureLocal.copyResourceId', undefined);
      // The error is shown once, through the one error presenter, with the summary the user reads.
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepStrictEqual(prompter.errors, ['Run this command from a resource in the Azure Local view.']);
    } finally {
      api.setTestOverrides(undefined);
    }
  });

  test('a command that fails records ARM\'s error code, never the message', async () => {
    await vscode.commands.executeCommand('azureLocal.copyResourceId', undefined);
    const event = api.telemetryEvents[api.telemetryEvents.length - 1];
    assert.strictEqual(event.command, 'azureLocal.copyResourceId');
    assert.strictEqual(event.result, 'Failed');
    assert.strictEqual(event.errorCode, 'Error');
    assert.ok(!JSON.stringify(event).includes('Run this command'));
  });
});

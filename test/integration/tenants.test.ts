// Several tenants in the real extension host: Select Tenants… from GET /tenants, subscriptions of both tenants shown
// together, every request going with its own subscription's tenant's token (the emulator refuses any other), a chosen
// tenant that gives no token shown as one "Sign in to …" row, and Select Subscriptions… grouped by tenant.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import { pickMany, ScriptedPrompter } from './scriptedPrompter';
import { child, children, control, extensionApi, label, resetWorld, roots } from './helpers';

const HOME = '6b1f3c2a-9d4e-4f7a-8c5b-2e0d1a9f7c31';
const FABRIKAM = 'a4c2e8f0-1b3d-4e5f-8a9b-0c1d2e3f4a5b';
let api: AzureLocalApi;
const config = () => vscode.workspace.getConfiguration('azureLocal');

/** A subscription's rows once the tree has settled (a settings change reloads it; a superseded load is cancelled). */
async function rowsOf(subscription: string, count: number): Promise<string[]> {
  let rows: string[] = [];
  for (let i = 0; i < 50; i++) {
    rows = (await children(await child(await roots(api, count), subscription))).map(label);
    if (!rows.some((r) => /cancelled/.test(r))) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  return rows;
}

async function chooseTenants(...names: RegExp[]): Promise<ScriptedPrompter> {
  const prompter = new ScriptedPrompter([pickMany(...names)]);
  api.setTestOverrides({ prompter });
  await vscode.commands.executeCommand('azureLocal.selectTenants');
  return prompter;
}

suite('tenants', () => {
  suiteSetup(async () => {
    api = await extensionApi();
  });
  setup(async () => {
    await resetWorld(api);
  });
  teardown(async () => {
    api.setTestOverrides(undefined);
    await config().update('tenants', undefined, vscode.ConfigurationTarget.Global);
    await control('faults', 'DELETE');
    await resetWorld(api);
  });

  test('Select Tenants… offers GET /tenants with the home one checked; both chosen, Fabrikam\'s subscription shows beside Contoso\'s, read with its own token', async () => {
    const prompter = await chooseTenants(/^Contoso$/, /^Fabrikam$/);
    assert.strictEqual(api.telemetryEvents[api.telemetryEvents.length - 1].result, 'Succeeded', api.shownErrors.join('\n'));
    assert.deepStrictEqual(prompter.picks[0].items.map((i) => [i.label, i.picked]), [['Contoso', true], ['Fabrikam', false]]);
    assert.deepStrictEqual(config().get('tenants'), [HOME, FABRIKAM]);
    const subscriptions = await roots(api, 3);
    assert.deepStrictEqual(subscriptions.map(label), ['Contoso Edge Dev/Test', 'Contoso Edge Production', 'Fabrikam Retail Edge']);
    // Its custom location comes back only to a Fabrikam token: Resource Graph shows a token its own tenant's rows.
    assert.deepStrictEqual(await rowsOf('Fabrikam Retail Edge', 3), ['store-0042']);
    assert.deepStrictEqual(await rowsOf('Contoso Edge Production', 3), ['redmond-hci', 'seattle-hci']);

    // The per-subscription lists: ARM refuses a subscription's resources to another tenant's token (401).
    await control('config', 'POST', { graphEnabled: false });
    api.tree.refreshAll();
    assert.deepStrictEqual(await rowsOf('Fabrikam Retail Edge', 3), ['store-0042']);
  });

  test('a chosen tenant that gives no token is one "Sign in to …" row; the others render', async () => {
    const unknown = '0f0f0f0f-0000-4000-8000-00000000f0f0';
    // The 401 to GET /subscriptions is recorded apart: the subscriptions swagger's error schema nests `error` twice
    // (test/specs/README.md), so oav would flag the real wire format.
    await control('faults', 'POST', { method: 'GET', path: '^/subscriptions$', trafficTag: 'faults', times: 0 });
    await config().update('tenants', [HOME, unknown], vscode.ConfigurationTarget.Global);
    let rows = await roots(api, 3);
    for (let i = 0; i < 50 && !label(rows[0]).startsWith('Sign in'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await roots(api, 3);
    }
    assert.deepStrictEqual(rows.map(label), [`Sign in to ${unknown}`, 'Contoso Edge Dev/Test', 'Contoso Edge Production']);
    const command = rows[0].getTreeItem().command;
    assert.deepStrictEqual([command?.command, command?.arguments], ['azureLocal.signInToTenant', [unknown]]);
  });

  test('Select Subscriptions… lists both tenants\' subscriptions, grouped by tenant', async () => {
    await config().update('tenants', [HOME, FABRIKAM], vscode.ConfigurationTarget.Global);
    await roots(api, 3);
    const prompter = new ScriptedPrompter([pickMany(/^Contoso Edge Production$/, /^Fabrikam Retail Edge$/)]);
    api.setTestOverrides({ prompter });
    await vscode.commands.executeCommand('azureLocal.selectSubscriptions');
    assert.deepStrictEqual(
      prompter.picks[0].items.map((i) => `${i.label} — ${i.description?.split(' · ')[0]}`),
      ['Contoso Edge Dev/Test — Contoso', 'Contoso Edge Production — Contoso', 'Fabrikam Retail Edge — Fabrikam'],
    );
    let shown: string[] = [];
    for (let i = 0; i < 50 && shown.join() !== 'Contoso Edge Production,Fabrikam Retail Edge'; i++) {
      shown = (await api.tree.loadedRoot()).map(label);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepStrictEqual(shown, ['Contoso Edge Production', 'Fabrikam Retail Edge']);
    await config().update('subscriptions', undefined, vscode.ConfigurationTarget.Global);
  });
});

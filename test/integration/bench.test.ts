// Proves the bench: the extension's bundle runs on Node 20 in a real VS Code extension host, next to the ARM emulator.
import * as assert from 'assert';
import * as vscode from 'vscode';

suite('bench', () => {
  test('extension is present and the extension host runs Node 20', async () => {
    const ext = vscode.extensions.getExtension('azure-local-tools.azure-local-tools');
    assert.ok(ext, 'extension azure-local-tools.azure-local-tools not found');
    await ext.activate();
    assert.ok(ext.isActive, 'extension did not activate');
    assert.match(process.version, /^v20\./, `extension host runs Node ${process.version}`);
  });

  test('the ARM emulator URL reaches the extension host (env and user settings)', () => {
    const url = process.env.ARM_EMULATOR_URL;
    assert.ok(url, 'ARM_EMULATOR_URL is not set in the extension host');
    assert.match(url, /^https?:\/\/127\.0\.0\.1:\d+/);
    const setting = vscode.workspace.getConfiguration('azureLocal').get<string>('resourceManagerEndpoint');
    assert.strictEqual(setting, url, 'user setting azureLocal.resourceManagerEndpoint does not point at the emulator');
  });
});

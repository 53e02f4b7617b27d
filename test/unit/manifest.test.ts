import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
const properties: Record<string, { scope?: string }> = manifest.contributes.configuration.properties;

describe('the manifest: no workspace changes who you are or what runs', () => {
  it('who signs in, to which tenant and cloud, cannot be set by a workspace', () => {
    for (const key of ['azureLocal.authentication', 'azureLocal.tenant']) assert.equal(properties[key].scope, 'application', key);
    assert.equal(properties['azureLocal.resourceManagerEndpoint'].scope, 'machine');
  });

  it('the programs run and the files written are machine settings', () => {
    for (const key of ['azureLocal.azPath', 'azureLocal.kubectlPath', 'azureLocal.kubeconfigFolder']) assert.equal(properties[key].scope, 'machine', key);
  });

  it('an untrusted workspace cannot choose the subscriptions shown', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['azureLocal.subscriptions']);
  });
});

// The VSIX a user installs: only the minified bundles, icons, README, CHANGELOG and LICENSE, within the size budget.
// Run after `npm run package` (dist/azure-local-tools.vsix).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { measureActivation, withVscodeStandIn } from '../bench/activation.mjs';

const VSIX = 'dist/azure-local-tools.vsix';
const BUDGET_BYTES = 300 * 1024;

/** Entry names from `unzip -Z1` (Info-ZIP's unzip; see .ci/run). */
const entries = () => execFileSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' }).split('\n').filter(Boolean);
const read = (name) => execFileSync('unzip', ['-p', VSIX, name], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });

describe('VSIX', () => {
  it(`is at most ${BUDGET_BYTES / 1024} KB`, () => {
    const size = statSync(VSIX).size;
    console.log(`  ${VSIX}: ${(size / 1024).toFixed(1)} KB`);
    assert.ok(size <= BUDGET_BYTES, `${size} bytes is over the budget`);
  });

  it('holds only the bundle, icons, README, CHANGELOG, LICENSE and the manifest', () => {
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/(extension|telemetryReporter|azureCliCredential)\.js|media\/[^/]+\.(svg|png)))$/;
    const unexpected = entries().filter((name) => !allowed.test(name));
    assert.deepEqual(unexpected, []);
    assert.ok(entries().includes('extension/dist/extension.js'));
    assert.ok(entries().includes('extension/readme.md'), 'README is packaged');
    assert.ok(!entries().some((name) => name.includes('screenshots')), 'screenshots stay out of the VSIX');
  });

  it('ships a minified bundle without source maps, test or emulator code', () => {
    const bundle = read('extension/dist/extension.js');
    assert.ok(!bundle.includes('sourceMappingURL'), 'no source map reference');
    // Minified: template literals keep a few newlines, but lines average thousands of characters.
    assert.ok(bundle.length / bundle.split('\n').length > 2000, 'minified');
    for (const marker of ['ARM emulator listening', '_emulator/faults', 'startEmulator', 'playwright']) {
      assert.ok(!bundle.includes(marker), `bundle contains test code: ${marker}`);
    }
  });

  it('activation evaluates only dist/extension.js; the two lazy bundles load on their own when first used', () => {
    const activation = measureActivation(process.cwd());
    assert.deepEqual(activation.files, ['extension.js'], 'nothing lazy is loaded at activation');
    assert.ok(activation.kb <= 320, `activation evaluates ${activation.kb.toFixed(0)} KB`);
    const require = createRequire(import.meta.url);
    const { AzureCliCredential } = require(path.resolve('dist/azureCliCredential.js'));
    assert.equal(typeof new AzureCliCredential({}).getToken, 'function');
    const { TelemetryReporter } = withVscodeStandIn(path.resolve('dist/telemetryReporter.js'), () => require(path.resolve('dist/telemetryReporter.js')));
    assert.equal(typeof TelemetryReporter, 'function');
  });
});

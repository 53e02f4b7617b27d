// The VSIX a user installs: only the minified bundle, icons, README, CHANGELOG and LICENSE, within the size budget.
// Run after `npm run package` (dist/azure-local-tools.vsix).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';

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
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/extension\.js|media\/[^/]+\.(svg|png)))$/;
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
});

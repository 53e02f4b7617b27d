// The VSIX a user installs: only the minified bundles, icons, the walkthrough's images, README, CHANGELOG and LICENSE,
// within the size budget; the packaged walkthrough names commands that exist and images that are packaged.
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

  it('holds only the bundle, icons, walkthrough images, README, CHANGELOG, LICENSE, the manifest and its strings', () => {
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|package\.nls\.json|l10n\/bundle\.l10n\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/(extension|telemetryReporter|azureCliCredential|resourceManagementClient)\.js|media\/(walkthrough\/)?[^/]+\.(svg|png)))$/;
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

  it('activation evaluates only dist/extension.js, at most 320 KB; the three lazy bundles load on their own when first used', () => {
    const activation = measureActivation(process.cwd());
    assert.deepEqual(activation.files, ['extension.js'], 'nothing lazy is loaded at activation');
    // Issue 12's goal; the generated Microsoft.Resources client (the create wizard's) loads lazily to keep it.
    assert.ok(activation.kb <= 320, `activation evaluates ${activation.kb.toFixed(0)} KB`);
    const require = createRequire(import.meta.url);
    const { AzureCliCredential } = require(path.resolve('dist/azureCliCredential.js'));
    assert.equal(typeof new AzureCliCredential({}).getToken, 'function');
    const { TelemetryReporter } = withVscodeStandIn(path.resolve('dist/telemetryReporter.js'), () => require(path.resolve('dist/telemetryReporter.js')));
    assert.equal(typeof TelemetryReporter, 'function');
    const { ResourceManagementClient } = require(path.resolve('dist/resourceManagementClient.js'));
    assert.equal(typeof ResourceManagementClient, 'function');
  });

  it('the walkthrough: every step links a command that exists and shows an image that is packaged; no activation event for it', () => {
    const manifest = JSON.parse(read('extension/package.json'));
    const nls = entries().includes('extension/package.nls.json') ? JSON.parse(read('extension/package.nls.json')) : {};
    // A manifest string may be a %key% of package.nls.json.
    const text = (value) => (typeof value === 'string' ? value.replace(/^%(.+)%$/, (whole, key) => nls[key] ?? whole) : value);
    const contributes = manifest.contributes;
    const views = Object.values(contributes.views ?? {}).flat().map((view) => view.id);
    const containers = Object.values(contributes.viewsContainers ?? {}).flat().map((container) => container.id);
    // The extension's commands, its views' focus commands, and the few of VS Code's own that the steps link.
    const commands = new Set([
      ...contributes.commands.map((command) => command.command),
      ...views.map((id) => `${id}.focus`),
      ...containers.map((id) => `workbench.view.extension.${id}`),
      'workbench.action.openSettings',
      'workbench.action.tasks.configureTaskRunner',
      'workbench.action.tasks.runTask',
    ]);
    const packaged = new Set(entries());
    const walkthroughs = contributes.walkthroughs ?? [];
    assert.equal(walkthroughs.length, 1, 'one walkthrough');
    for (const walkthrough of walkthroughs) {
      assert.ok(text(walkthrough.title) && text(walkthrough.description), `${walkthrough.id}: a title and a description`);
      assert.deepEqual(walkthrough.steps.map((step) => step.id), ['signIn', 'browse', 'create', 'connect', 'tasks']);
      for (const step of walkthrough.steps) {
        const where = `${walkthrough.id}#${step.id}`;
        const description = text(step.description);
        assert.ok(text(step.title), `${where}: a title`);
        assert.ok(!/^%.+%$/.test(description), `${where}: its description resolves`);
        const linked = [...description.matchAll(/\]\(command:(?:toSide:)?([^)?\s]+)/g)].map((m) => m[1]);
        assert.ok(linked.length, `${where}: links a command`);
        for (const id of linked) assert.ok(commands.has(id), `${where}: links ${id}, which is no command`);
        for (const event of step.completionEvents ?? []) {
          const [kind, ...rest] = event.split(':');
          const value = rest.join(':');
          if (kind === 'onCommand') assert.ok(commands.has(value), `${where}: completes on ${value}, which is no command`);
          else if (kind === 'onView') assert.ok(views.includes(value), `${where}: completes on view ${value}, which is not contributed`);
          else assert.ok(['onContext', 'onSettingChanged', 'onLink', 'onEvent', 'onStepSelected', 'stepSelected'].includes(kind), `${where}: ${event}`);
        }
        const { image, altText } = step.media ?? {};
        assert.ok(image, `${where}: an image`);
        assert.ok(text(altText)?.length > 20, `${where}: alt text`);
        for (const file of typeof image === 'string' ? [image] : Object.values(image)) {
          assert.ok(packaged.has(`extension/${file.replace(/^\.\//, '')}`), `${where}: ${file} is not in the VSIX`);
        }
      }
    }
    // VS Code shows a walkthrough without activating the extension; its command links activate it (onCommand).
    assert.ok(!(manifest.activationEvents ?? []).some((event) => event.startsWith('onWalkthrough')), 'no onWalkthrough activation event');
  });
});

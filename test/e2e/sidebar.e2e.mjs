#!/usr/bin/env node
// E2E in the real VS Code (code-server 4.96.4 + headless Chromium via playwright-core) against the ARM emulator's
// demo world: open the "Azure Local" activity-bar container, expand subscription -> custom location -> "Logical
// networks", check the demo rows, save media/screenshots/sidebar.png (1400x900).
// On failure: exit 1, screenshot + server log in test-results/.
//
// usage: node test/e2e/sidebar.e2e.mjs     (needs: bash test/bench/setup.sh; npm run compile && npm run build)
// env:   ARM_TRAFFIC_DIR, BENCH_EMULATOR_MODULE (override emulator module), BENCH_EXTENSION_PATH (override dev path)
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO, emulatorBench } from '../bench/codeServer.mjs';
import { clearToasts, expand as expandRow, openAzureLocal, openWorkbench, rowText, runE2e, screenshot, treeRow, widenSidebar } from './workbench.mjs';

const require = createRequire(import.meta.url);
const t0 = Date.now();
const ts = () => `[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const SHOT = path.join(REPO, 'media/screenshots/sidebar.png');
const extensionPath = path.resolve(process.env.BENCH_EXTENSION_PATH || REPO);

// Demo-world names: taken from the emulator's DEMO ids when compiled, else the documented defaults.
function demoNames() {
  const last = (id) => String(id).split('/').pop();
  const names = {
    subscription: 'Contoso Edge Production',
    customLocation: 'seattle-hci',
    logicalNetworks: [['lnet-seattle-prod', '10.20.0.0/24'], ['lnet-seattle-mgmt', '10.20.1.0/24']],
  };
  try {
    const { DEMO } = require(path.join(REPO, 'out/test/emulator/world.js'));
    names.subscription = DEMO.subscriptions.production.displayName;
    names.customLocation = last(DEMO.customLocations.seattle);
    const prefixes = Object.fromEntries(names.logicalNetworks);
    names.logicalNetworks = [DEMO.logicalNetworks.seattleProd, DEMO.logicalNetworks.seattleMgmt]
      .map((id) => [last(id), prefixes[last(id)]]);
  } catch { /* emulator not compiled yet: defaults */ }
  return names;
}

const bench = emulatorBench();
const log = (...a) => console.log(ts(), ...a);

const expand = (page, label, what) => expandRow(page, label, what, log);

async function main() {
  const names = demoNames();
  const { cs, br } = await bench.start({ log: (...a) => console.log(ts(), ...a), viewport: { width: 1400, height: 900 } });
  const { page } = br;
  page.on('pageerror', (e) => console.log('[pageerror]', e.message.split('\n')[0]));

  await openWorkbench(page, cs, extensionPath);
  console.log(ts(), 'workbench loaded');

  await openAzureLocal(page);
  console.log(ts(), 'Azure Local container open');

  await expand(page, names.subscription, 'subscription');
  await expand(page, names.customLocation, 'custom location');
  // group nodes under a custom location
  await treeRow(page, 'AKS Arc clusters').waitFor({ timeout: 30000 })
    .catch(() => { throw new Error('group row "AKS Arc clusters" not visible under the custom location'); });
  await expand(page, 'Logical networks', 'group');
  for (const [name, prefix] of names.logicalNetworks) {
    const row = treeRow(page, name);
    await row.waitFor({ state: 'visible', timeout: 30000 }).catch(() => { throw new Error(`logical network row "${name}" not visible`); });
    const text = await rowText(row);
    if (prefix && !text.includes(prefix)) throw new Error(`logical network row "${name}" lacks its address prefix ${prefix}: "${text}"`);
    console.log(ts(), 'row:', text);
  }

  // one network opened: its pools, DNS servers and VLAN are what a developer picks a network by
  const [firstNetwork] = names.logicalNetworks[0];
  await expand(page, firstNetwork, 'logical network');
  for (const detail of ['Allocation', 'IP pools', 'DNS servers', 'VLAN']) {
    await treeRow(page, detail).waitFor({ timeout: 30000 }).catch(() => { throw new Error(`detail row "${detail}" not visible under ${firstNetwork}`); });
    console.log(ts(), 'row:', await rowText(treeRow(page, detail)));
  }
  await expand(page, 'IP pools', 'detail');

  // a calm screenshot: wider sidebar, no toasts, mouse away from the tree
  await widenSidebar(page);
  await page.mouse.move(900, 450);
  await clearToasts(page);
  await screenshot(page, SHOT);
  console.log(ts(), 'screenshot', path.relative(REPO, SHOT));
}

const status = await runE2e({
  name: 'sidebar',
  slug: 'sidebar',
  bench,
  main,
  log,
  onFailure: async (page) => {
    const rows = await page.locator('.part.sidebar .monaco-list-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent)).catch(() => []);
    if (rows.length) log('sidebar rows:\n  ' + rows.join('\n  '));
  },
});
process.exit(status);

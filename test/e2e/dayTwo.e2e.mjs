#!/usr/bin/env node
// E2E in the real VS Code (code-server 4.96.4 + headless Chromium via playwright-core) against the ARM emulator's
// demo world: expand the production cluster, check "Upgrade available" and its node pool, scale the pool from its
// context menu (a count over the limit refused as typed, then 3), see the tree follow, save
// media/screenshots/day-two.png with the cluster's day-two menu open (1400x900), then Delete Cluster… from that menu
// (a wrong name refused as typed — media/screenshots/delete-cluster.png — then its name) and see the row show Deleting,
// then go from the tree.
// On failure: exit 1, screenshot + server log in test-results/.
//
// usage: node test/e2e/dayTwo.e2e.mjs     (needs: bash test/bench/setup.sh; npm run compile && npm run build)
import path from 'node:path';
import { REPO, emulatorBench } from '../bench/codeServer.mjs';
import { clearToasts, expand as expandRow, expectValidation, openAzureLocal, openWorkbench, rowText, runE2e, screenshot, treeRow, typeValue, waitForPrompt, widenSidebar } from './workbench.mjs';

const t0 = Date.now();
const ts = () => `[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const SHOT = path.join(REPO, 'media/screenshots/day-two.png');
const DELETE_SHOT = path.join(REPO, 'media/screenshots/delete-cluster.png');
const extensionPath = path.resolve(process.env.BENCH_EXTENSION_PATH || REPO);
const bench = emulatorBench();
const log = (...a) => console.log(ts(), ...a);
const expand = (page, label, what) => expandRow(page, label, what, log);

/** Right-clicks a tree row and returns the open context menu. */
async function contextMenu(page, label) {
  const row = treeRow(page, label);
  const box = await row.boundingBox();
  // Opened towards the row's right end, so that the menu covers as little of the tree as it can.
  await row.click({ button: 'right', position: box ? { x: Math.round(box.width * 0.8), y: Math.round(box.height / 2) } : undefined });
  const menu = page.locator('.context-view .monaco-menu').first();
  await menu.waitFor({ state: 'visible', timeout: 10000 }).catch(() => { throw new Error(`no context menu on "${label}"`); });
  return menu;
}

async function waitForRow(page, label, pattern, what) {
  const row = treeRow(page, label);
  for (let i = 0; i < 100; i++) {
    if ((await row.count()) && pattern.test(await rowText(row).catch(() => ''))) return rowText(row);
    await page.waitForTimeout(200);
  }
  throw new Error(`${what}: row "${label}" never matched ${pattern}; it shows "${await rowText(row).catch(() => '(none)')}"`);
}

async function main() {
  const { cs, br } = await bench.start({ log, viewport: { width: 1400, height: 900 } });
  const { page } = br;
  await openWorkbench(page, cs, extensionPath);
  await openAzureLocal(page);
  await expand(page, 'Contoso Edge Production', 'subscription');
  await expand(page, 'seattle-hci', 'custom location');
  await expand(page, 'AKS Arc clusters', 'group');
  await expand(page, 'aks-seattle-prod01', 'cluster');
  log('row:', await waitForRow(page, 'Upgrade available', /v1\.30\.4 \(preview\)/, 'upgrade profile'));
  await expand(page, 'Node pools', 'detail');
  log('row:', await waitForRow(page, 'nodepool1', /— 2 × Standard_A4_v2/, 'node pool'));

  // Scale Node Pool… from the pool's context menu, through VS Code's own input box.
  const poolMenu = await contextMenu(page, 'nodepool1');
  for (const item of ['Scale Node Pool…', 'Delete Node Pool…']) {
    if (!(await poolMenu.locator('.action-label', { hasText: item }).count())) throw new Error(`the node pool's menu lacks "${item}"`);
  }
  // VS Code's web menus act on the highlighted item; a synthetic click only highlights it.
  await poolMenu.locator('.action-label', { hasText: 'Scale Node Pool…' }).first().hover();
  await page.keyboard.press('Enter');
  await waitForPrompt(page, '', /Number of nodes in "nodepool1"/);
  await typeValue(page, '65', { accept: false });
  await expectValidation(page, 'Node count: a whole number from 1 to 64');
  await typeValue(page, '3');
  log('row:', await waitForRow(page, 'nodepool1', /— 3 × Standard_A4_v2/, 'scaled pool'));

  // The cluster's menu: what a developer does on day two.
  await widenSidebar(page);
  await clearToasts(page);
  const clusterMenu = await contextMenu(page, 'aks-seattle-prod01');
  for (const item of ['Upgrade Kubernetes…', 'Add Node Pool…', 'Delete Cluster…']) {
    if (!(await clusterMenu.locator('.action-label', { hasText: item }).count())) throw new Error(`the cluster's menu lacks "${item}"`);
  }
  await page.waitForTimeout(500); // the menu fades in
  await screenshot(page, SHOT);
  log('screenshot', path.relative(REPO, SHOT));

  // Delete Cluster… from the same menu: the name typed to confirm, checked as typed.
  await clusterMenu.locator('.action-label', { hasText: 'Delete Cluster…' }).first().hover();
  await page.keyboard.press('Enter');
  await waitForPrompt(page, '', /Type its name to confirm/);
  await typeValue(page, 'aks-seattle-prod0', { accept: false });
  await expectValidation(page, 'Cluster name: type "aks-seattle-prod01" exactly to confirm the deletion.');
  await screenshot(page, DELETE_SHOT);
  log('screenshot', path.relative(REPO, DELETE_SHOT));
  await typeValue(page, 'aks-seattle-prod01');
  const row = treeRow(page, 'aks-seattle-prod01');
  const seen = new Set();
  for (let i = 0; i < 300 && (await row.count()); i++) {
    seen.add((await rowText(row).catch(() => '')).replace(/^.*— /, ''));
    await page.waitForTimeout(200);
  }
  if (await row.count()) throw new Error(`the deleted cluster is still in the tree: "${await rowText(row)}"`);
  if (![...seen].some((text) => /^Deleting\b/.test(text))) throw new Error(`the row never showed Deleting while it ran: ${[...seen].join(' | ')}`);
  log('deleted cluster: gone from the tree; its row showed', [...seen].filter(Boolean).join(' | ') || '(nothing new)');
}

process.exit(await runE2e({ name: 'day two', slug: 'day-two', bench, main, log }));

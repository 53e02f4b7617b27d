#!/usr/bin/env node
// E2E in the real VS Code (code-server 4.96.4 + Chromium) against the emulator's demo world: runs "Azure Local:
// Create Kubernetes Cluster (Advanced)…" from the command palette through every wizard step with the real quick input
// (inline validation, the debounced "name exists" check, a disabled network), creates the cluster, and finds it in
// the tree. Saves media/screenshots/create-review.png, create-progress.png and create-done.png for the README.
//
// usage: node test/e2e/createCluster.e2e.mjs   (needs: bash test/bench/setup.sh; npm run compile && npm run build)
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO, emulatorBench } from '../bench/codeServer.mjs';
import { choose, clearToasts, expand, expectValidation, openAzureLocal, openWorkbench, rowText, runCommand, runE2e, screenshot, treeRow, typeValue, waitForPrompt, widenSidebar } from './workbench.mjs';

const require = createRequire(import.meta.url);
const t0 = Date.now();
const ts = () => `[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const log = (...a) => console.log(ts(), ...a);
const SHOTS = path.join(REPO, 'media/screenshots');
const TITLE = 'Create AKS Arc Cluster';
const CLUSTER = 'aks-demo01';

const bench = emulatorBench();

function publicKey() {
  const { openSshRsaPublicKey } = require(path.join(REPO, 'out/src/commands/createCluster/sshKey.js'));
  return openSshRsaPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey, 'dev@contoso');
}

async function main() {
  const { cs, br, emu } = await bench.start({ log, viewport: { width: 1400, height: 900 } });
  const { page } = br;
  page.on('pageerror', (e) => console.log('[pageerror]', e.message.split('\n')[0]));
  await openWorkbench(page, cs, REPO);
  await openAzureLocal(page);
  await widenSidebar(page);
  await expand(page, 'Contoso Edge Production', 'subscription', log);
  await expand(page, 'seattle-hci', 'custom location', log);
  await expand(page, 'AKS Arc clusters', 'group', log);
  log('workbench ready');

  await runCommand(page, 'Azure Local: Create Kubernetes Cluster (Advanced)…');
  await waitForPrompt(page, TITLE, /^Subscription/);
  await choose(page, 'Contoso Edge Production');
  await waitForPrompt(page, TITLE, /^Resource group/);
  await choose(page, 'rg-hci-seattle');

  await waitForPrompt(page, TITLE, /Name of the AKS Arc cluster/);
  await typeValue(page, 'Aks_demo', { accept: false });
  await expectValidation(page, 'Cluster name: must start with a lowercase letter.');
  // The uniqueness check is a GET after typing pauses: the message comes from Azure (the emulator), not a regex.
  await typeValue(page, 'aks-seattle-prod01', { accept: false });
  await expectValidation(page, 'Cluster name: "aks-seattle-prod01" already exists in resource group "rg-hci-seattle".');
  log('inline validation and the debounced uniqueness check shown');
  await typeValue(page, CLUSTER);

  await waitForPrompt(page, TITLE, /^Custom location/);
  await choose(page, 'seattle-hci');
  await waitForPrompt(page, TITLE, /^Logical network/);
  await choose(page, 'lnet-seattle-prod');
  await waitForPrompt(page, TITLE, /Control plane IP/);
  await typeValue(page, '10.20.0.150', { accept: false });
  await expectValidation(page, 'Control plane IP: must be outside the IP pool 10.20.0.100 – 10.20.0.199.');
  await typeValue(page, '10.20.0.60');

  await waitForPrompt(page, TITLE, /^Kubernetes version/);
  // Back returns to the control plane IP with its answer kept.
  await page.locator('.quick-input-widget .quick-input-titlebar .codicon-quick-input-back').first().click();
  await waitForPrompt(page, TITLE, /Control plane IP/);
  const kept = await page.locator('.quick-input-widget .quick-input-box input').inputValue();
  if (kept !== '10.20.0.60') throw new Error(`Back lost the control plane IP: "${kept}"`);
  log('Back kept the answer:', kept);
  await page.keyboard.press('Enter');
  await waitForPrompt(page, TITLE, /^Kubernetes version/);
  await choose(page, '1.29.4');
  await waitForPrompt(page, TITLE, /^Number of control plane nodes/);
  await choose(page, '1');
  await waitForPrompt(page, TITLE, /^VM size of the control plane/);
  await choose(page, 'Standard_A4_v2');
  await waitForPrompt(page, TITLE, /Name of the first node pool/);
  await typeValue(page, 'nodepool1');
  await waitForPrompt(page, TITLE, /Number of nodes/);
  await typeValue(page, '2');
  await waitForPrompt(page, TITLE, /^VM size of the nodes/);
  await choose(page, 'Standard_A4_v2');
  await waitForPrompt(page, TITLE, /^Operating system/);
  await choose(page, 'Azure Linux');
  await waitForPrompt(page, TITLE, /^SSH public key/);
  await choose(page, 'Paste a public key');
  await waitForPrompt(page, TITLE, /Paste an OpenSSH RSA public key/);
  await typeValue(page, publicKey());
  await waitForPrompt(page, TITLE, /admin group object IDs/);
  await typeValue(page, 'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c');
  await waitForPrompt(page, TITLE, /^Kubernetes authorization/);
  await choose(page, 'Kubernetes RBAC');

  await waitForPrompt(page, TITLE, new RegExp(`^Create AKS Arc cluster "${CLUSTER}"`));
  await clearToasts(page, { hide: false });
  await screenshot(page, path.join(SHOTS, 'create-review.png'), log);

  // "Show REST requests" opens both requests in an editor and keeps the review open.
  await choose(page, 'Show REST requests');
  const editor = page.locator('.editor-instance .view-lines', { hasText: 'connectedClusters' }).first();
  await editor.waitFor({ timeout: 15000 }).catch(() => { throw new Error('"Show REST requests" opened no document'); });
  const shown = (await editor.innerText()).replace(/\u00a0/g, ' ');
  if (!shown.includes('api-version=2024-01-01') || /Bearer ey/.test(shown)) throw new Error(`unexpected REST document:\n${shown.slice(0, 400)}`);
  log('REST requests document shown');
  await waitForPrompt(page, TITLE, new RegExp(`^Create AKS Arc cluster "${CLUSTER}"`));

  // Slow the emulator's long-running operations down so that the progress can be seen (and photographed).
  await fetch(`${emu.url}/_emulator/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lroPollsToComplete: 3, retryAfterSeconds: 1 }) });
  await choose(page, 'Create');
  const progress = page.locator('.notifications-toasts .notification-toast-container', { hasText: /Step 2 of 2/ }).first();
  await progress.waitFor({ timeout: 60000 }).catch(() => { throw new Error('no "Step 2 of 2" progress notification'); });
  log('progress:', (await progress.innerText()).replace(/\s+/g, ' '));
  // The tree shows the new cluster at once, while it is still being created.
  const creating = treeRow(page, CLUSTER);
  await creating.waitFor({ timeout: 30000 }).catch(() => { throw new Error(`"${CLUSTER}" did not appear in the tree while being created`); });
  log('row while creating:', await rowText(creating));
  await page.mouse.move(900, 300);
  await screenshot(page, path.join(SHOTS, 'create-progress.png'), log);

  const done = page.locator('.notifications-toasts .notification-toast-container', { hasText: `Created AKS Arc cluster "${CLUSTER}"` }).first();
  await done.waitFor({ timeout: 120000 }).catch(() => { throw new Error('no "Created AKS Arc cluster" notification'); });
  log('notification:', (await done.innerText()).replace(/\s+/g, ' '));

  const row = treeRow(page, CLUSTER);
  await row.waitFor({ timeout: 30000 }).catch(() => { throw new Error(`"${CLUSTER}" is not in the tree`); });
  await page.waitForFunction((el) => /Succeeded/.test(el.textContent ?? ''), await row.elementHandle(), { timeout: 60000 })
    .catch(async () => { throw new Error(`"${CLUSTER}" did not reach Succeeded: ${await rowText(row)}`); });
  log('row:', await rowText(row));
  await expand(page, CLUSTER, 'cluster', log);
  await expand(page, 'Node pools', 'detail', log);
  await page.mouse.move(900, 600);
  await clearToasts(page, { keep: /Created AKS Arc cluster/ });
  await screenshot(page, path.join(SHOTS, 'create-done.png'), log);

  const puts = (await (await fetch(`${emu.url}/_emulator/requests`)).json()).requests.filter((r) => r.method === 'PUT').map((r) => new URL(r.url).pathname);
  const expected = [
    `/subscriptions/3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01/resourceGroups/rg-hci-seattle/providers/Microsoft.Kubernetes/connectedClusters/${CLUSTER}`,
    `/subscriptions/3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01/resourceGroups/rg-hci-seattle/providers/Microsoft.Kubernetes/connectedClusters/${CLUSTER}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`,
  ];
  if (JSON.stringify(puts) !== JSON.stringify(expected)) throw new Error(`unexpected PUTs:\n${puts.join('\n')}`);
  log('the two PUTs, in order:', puts.length);
}

process.exit(await runE2e({ name: 'create cluster', slug: 'create', bench, main, log }));

#!/usr/bin/env node
// E2E in the real VS Code (code-server 4.96.4 + Chromium): Connect on the demo cluster's inline button runs the
// stand-in `az connectedk8s proxy` (test/az) as a task in the integrated terminal; the terminal reaches the ready line,
// the real kubectl lists the nodes through the proxy, a notification summarises them, and the status-bar item stops
// the proxy, leaving no process. Saves media/screenshots/connect.png for the README.
//
// usage: node test/e2e/connect.e2e.mjs   (needs: bash test/bench/setup.sh; npm run compile && npm run build)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO, emulatorBench } from '../bench/codeServer.mjs';
import { clearToasts, expand, openAzureLocal, openWorkbench, runE2e, screenshot, terminalBuffer, treeRow, widenSidebar } from './workbench.mjs';

const t0 = Date.now();
const ts = () => `[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const log = (...a) => console.log(ts(), ...a);
const CLUSTER = 'aks-seattle-prod01';

const bench = emulatorBench();

/** Live processes whose command line mentions the stand-in proxy for CLUSTER, or its arcProxy child. */
function proxyProcesses() {
  const out = execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' });
  return out.split('\n').map((l) => l.trim()).filter((l) => l && !/^\d+\s+Z/.test(l) && (l.includes(`connectedk8s proxy --name ${CLUSTER}`) || /\barcProxy_/.test(l)));
}

async function main() {
  const before = proxyProcesses();
  if (before.length) throw new Error(`proxy processes already running before the test:\n${before.join('\n')}`);
  const { cs, br } = await bench.start({ log, viewport: { width: 1400, height: 900 } });
  const { page } = br;
  page.on('pageerror', (e) => console.log('[pageerror]', e.message.split('\n')[0]));
  await openWorkbench(page, cs, REPO);
  await openAzureLocal(page);
  await widenSidebar(page, 430);
  await expand(page, 'Contoso Edge Production', 'subscription', log);
  await expand(page, 'seattle-hci', 'custom location', log);
  await expand(page, 'AKS Arc clusters', 'group', log);

  const row = treeRow(page, CLUSTER);
  await row.hover();
  await row.locator('.action-label[aria-label="Connect"]').click({ timeout: 10000 })
    .catch(() => { throw new Error(`no inline "Connect" button on ${CLUSTER}`); });
  log('clicked Connect');

  const summary = page.locator('.notifications-toasts .notification-toast-container', { hasText: `${CLUSTER}: 3 nodes, 3 Ready` }).first();
  await summary.waitFor({ timeout: 90000 }).catch(() => { throw new Error('no "3 nodes, 3 Ready" notification'); });
  const notification = (await summary.innerText()).replace(/\s+/g, ' ');
  log('notification:', notification);
  // The port is 47011 unless that pair is busy (then the next free pair): the notification names it.
  const port = /proxy on port (\d+)/.exec(notification)?.[1] ?? '47011';
  if (!proxyProcesses().some((p) => /arcProxy_/.test(p))) throw new Error('no arcProxy process while connected');

  const status = page.locator('.statusbar-item', { hasText: CLUSTER }).first();
  await status.waitFor({ timeout: 10000 }).catch(() => { throw new Error('no status-bar item for the running proxy'); });
  await clearToasts(page, { keep: /3 nodes, 3 Ready/ });
  await page.mouse.move(700, 300);
  await page.waitForTimeout(500);
  await screenshot(page, path.join(REPO, 'media/screenshots/connect.png'), log);

  // The buffer is read through the clipboard; a read taken while the terminal still renders can come back short.
  let text = '';
  for (let i = 0; i < 3 && !text.includes('3 nodes, 3 Ready'); i++) text = await terminalBuffer(page);
  const listening = text.indexOf(`Proxy is listening on port ${port}`);
  const ready = text.indexOf('Press Ctrl+C to close proxy.');
  const nodes = text.indexOf('moc-l1a2b3c4d5');
  if (!(listening >= 0 && listening < ready && ready < nodes)) throw new Error(`the terminal does not show listening → ready → nodes:\n${text}`);
  log('terminal buffer: listening, then ready, then kubectl get node -A');

  // Stop from the status bar: pick "Stop" in its menu.
  await status.click();
  const stop = page.locator('.quick-input-widget .monaco-list-row', { hasText: /^Stop$/ }).first();
  await stop.waitFor({ timeout: 10000 }).catch(() => { throw new Error('the status-bar menu has no "Stop"'); });
  await stop.click();
  for (let i = 0; i < 50 && proxyProcesses().length; i++) await page.waitForTimeout(200);
  const left = proxyProcesses();
  if (left.length) throw new Error(`processes left after Stop:\n${left.join('\n')}`);
  await status.waitFor({ state: 'hidden', timeout: 10000 }).catch(() => { throw new Error('the status-bar item stayed after Stop'); });
  log('stopped: no az or arcProxy process left, status bar cleared');
}

const status = await runE2e({ name: 'connect', slug: 'connect', bench, main, log, lines: 12 });
// Whatever happened, no proxy outlives the test.
for (const line of proxyProcesses()) {
  const pid = Number(line.split(/\s+/)[0]);
  try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
}
process.exit(status);

#!/usr/bin/env node
// E2E in the real VS Code (code-server 4.96.4 + Chromium) against the emulator's demo world, with no remembered
// answers and a developer's usual ~/.ssh/id_rsa.pub: runs "Azure Local: Create Kubernetes Cluster…" (the quick path)
// from the command palette, answers whatever the real quick input asks until the review, and prints
//   quick create: <N> prompts
// (every prompt answered from the palette up to the review; the review's Create not counted; the goal is N ≤ 5).
// No progress notification shows on the way (the reads between questions show in the quick input). Then changes one line
// from the review, creates the cluster and finds it in the tree. Saves media/screenshots/create-quick-review.png.
//
// usage: node test/e2e/quickCreate.e2e.mjs   (needs: bash test/bench/setup.sh; npm run compile && npm run build)
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO, emulatorBench } from '../bench/codeServer.mjs';
import { choose, clearToasts, expand, openAzureLocal, openWorkbench, rowText, runCommand, runE2e, screenshot, treeRow, typeValue, waitForPrompt, widenSidebar } from './workbench.mjs';

const require = createRequire(import.meta.url);
const t0 = Date.now();
const ts = () => `[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const log = (...a) => console.log(ts(), ...a);
const SHOTS = path.join(REPO, 'media/screenshots');
const TITLE = 'Create AKS Arc Cluster';
const CLUSTER = 'aks-quick-demo';
const ADMIN_GROUP = 'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c';
const GOAL = 5;

// What a user answers to each question the quick path may ask. A question not listed here fails the run.
const ANSWERS = [
  { prompt: /^Custom location/, answer: (page) => choose(page, 'seattle-hci') },
  { prompt: /^Resource group/, answer: (page) => choose(page, 'rg-hci-seattle') },
  { prompt: /Name of the AKS Arc cluster/, answer: (page) => typeValue(page, CLUSTER) },
  { prompt: /^Logical network/, answer: (page) => choose(page, 'lnet-seattle-prod') },
  { prompt: /admin group object IDs/, answer: (page) => typeValue(page, ADMIN_GROUP) },
];
const REVIEW = new RegExp(`^Create AKS Arc cluster "${CLUSTER}"`);

// The extension host's home: an empty machine but for the developer's SSH key (nothing else of this machine's $HOME).
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-home-'));
fs.mkdirSync(path.join(home, '.ssh'), { mode: 0o700 });
const { openSshRsaPublicKey } = require(path.join(REPO, 'out/src/commands/createCluster/sshKey.js'));
fs.writeFileSync(path.join(home, '.ssh', 'id_rsa.pub'), openSshRsaPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey, 'dev@contoso') + '\n');
process.env.HOME = home;

const bench = emulatorBench();

/** The open quick input's title and its placeholder or prompt, once it has finished loading. */
async function currentPrompt(page) {
  await waitForPrompt(page, TITLE, /./);
  return page.evaluate(() => {
    const w = document.querySelector('.quick-input-widget');
    const input = w?.querySelector('.quick-input-box input');
    return {
      title: w?.querySelector('.quick-input-title')?.textContent ?? '',
      // A quick pick (it lists rows) says what it asks in its placeholder; an input box, in its message.
      text: (w?.querySelector('.quick-input-list .monaco-list-row') ? input?.getAttribute('placeholder') : w?.querySelector('.quick-input-message')?.textContent)?.trim() ?? '',
    };
  });
}

/**
 * Waits until the quick input shows another step than `previous` (its title carries the step counter) and that step
 * has rendered what it asks (`expected`, or any question this script knows); then returns it, whatever it is.
 */
async function nextPrompt(page, previous, expected) {
  let now = previous;
  for (let i = 0; i < 300; i++) {
    now = await currentPrompt(page);
    const moved = now.title !== previous.title || now.text !== previous.text;
    if (moved && (expected ?? [REVIEW, ...ANSWERS.map((a) => a.prompt)]).some((p) => p.test(now.text))) return now;
    await page.waitForTimeout(100);
  }
  return now;
}

async function main() {
  const { cs, br } = await bench.start({ log, viewport: { width: 1400, height: 900 } });
  const { page } = br;
  page.on('pageerror', (e) => console.log('[pageerror]', e.message.split('\n')[0]));
  await openWorkbench(page, cs, REPO);
  await openAzureLocal(page);
  await widenSidebar(page);
  await expand(page, 'Contoso Edge Production', 'subscription', log);
  await expand(page, 'seattle-hci', 'custom location', log);
  await expand(page, 'AKS Arc clusters', 'group', log);
  log('workbench ready');

  // Every progress notification shown on the way to the review: the reads between the questions belong in the quick input,
  // not in toasts that flash by.
  await clearToasts(page, { hide: false });
  await page.evaluate(() => {
    window.__toastsSeen = new Set();
    window.__toastWatch = setInterval(() => {
      for (const t of document.querySelectorAll('.notifications-toasts .notification-toast-container')) {
        // Progress notifications only (VS Code's own "try the new theme" may come and go).
        if (t.querySelector('.monaco-progress-container.active')) window.__toastsSeen.add(t.querySelector('.notification-list-item-message')?.textContent ?? t.textContent);
      }
    }, 25);
  });
  await runCommand(page, 'Azure Local: Create Kubernetes Cluster…');
  let prompt = await nextPrompt(page, { title: '', text: '' });
  let prompts = 0;
  while (!REVIEW.test(prompt.text)) {
    const known = ANSWERS.find((a) => a.prompt.test(prompt.text));
    if (!known) throw new Error(`the quick path asked something unexpected: "${prompt.text}" (${prompt.title})`);
    log(`prompt ${prompts + 1}: ${prompt.title} · ${prompt.text}`);
    await known.answer(page);
    prompts++;
    prompt = await nextPrompt(page, prompt);
  }
  console.log(`quick create: ${prompts} prompts`);
  if (prompts > GOAL) throw new Error(`quick create asked ${prompts} questions before the review; the goal is at most ${GOAL}`);
  const toasts = await page.evaluate(() => {
    clearInterval(window.__toastWatch);
    return [...window.__toastsSeen].filter(Boolean);
  });
  if (toasts.length) throw new Error(`progress notifications flashed on the way to the review: ${toasts.map((t) => `"${t}"`).join(', ')}`);
  log('no progress notification on the way to the review');

  // The review says what it chose and why.
  for (const expected of ["the custom location's subscription", 'the newest version ready for Azure Linux on seattle-hci', 'assigned automatically']) {
    await page.waitForFunction((text) => document.querySelector('.quick-input-widget')?.textContent?.includes(text), expected, { timeout: 15000 })
      .catch(async () => { throw new Error(`the review does not say "${expected}":\n${await page.locator('.quick-input-widget').innerText()}`); });
  }
  await clearToasts(page, { hide: false });
  await screenshot(page, path.join(SHOTS, 'create-quick-review.png'), log);

  // Any line can be answered again: the control plane IP, then back to the review.
  await choose(page, 'Control plane IP');
  prompt = await nextPrompt(page, prompt, [/Control plane IP/]);
  if (!/Control plane IP/.test(prompt.text)) throw new Error(`picking the line asked "${prompt.text}"`);
  await typeValue(page, '10.20.0.61');
  prompt = await nextPrompt(page, prompt, [REVIEW]);
  if (!REVIEW.test(prompt.text)) throw new Error(`after the change the quick input shows "${prompt.text}", not the review`);
  if (!(await page.locator('.quick-input-widget').innerText()).includes('10.20.0.61')) throw new Error('the review does not show the changed control plane IP');
  log('changed the control plane IP from the review');

  await choose(page, 'Create');
  const done = page.locator('.notifications-toasts .notification-toast-container', { hasText: `Created AKS Arc cluster "${CLUSTER}"` }).first();
  await done.waitFor({ timeout: 120000 }).catch(() => { throw new Error('no "Created AKS Arc cluster" notification'); });
  const row = treeRow(page, CLUSTER);
  await row.waitFor({ timeout: 30000 }).catch(() => { throw new Error(`"${CLUSTER}" is not in the tree`); });
  log('row:', await rowText(row));
}

const status = await runE2e({ name: 'quick create', slug: 'quick-create', bench, main, log });
fs.rmSync(home, { recursive: true, force: true });
process.exit(status);

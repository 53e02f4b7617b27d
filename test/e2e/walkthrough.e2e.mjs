#!/usr/bin/env node
// E2E in the real VS Code (code-server 4.96.4 + headless Chromium via playwright-core) against the ARM emulator's
// demo world: "Welcome: Open Walkthrough..." lists the extension's Getting Started walkthrough (contributes.walkthroughs,
// no activation event of its own); every step's title is shown, and clicking a step shows its image (loaded, with its
// alt text). Opening the walkthrough activates the extension (VS Code's own implicit onWalkthrough); with the emulator
// the session is signed in, so azureLocal.signedIn becomes true and the Sign in step is checked off (onContext); its
// button runs azureLocal.signIn, which asks nothing and fails nothing there. The Browse step's button opens the Azure
// Local view with the demo's subscription in it (checked off by onView); the Create step's button starts the quick create at its first question (checked off by onCommand); the tasks.json step's
// Configure Task offers the demo cluster's azure-local tasks and writes the chosen one to .vscode/tasks.json. Saves
// media/screenshots/walkthrough.png (1400x900) with the view beside the walkthrough.
// On failure: exit 1, screenshot + server log in test-results/.
//
// usage: node test/e2e/walkthrough.e2e.mjs     (needs: bash test/bench/setup.sh; npm run compile && npm run build)
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_ID, REPO, emulatorBench } from '../bench/codeServer.mjs';
import { choose, clearToasts, openWorkbench, runCommand, runE2e, screenshot, treeRow, waitForPrompt } from './workbench.mjs';

const t0 = Date.now();
const ts = () => `[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const SHOT = path.join(REPO, 'media/screenshots/walkthrough.png');
const extensionPath = path.resolve(process.env.BENCH_EXTENSION_PATH || REPO);
const bench = emulatorBench();
const log = (...a) => console.log(ts(), ...a);

// The walkthrough as the manifest declares it: what the page must show.
const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.nls.json'), 'utf8'));
const text = (value) => (typeof value === 'string' ? value.replace(/^%(.+)%$/, (whole, key) => nls[key] ?? whole) : value);
const walkthrough = manifest.contributes.walkthroughs[0];
const WALKTHROUGH_ID = `${EXTENSION_ID}#${walkthrough.id}`;
const steps = walkthrough.steps.map((step) => ({ id: step.id, title: text(step.title), altText: text(step.media.altText), image: step.media.image }));

/** The step's button on the walkthrough page (VS Code ids a step `<extension>#<walkthrough>#<step>`). */
const stepButton = (page, id) => page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id="${WALKTHROUGH_ID}#${id}"]`);

async function stepChecked(page, id) {
  return (await stepButton(page, id).getAttribute('aria-checked')) === 'true';
}

async function waitChecked(page, id, why) {
  await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-checked') === 'true',
    `.gettingStartedContainer button.getting-started-step[data-step-id="${WALKTHROUGH_ID}#${id}"]`, { timeout: 30000 })
    .catch(() => { throw new Error(`step "${id}" was not checked off after ${why}`); });
}

/** Clicks a step (expanding it) and waits until the media pane shows its image, loaded, with its alt text. */
async function selectStep(page, step) {
  const button = stepButton(page, step.id);
  await button.locator('.step-title').click();
  await page.waitForFunction((el) => el.classList.contains('expanded'), await button.elementHandle(), { timeout: 10000 })
    .catch(() => { throw new Error(`step "${step.title}" did not expand when clicked`); });
  const img = page.locator('.gettingStartedContainer .getting-started-media img');
  await page.waitForFunction((alt) => {
    const el = document.querySelector('.gettingStartedContainer .getting-started-media img');
    return !!el && el.getAttribute('alt') === alt && el.complete && el.naturalWidth > 0;
  }, step.altText, { timeout: 15000 }).catch(async () => {
    const seen = await img.first().evaluate((el) => ({ alt: el.getAttribute('alt'), src: el.getAttribute('src'), w: el.naturalWidth })).catch(() => 'no image');
    throw new Error(`step "${step.title}": its image ${step.image} is not shown (the media pane has ${JSON.stringify(seen)})`);
  });
  // VS Code sets srcset (an SVG as is, a bitmap at 1.5x).
  const src = (await img.first().getAttribute('srcset')) || (await img.first().getAttribute('src')) || '';
  if (!src.includes(path.basename(step.image))) throw new Error(`step "${step.title}" shows ${src}, not ${step.image}`);
  const box = await img.first().boundingBox();
  if (!box || box.width < 200 || box.height < 100) throw new Error(`step "${step.title}": its image is ${JSON.stringify(box)} on screen`);
  log(`step "${step.title}": image ${path.basename(step.image)} shown at ${Math.round(box.width)}x${Math.round(box.height)}`);
}

/** Clicks the step's link (a button when alone on its line) whose text is `label`. */
async function clickStepLink(page, step, label) {
  const link = stepButton(page, step.id).locator('.step-description-container').getByRole('button', { name: label, exact: true })
    .or(stepButton(page, step.id).locator('.step-description-container a', { hasText: label })).first();
  await link.waitFor({ state: 'visible', timeout: 10000 }).catch(() => { throw new Error(`step "${step.title}" has no visible "${label}"`); });
  await link.click();
  log(`clicked "${label}" in step "${step.title}"`);
}

async function main() {
  const { cs, br } = await bench.start({ log, viewport: { width: 1400, height: 900 } });
  const { page } = br;
  page.on('pageerror', (e) => console.log('[pageerror]', e.message.split('\n')[0]));
  await openWorkbench(page, cs, extensionPath);
  log('workbench loaded');

  // As a user would: the palette's walkthrough picker lists it by its title.
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await waitForPrompt(page, '', /walkthrough/i);
  await choose(page, text(walkthrough.title));
  await page.locator(`.gettingStartedContainer h2.category-title[x-category-title-for="${WALKTHROUGH_ID}"]`)
    .waitFor({ state: 'visible', timeout: 30000 }).catch(() => { throw new Error(`the walkthrough "${text(walkthrough.title)}" did not open`); });
  log(`walkthrough open: ${WALKTHROUGH_ID}`);

  for (const step of steps) {
    const title = stepButton(page, step.id).locator('.step-title');
    await title.waitFor({ state: 'visible', timeout: 10000 }).catch(() => { throw new Error(`step "${step.title}" (${step.id}) is not on the page`); });
    const shown = (await title.innerText()).trim();
    if (shown !== step.title) throw new Error(`step ${step.id} shows "${shown}", not "${step.title}"`);
  }
  log(`step titles shown: ${steps.map((s) => s.title).join(' | ')}`);

  for (const step of steps) await selectStep(page, step);

  // Sign in: the extension, activated by the walkthrough, finds the emulator's session signed in.
  const [signInStep, browseStep, createStep] = steps;
  await waitChecked(page, 'signIn', 'the extension activated signed in (onContext:azureLocal.signedIn)');
  for (const id of ['browse', 'create', 'connect', 'tasks']) {
    if (await stepChecked(page, id)) throw new Error(`step "${id}" is checked off before anything was done`);
  }
  await selectStep(page, signInStep);
  log('step "Sign in to Azure" checked off: azureLocal.signedIn is true');
  // Its button runs azureLocal.signIn: with the emulator's session there is nothing to ask and nothing fails.
  await clickStepLink(page, signInStep, 'Sign in');
  await page.waitForTimeout(1500);
  const errors = await page.locator('.notifications-toasts .notification-toast-container', { has: page.locator('.codicon-error') }).allInnerTexts();
  if (errors.length) throw new Error(`Sign in showed an error: ${errors.join(' | ')}`);
  if (await page.locator('.quick-input-widget').isVisible()) throw new Error('Sign in asked something although the emulator session is signed in');
  if (!(await stepChecked(page, 'signIn'))) throw new Error('the Sign in step is no longer checked after Sign in');
  log('Sign in: signed in without a prompt or an error; the step stays checked');

  // Browse: the view opens beside the walkthrough with the demo's subscriptions.
  await selectStep(page, browseStep);
  await clickStepLink(page, browseStep, 'Open the Azure Local view');
  await treeRow(page, 'Contoso Edge Production').waitFor({ state: 'visible', timeout: 30000 })
    .catch(() => { throw new Error('the Azure Local view did not open with the demo subscription "Contoso Edge Production"'); });
  await waitChecked(page, 'browse', 'the view opened (onView:azureLocal.resources)');
  log('step "Browse" checked off; the view shows Contoso Edge Production');

  // Create: the quick create asks its first question; Escape leaves it before anything is sent.
  await selectStep(page, createStep);
  await clickStepLink(page, createStep, 'Create a cluster');
  await waitForPrompt(page, 'Create AKS Arc Cluster', /Custom location/);
  log('the quick create asks for the custom location');
  await page.keyboard.press('Escape');
  await waitChecked(page, 'create', 'Create a cluster (onCommand:azureLocal.createCluster)');
  log('step "Create" checked off');

  // tasks.json: Configure Task offers the azure-local tasks of the demo's cluster.
  const tasksStep = steps.find((step) => step.id === 'tasks');
  await selectStep(page, tasksStep);
  await clickStepLink(page, tasksStep, 'Configure a task');
  await waitForPrompt(page, '', /./);
  const task = 'Azure Local: proxy aks-seattle-prod01';
  await choose(page, task);
  const tasksJson = path.join(cs.workspace, '.vscode', 'tasks.json');
  let written = '';
  for (let i = 0; i < 100 && !/"type":\s*"azure-local"/.test(written); i++) {
    await page.waitForTimeout(200);
    written = fs.existsSync(tasksJson) ? fs.readFileSync(tasksJson, 'utf8') : '';
  }
  for (const expected of [/"type":\s*"azure-local"/, /"action":\s*"proxy"/, /"cluster":\s*"aks-seattle-prod01"/]) {
    if (!expected.test(written)) throw new Error(`Configure Task's "${task}" did not write ${expected} to .vscode/tasks.json:\n${written || '(no file)'}`);
  }
  log(`"${task}" written to .vscode/tasks.json: ${written.replace(/\s+/g, ' ').slice(0, 200)}`);
  // VS Code opens tasks.json; back to the walkthrough's tab.
  await page.locator('.tabs-container .tab.active', { hasText: 'tasks.json' }).waitFor({ timeout: 15000 })
    .catch(() => { throw new Error('Configure Task did not open tasks.json'); });
  await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'Walkthrough' }).waitFor({ timeout: 15000 })
    .catch(() => { throw new Error('the walkthrough\'s tab did not come back'); });
  await waitChecked(page, 'tasks', 'Configure Task (onCommand:workbench.action.tasks.configureTaskRunner)');
  log('step "tasks.json" checked off');

  // A calm picture: the create step open with its image, the done steps checked, the view beside it.
  await selectStep(page, createStep);
  await page.mouse.move(1390, 890);
  await clearToasts(page);
  await screenshot(page, SHOT);
  log('screenshot', path.relative(REPO, SHOT));
}

process.exit(await runE2e({
  name: 'walkthrough',
  slug: 'walkthrough',
  bench,
  main,
  log,
  onFailure: async (page) => {
    const seen = await page.locator('.gettingStartedContainer button.getting-started-step')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step-id')} checked=${e.getAttribute('aria-checked')} ${e.classList.contains('expanded') ? 'expanded' : ''}`)).catch(() => []);
    if (seen.length) log('walkthrough steps:\n  ' + seen.join('\n  '));
  },
}));

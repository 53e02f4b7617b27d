// Shared by the Playwright e2e scripts: finding and expanding rows of the Azure Local tree, driving VS Code's quick
// input, and taking calm screenshots, in code-server 4.96.4 (VS Code 1.96.4) DOM terms.
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../bench/codeServer.mjs';

export const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A row of the sidebar tree whose label (not its description) is exactly `label` (or matches a RegExp). */
export function treeRow(page, label) {
  const re = label instanceof RegExp ? label : new RegExp(`^\\s*${esc(label)}\\s*$`);
  return page.locator('.part.sidebar .monaco-list-row')
    .filter({ has: page.locator('.monaco-icon-label .label-name', { hasText: re }) }).first();
}

/** "label — description" of a tree row. */
export async function rowText(row) {
  const label = (await row.locator('.label-name').first().innerText()).trim();
  const d = row.locator('.label-description');
  const desc = (await d.count()) ? (await d.first().innerText()).trim() : '';
  return desc ? `${label} — ${desc}` : label;
}

/** Expands a collapsible tree row (no-op when already expanded). */
export async function expand(page, label, what, log = () => {}) {
  const row = treeRow(page, label);
  await row.waitFor({ state: 'visible', timeout: 30000 }).catch(() => { throw new Error(`${what} row "${label}" not visible`); });
  for (let i = 0; i < 5; i++) {
    const state = await row.getAttribute('aria-expanded');
    if (state === 'true') break;
    if (state === null) throw new Error(`${what} row "${label}" is not expandable`);
    await row.click();
    await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: 5000 }).catch(() => {});
  }
  if ((await row.getAttribute('aria-expanded')) !== 'true') throw new Error(`${what} row "${label}" did not expand`);
  log(`expanded ${what}: ${await rowText(row)}`);
  return row;
}

/** Opens the "Azure Local" activity-bar container. */
/** Loads the workbench of `cs` with the extension under development at `extensionPath`, until it has rendered. */
export async function openWorkbench(page, cs, extensionPath) {
  await page.goto(cs.workbenchUrl({ extensionDevelopmentPath: extensionPath }), { waitUntil: 'domcontentloaded', timeout: 60000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
}

export async function openAzureLocal(page) {
  const item = page.locator('.part.activitybar .action-item', { has: page.locator('[aria-label^="Azure Local"]') }).first();
  await item.waitFor({ state: 'visible', timeout: 60000 }).catch(() => { throw new Error('activity bar item "Azure Local" not found'); });
  if (!(await item.evaluate((el) => el.classList.contains('checked')))) await item.locator('[aria-label^="Azure Local"]').first().click();
  await page.locator('.part.sidebar .title-label', { hasText: /azure local/i }).first().waitFor({ timeout: 30000 })
    .catch(() => { throw new Error('sidebar did not show the Azure Local container'); });
}

/** Drags the sidebar wider so that descriptions are readable in screenshots. */
export async function widenSidebar(page, width = 480) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Dismisses toasts (VS Code's own offers arrive late); `hide` keeps any that will not close out of the picture. */
export async function clearToasts(page, { hide = true, keep } = {}) {
  const toasts = page.locator('.notifications-toasts .notification-toast-container');
  for (let round = 0; round < 3; round++) {
    for (let i = (await toasts.count()) - 1; i >= 0; i--) {
      const toast = toasts.nth(i);
      if (keep && keep.test((await toast.innerText().catch(() => '')) || '')) continue;
      await toast.locator('.codicon-notifications-clear').first().click({ timeout: 2000, force: true }).catch(() => {});
    }
    await page.waitForTimeout(600);
  }
  if (hide && !keep) await page.addStyleTag({ content: '.notifications-toasts { display: none !important; }' });
}

export async function screenshot(page, file, log = () => {}) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  log('screenshot', file);
}

// ---- quick input (command palette, quick picks, input boxes)

const quickInput = (page) => page.locator('.quick-input-widget');

/** Runs a command from the palette by its full title ("Azure Local: Create Kubernetes Cluster…"). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await quickInput(page).waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.type(title);
  const row = quickInput(page).locator('.monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 10000 }).catch(() => { throw new Error(`command "${title}" not in the palette`); });
  // The row with this title, not whichever is first (another command's title may match the filter better).
  await row.click();
}

/**
 * The active terminal's whole buffer (scrollback included, wrapped lines joined), read through VS Code's own
 * "Select All" and "Copy": what a user would copy, whatever the checkout path does to how rows wrap.
 */
export async function terminalBuffer(page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.locator('.terminal-wrapper.active .xterm-screen, .terminal-wrapper .xterm-screen').first().click();
  await runCommand(page, 'Terminal: Select All');
  await page.waitForTimeout(300);
  // "Copy Selection" is not offered by the palette (it needs the terminal focused): its Linux keybinding is.
  await page.keyboard.press('Control+Shift+C');
  await page.waitForTimeout(300);
  const text = (await page.evaluate(() => navigator.clipboard.readText())).replace(/\u00a0/g, ' ');
  await page.keyboard.press('Escape');
  return text;
}

/** Waits for a quick input whose title contains `title` and whose placeholder/prompt matches `prompt` (RegExp). */
export async function waitForPrompt(page, title, prompt) {
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible', timeout: 30000 });
  await page.waitForFunction(
    ([t, p]) => {
      const w = document.querySelector('.quick-input-widget');
      if (!w || w.style.display === 'none') return false;
      const titleText = w.querySelector('.quick-input-title')?.textContent ?? '';
      const input = w.querySelector('.quick-input-box input');
      const text = `${input?.getAttribute('placeholder') ?? ''} ${w.querySelector('.quick-input-message')?.textContent ?? ''} ${input?.getAttribute('aria-label') ?? ''}`;
      return titleText.includes(t) && new RegExp(p).test(text);
    },
    [title, prompt.source],
    { timeout: 30000 },
  ).catch(async () => {
    const seen = await widget.innerText().catch(() => '');
    throw new Error(`no prompt ${prompt} in "${title}"; the quick input shows: ${seen.slice(0, 300)}`);
  });
  // Lists load asynchronously: wait until the busy indicator is gone.
  await page.waitForFunction(() => !document.querySelector('.quick-input-widget .quick-input-progress.active, .quick-input-widget .monaco-progress-container.active'), null, { timeout: 30000 }).catch(() => {});
}

/** In an open quick pick: filters by `text` and accepts the row whose label matches it. */
export async function choose(page, text) {
  const input = quickInput(page).locator('.quick-input-box input');
  await input.fill(text);
  const row = quickInput(page).locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 30000 }).catch(async () => {
    throw new Error(`no "${text}" in the quick pick: ${await quickInput(page).innerText().catch(() => '')}`);
  });
  await row.click();
}

/** In an open input box: replaces the value and, unless `accept` is false, presses Enter. */
export async function typeValue(page, value, { accept = true } = {}) {
  const input = quickInput(page).locator('.quick-input-box input');
  await input.fill(value);
  if (accept) await page.keyboard.press('Enter');
}

/** The inline validation message of the open input box, once it contains `expected`. */
export async function expectValidation(page, expected) {
  await page.waitForFunction(
    (text) => (document.querySelector('.quick-input-widget .quick-input-message')?.textContent ?? '').includes(text),
    expected,
    { timeout: 15000 },
  ).catch(async () => {
    throw new Error(`expected the message "${expected}"; the input shows: ${await quickInput(page).innerText().catch(() => '')}`);
  });
}

// ---- running a script

/**
 * Runs an e2e script's `main` on its bench. On failure it prints the error (its first `lines` lines), runs
 * `onFailure` (extra diagnostics), and saves test-results/<slug>-failure.png and <slug>-code-server.log. The bench is
 * always closed. Resolves the exit status.
 */
export async function runE2e({ name, slug, bench, main, log, lines = 6, onFailure }) {
  const results = path.join(REPO, 'test-results');
  let status = 0;
  try {
    await main();
    log(`E2E ${name}: OK`);
  } catch (e) {
    status = 1;
    log(`E2E ${name} FAILED:`, e?.message?.split('\n').slice(0, lines).join('\n') || e);
    fs.mkdirSync(results, { recursive: true });
    if (bench.br) {
      await onFailure?.(bench.br.page);
      await bench.br.page.screenshot({ path: path.join(results, `${slug}-failure.png`) }).catch(() => {});
    }
    if (bench.cs) fs.writeFileSync(path.join(results, `${slug}-code-server.log`), bench.cs.log);
    log(`see test-results/${slug}-failure.png and test-results/${slug}-code-server.log`);
  }
  await bench.close();
  return status;
}

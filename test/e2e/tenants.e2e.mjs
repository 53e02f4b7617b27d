#!/usr/bin/env node
// E2E in the real VS Code (code-server 4.96.4 + headless Chromium via playwright-core) against the ARM emulator's
// demo world: "Azure Local: Select Tenants…" from the palette lists the account's two directories with the home one
// checked; checking Fabrikam too shows its subscription in the view beside Contoso's, read with Fabrikam's token (the
// emulator refuses any other). Saves media/screenshots/select-tenants.png with the picker open (1400x900).
// On failure: exit 1, screenshot + server log in test-results/.
//
// usage: node test/e2e/tenants.e2e.mjs     (needs: bash test/bench/setup.sh; npm run compile && npm run build)
import path from 'node:path';
import { REPO, emulatorBench } from '../bench/codeServer.mjs';
import { clearToasts, expand as expandRow, openAzureLocal, openWorkbench, rowText, runCommand, runE2e, screenshot, treeRow, waitForPrompt, widenSidebar } from './workbench.mjs';

const t0 = Date.now();
const ts = () => `[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const SHOT = path.join(REPO, 'media/screenshots/select-tenants.png');
const extensionPath = path.resolve(process.env.BENCH_EXTENSION_PATH || REPO);
const bench = emulatorBench();
const log = (...a) => console.log(ts(), ...a);

async function main() {
  const { cs, br } = await bench.start({ log, viewport: { width: 1400, height: 900 } });
  const { page } = br;
  await openWorkbench(page, cs, extensionPath);
  await openAzureLocal(page);
  await widenSidebar(page);
  await treeRow(page, 'Contoso Edge Production').waitFor({ timeout: 30000 });
  await clearToasts(page);

  await runCommand(page, 'Azure Local: Select Tenants…');
  await waitForPrompt(page, '', /Tenants whose subscriptions/);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.filter({ hasText: 'Fabrikam' }).first().waitFor({ timeout: 30000 });
  const checked = async (name) => (await rows.filter({ hasText: name }).first().locator('input[type=checkbox], .monaco-checkbox, .quick-input-list-checkbox').first().evaluate((el) => el.checked ?? el.getAttribute('aria-checked') === 'true').catch(() => undefined));
  log('picker rows:', (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).join(' | '));
  if ((await checked('Contoso')) === false) throw new Error('the home tenant is not checked when the picker opens');
  await rows.filter({ hasText: 'Fabrikam' }).first().locator('input[type=checkbox], .quick-input-list-checkbox, .monaco-checkbox').first().click();
  await page.waitForTimeout(300);
  await screenshot(page, SHOT);
  log('screenshot', path.relative(REPO, SHOT));
  await page.keyboard.press('Enter');

  const fabrikam = treeRow(page, 'Fabrikam Retail Edge');
  await fabrikam.waitFor({ timeout: 30000 }).catch(() => { throw new Error('Fabrikam\'s subscription did not appear in the view'); });
  await expandRow(page, 'Fabrikam Retail Edge', 'subscription', log);
  await treeRow(page, 'store-0042').waitFor({ timeout: 30000 }).catch(() => { throw new Error('Fabrikam\'s custom location did not load (was its own token sent?)'); });
  log('row:', await rowText(treeRow(page, 'store-0042')));
}

process.exit(await runE2e({ name: 'tenants', slug: 'tenants', bench, main, log }));

#!/usr/bin/env node
// Runs the mocha suite (out/test/integration/index.js, compiled from test/integration/index.ts) INSIDE the real
// VS Code extension host of code-server, against the ARM emulator (demo world), and exits with mocha's status.
//
// usage: node test/bench/runExtensionTests.mjs [--timeout ms] [--browser-log] [--keep-state] [--locale qps-ploc] [--grep text]
// needs: bash test/bench/setup.sh; npm run compile && npm run build
// env:   ARM_TRAFFIC_DIR (passed to the emulator), BENCH_EMULATOR_MODULE (override out/test/emulator/server.js)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, emulatorBench } from './codeServer.mjs';

const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf('--' + k); return i >= 0 ? argv[i + 1] : d; };
const timeoutMs = Number(opt('timeout', process.env.BENCH_TEST_TIMEOUT || 600000));
const t0 = Date.now();
const ts = () => `[bench ${((Date.now() - t0) / 1000).toFixed(1)}s]`;

const testsPath = path.join(REPO, 'out/test/integration/index.js');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const mainJs = path.join(REPO, pkg.main || 'dist/extension.js');

const bench = emulatorBench();
// The extension host inherits code-server's environment: test/integration/index.ts filters by it.
if (opt('grep')) process.env.MOCHA_GREP = opt('grep');

/** VS Code in the pseudo-locale: the stand-in language pack, and the cache VS Code keeps of installed language packs. */
function pseudoLocale(locale) {
  if (locale !== 'qps-ploc') throw new Error(`--locale ${locale}: the bench has a language pack for qps-ploc only`);
  const from = path.join(REPO, 'test/fixtures/pseudo-language-pack');
  const pkg = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  return {
    args: ['--locale', 'qps-ploc'],
    install: { copyFrom: from },
    userDataFiles: (dirs) => ({
      'languagepacks.json': JSON.stringify({
        'qps-ploc': {
          hash: `${pkg.version}-standin`,
          label: pkg.contributes.localizations[0].languageName,
          extensions: [{ extensionIdentifier: { id }, version: pkg.version }],
          translations: { vscode: path.join(dirs.ext, `${id}-${pkg.version}`, 'translations/main.i18n.json') },
        },
      }),
    }),
  };
}

/**
 * The stand-in Kubernetes extension (test/fixtures/kubernetes-tools-standin: the published API for the versions the
 * extension uses, its vs-kubernetes settings and Clusters view), installed like a user's extension: the workbench
 * takes one extensionDevelopmentPath only (its payload is read into a Map). Its code is what tsc compiled into out/.
 */
const STANDIN_OUT = path.join(REPO, 'out/test/fixtures/kubernetes-tools-standin');
function kubernetesStandin() {
  const from = path.join(REPO, 'test/fixtures/kubernetes-tools-standin');
  const staged = fs.mkdtempSync(path.join(os.tmpdir(), 'kubernetes-tools-standin-'));
  fs.cpSync(path.join(from, 'package.json'), path.join(staged, 'package.json'));
  fs.cpSync(path.join(from, 'media'), path.join(staged, 'media'), { recursive: true });
  fs.mkdirSync(path.join(staged, 'dist'));
  for (const file of ['extension.js', 'record.js']) fs.cpSync(path.join(STANDIN_OUT, file), path.join(staged, 'dist', file));
  return staged;
}

async function main() {
  for (const [f, hint] of [[testsPath, 'npm run compile'], [mainJs, 'npm run build'], [path.join(STANDIN_OUT, 'extension.js'), 'npm run compile']]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(REPO, f)} missing; run: ${hint}`);
  }
  const locale = opt('locale') ? pseudoLocale(opt('locale')) : {};
  const standin = kubernetesStandin();
  const codeServer = { keepState: argv.includes('--keep-state'), ...locale, install: { copyFrom: [standin, ...[locale.install?.copyFrom ?? []].flat()] } };
  let started;
  try {
    started = await bench.start({ log: (...a) => console.log(ts(), ...a), codeServer });
  } finally {
    fs.rmSync(standin, { recursive: true, force: true });
  }
  const { cs, br } = started;
  const { page } = br;
  let done;
  const exited = new Promise((r) => (done = r));
  // the workbench forwards the extension host's console and mocha's final status to these
  await page.exposeFunction('codeAutomationLog', (_type, args) => console.log(...(Array.isArray(args) ? args : [args])));
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  if (argv.includes('--browser-log')) page.on('console', (m) => console.log('[browser]', m.text()));
  page.on('pageerror', (e) => console.log('[pageerror]', e.message.split('\n')[0]));
  const timer = setTimeout(() => done('timeout'), timeoutMs);
  await page.goto(cs.workbenchUrl({ extensionDevelopmentPath: REPO, extensionTestsPath: testsPath }),
    { waitUntil: 'domcontentloaded', timeout: 60000 });
  console.log(ts(), 'workbench loading; tests run in the extension host');
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) {
    fs.mkdirSync(path.join(REPO, 'test-results'), { recursive: true });
    const shot = path.join(REPO, 'test-results/integration-failure.png');
    await page.screenshot({ path: shot }).catch(() => {});
    const logCopy = path.join(REPO, 'test-results/integration-code-server.log');
    fs.writeFileSync(logCopy, cs.log);
    console.error(ts(), `server log: ${path.relative(REPO, logCopy)}, screenshot: ${path.relative(REPO, shot)}`);
  }
  if (code === 'timeout') {
    console.error(ts(), `TIMEOUT after ${timeoutMs} ms waiting for the extension tests`);
    return 124;
  }
  console.log(ts(), `extension tests finished, exit code ${code}`);
  return typeof code === 'number' ? code : 1;
}

let status;
try {
  status = await main();
} catch (e) {
  console.error(ts(), 'FAILED:', e?.stack || e);
  status = 2;
}
await bench.close();
process.exit(status);

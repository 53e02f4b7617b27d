// The "real VS Code bench": an isolated code-server 4.96.4 (= VS Code 1.96.4, real Node extension host)
// installed by test/bench/setup.sh into <repo>/.bench, plus headless Debian Chromium driven by playwright-core.
//
//   const cs = await startCodeServer({ workspace, settings, env, extension: { devPath } | { copyFrom } | { vsix } });
//   const { browser, page } = await launchBrowser({ stateDir: cs.state });
//   await page.goto(cs.workbenchUrl({ extensionDevelopmentPath, extensionTestsPath }));
//   ...; await browser.close(); await cs.close();
//
// All state (user data, extensions, XDG dirs, config, logs) lives under one temp dir; nothing is written to $HOME.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_DIR = process.env.BENCH_DIR || path.join(REPO, '.bench');
export const CS_ENTRY = path.join(BENCH_DIR, 'cs/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROME || '/usr/bin/chromium';
export const EXTENSION_ID = 'azure-local-tools.azure-local-tools';

const require = createRequire(path.join(REPO, 'package.json'));

/** Settings every bench server gets (the caller's settings override them). */
export const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Light Modern', // pinned: else a "try the new default theme" toast appears
  'terminal.integrated.gpuAcceleration': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never', // the demo workspace sits inside this repo's .bench/
};

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--disable-breakpad'];

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, host, () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Throws a clear message when setup.sh has not been run. */
export function assertBenchInstalled() {
  if (!fs.existsSync(CS_ENTRY)) {
    throw new Error(`code-server not installed at ${CS_ENTRY}; run: bash test/bench/setup.sh`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}; run: bash test/bench/setup.sh`);
}

/** Copies the files an installed extension needs (what a VSIX would hold) into dest. */
export function copyExtensionFolder(src, dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));
  const main = pkg.main ? path.join(src, pkg.main.endsWith('.js') ? pkg.main : pkg.main + '.js') : undefined;
  if (main && !fs.existsSync(main)) throw new Error(`extension main ${main} missing; run: npm run build`);
  for (const name of fs.readdirSync(src)) {
    const keep = ['package.json', 'dist', 'media', 'resources', 'l10n', 'translations', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md']
      .includes(name) || /^package\.nls(\..+)?\.json$/.test(name);
    if (keep) fs.cpSync(path.join(src, name), path.join(dest, name), { recursive: true, dereference: true });
  }
  return dest;
}

/**
 * Starts code-server on 127.0.0.1.
 * @param {object} o
 * @param {string} [o.workspace]   folder to open (default: <state>/ws, created)
 * @param {object} [o.settings]    user settings (written to <state>/ud/User/settings.json), merged over BASE_SETTINGS
 * @param {object} [o.env]         extra env for the server; the extension host inherits it
 * @param {number} [o.port]        0/undefined = free port
 * @param {string} [o.host]        bind address (default 127.0.0.1)
 * @param {{copyFrom?: string, vsix?: string}} [o.install]  install an extension before start (demo);
 *                                 for tests pass extensionDevelopmentPath to workbenchUrl() instead
 * @param {string} [o.stateDir]    use this dir instead of a fresh temp dir
 * @param {boolean} [o.keepState]  do not delete the state dir on close()
 * @param {(line: string) => void} [o.onLog]  server output lines
 */
export async function startCodeServer(o = {}) {
  assertBenchInstalled();
  const state = o.stateDir || fs.mkdtempSync(path.join(os.tmpdir(), 'alt-bench-'));
  const dirs = {
    ud: path.join(state, 'ud'), ext: path.join(state, 'ext'), xdgConfig: path.join(state, 'xdg-config'),
    xdgData: path.join(state, 'xdg-data'), xdgCache: path.join(state, 'xdg-cache'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const workspace = path.resolve(o.workspace || path.join(state, 'ws'));
  fs.mkdirSync(workspace, { recursive: true });

  // VS Code (web and desktop) reads user settings from <user-data-dir>/User/settings.json
  fs.mkdirSync(path.join(dirs.ud, 'User'), { recursive: true });
  const settings = { ...BASE_SETTINGS, ...(o.settings || {}) };
  fs.writeFileSync(path.join(dirs.ud, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  // The extension host runs on the server: its machine-scoped settings (azureLocal.*) are the remote Machine settings.
  // Once that file exists, VS Code ignores machine-scoped values in User settings, so they are written there too.
  const machine = Object.fromEntries(Object.entries(settings).filter(([key]) => key.startsWith('azureLocal.')));
  fs.mkdirSync(path.join(dirs.ud, 'Machine'), { recursive: true });
  fs.writeFileSync(path.join(dirs.ud, 'Machine', 'settings.json'), JSON.stringify(machine, null, 2));

  // Other files of the user data dir (e.g. a language pack's cache), by path relative to it; a function gets the dirs.
  for (const [rel, content] of Object.entries(typeof o.userDataFiles === 'function' ? o.userDataFiles(dirs) : o.userDataFiles || {})) {
    fs.mkdirSync(path.dirname(path.join(dirs.ud, rel)), { recursive: true });
    fs.writeFileSync(path.join(dirs.ud, rel), content);
  }

  const host = o.host || '127.0.0.1';
  const port = o.port || await freePort(host);
  const env = {
    ...process.env, ...(o.env || {}),
    XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, XDG_CACHE_HOME: dirs.xdgCache,
  };
  delete env.VSCODE_IPC_HOOK_CLI; delete env.ELECTRON_RUN_AS_NODE;
  const common = ['--config', path.join(state, 'config.yaml'), '--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext];

  if (o.install?.vsix) {
    execFileSync(process.execPath, [CS_ENTRY, ...common, '--install-extension', path.resolve(o.install.vsix)],
      { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 });
  }
  for (const from of [o.install?.copyFrom ?? []].flat()) {
    const pkg = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8'));
    copyExtensionFolder(from, path.join(dirs.ext, `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase()));
  }

  const args = [CS_ENTRY, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', ...common, ...(o.args || []), '--bind-addr', `${host}:${port}`, workspace];
  const logFile = path.join(state, 'server.log');
  const logStream = fs.createWriteStream(logFile);
  const child = spawn(process.execPath, args, { env, cwd: state, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  let exited = null;
  const onData = (d) => {
    const s = d.toString(); log += s; logStream.write(s);
    if (o.onLog) for (const line of s.split('\n')) if (line.trim()) o.onLog(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exitP = new Promise((r) => child.on('exit', (code, sig) => { exited = { code, sig }; r(exited); }));

  let closed = false;
  const close = async () => {
    if (closed) return; closed = true;
    process.off('exit', killSync);
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exitP; clearTimeout(t);
    }
    // the extension host and other helpers share the process group; make sure none outlive the server
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    logStream.end();
    if (!o.keepState) fs.rmSync(state, { recursive: true, force: true });
  };
  const killSync = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.on('exit', killSync);

  const deadline = Date.now() + 60000;
  while (!/HTTP server listening/.test(log)) {
    if (exited) { await close(); throw new Error(`code-server exited (${JSON.stringify(exited)}):\n${log}`); }
    if (Date.now() > deadline) { await close(); throw new Error(`code-server did not start within 60 s:\n${log}`); }
    await sleep(100);
  }

  const origin = `http://${host}:${port}`;
  const remote = (p) => `vscode-remote://${host}:${port}${path.resolve(p)}`;
  /** Workbench URL; extensionDevelopmentPath / extensionTestsPath go in the payload (code-server rejects them as flags). */
  const workbenchUrl = (p = {}) => {
    const payload = [];
    if (p.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(p.extensionDevelopmentPath)]);
    if (p.extensionTestsPath) payload.push(['extensionTestsPath', remote(p.extensionTestsPath)]);
    let url = `${origin}/?folder=${encodeURIComponent(p.folder || workspace)}`;
    if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return url;
  };
  return { state, port, host, origin, workspace, dirs, logFile, workbenchUrl, close, get log() { return log; }, get exited() { return exited; }, pid: child.pid };
}

/**
 * Headless Debian Chromium via the project's playwright-core (never downloads a browser).
 * @returns {Promise<{browser: import('playwright-core').Browser, context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close: () => Promise<void>}>}
 */
export async function launchBrowser({ stateDir, viewport = { width: 1400, height: 900 }, headless = true } = {}) {
  const { chromium } = require('playwright-core');
  const xdg = fs.mkdtempSync(path.join(stateDir || os.tmpdir(), 'chrome-xdg-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: xdg }, // keeps Chromium's crashpad dir out of ~/.config
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const close = async () => { await browser.close().catch(() => {}); fs.rmSync(xdg, { recursive: true, force: true }); };
  return { browser, context, page, close };
}

/** Loads the ARM emulator (compiled by `npx tsc -p .` to out/test/emulator/server.js; BENCH_EMULATOR_MODULE overrides). */
export async function loadEmulator() {
  const p = path.resolve(process.env.BENCH_EMULATOR_MODULE || path.join(REPO, 'out/test/emulator/server.js'));
  if (!fs.existsSync(p)) throw new Error(`${p} missing; run: npm run compile (the emulator lives in test/emulator)`);
  const mod = require(p);
  if (typeof mod.startEmulator !== 'function') throw new Error(`${p} does not export startEmulator`);
  return mod.startEmulator;
}

/** What the extension host (and the stand-in az it runs) needs to know of the emulator. */
export function emulatorEnv(url) {
  const { DEV_TOKEN } = require(path.join(REPO, 'out/src/auth/loopback.js'));
  // The stand-in az POSTs listClusterUserCredential there before it starts its proxy, as the real CLI does.
  return { ARM_EMULATOR_URL: url, AZ_STANDIN_ARM_URL: url, AZ_STANDIN_ARM_TOKEN: DEV_TOKEN };
}

/** Settings that point the extension at an ARM emulator. */
export function emulatorSettings(url) {
  return {
    'azureLocal.resourceManagerEndpoint': url,
    // No real Azure behind the emulator: Connect runs the stand-in az (test/az), whose proxy serves a tiny Kubernetes
    // API that the real kubectl lists nodes from; kubeconfigs stay inside the bench.
    'azureLocal.azPath': path.join(REPO, 'test/az/az'),
    'azureLocal.kubeconfigFolder': path.join(BENCH_DIR, 'kubeconfigs'),
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'terminal.integrated.gpuAcceleration': 'off',
    'security.workspace.trust.enabled': false,
  };
}

/** Runs `bash test/bench/setup.sh` (a no-op in about a second when already installed). */
export function ensureBench() {
  execFileSync('bash', [path.join(REPO, 'test/bench/setup.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * The whole bench for one run: the ARM emulator (demo world, recording into ARM_TRAFFIC_DIR), code-server pointed at
 * it, and Chromium. `bench.emu`, `bench.cs`, `bench.br` fill in as they start, so a failure midway can still report;
 * `bench.close()` (also on SIGINT/SIGTERM) stops whatever started.
 */
export function emulatorBench() {
  const bench = {
    emu: undefined,
    cs: undefined,
    br: undefined,
    async start({ log = () => {}, codeServer = {}, viewport } = {}) {
      const startEmulator = await loadEmulator();
      bench.emu = await startEmulator({ port: 0, world: 'demo', retryAfterSeconds: 0, trafficDir: process.env.ARM_TRAFFIC_DIR });
      log('ARM emulator (demo world) at', bench.emu.url);
      bench.cs = await startCodeServer({ settings: emulatorSettings(bench.emu.url), env: emulatorEnv(bench.emu.url), ...codeServer });
      log(`code-server at ${bench.cs.origin} (state ${bench.cs.state})`);
      bench.br = await launchBrowser({ stateDir: bench.cs.state, ...(viewport ? { viewport } : {}) });
      return bench;
    },
    async close() {
      const { br, cs, emu } = bench;
      bench.br = bench.cs = bench.emu = undefined;
      if (br) await br.close().catch(() => {});
      if (cs) await cs.close().catch(() => {});
      if (emu) await Promise.resolve(emu.close()).catch(() => {});
    },
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { bench.close().finally(() => process.exit(130)); });
  return bench;
}

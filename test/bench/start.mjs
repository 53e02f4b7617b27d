#!/usr/bin/env node
// `npm start`: the demo on a fresh machine. Sets up the real VS Code (code-server 4.96.4) if needed, builds the
// extension, starts the ARM emulator (demo world) and code-server with the extension installed and pointed at the
// emulator, prints the URL, and stays in the foreground until Ctrl+C.
//
// env: PORT (code-server, default 8080), HOST (default 127.0.0.1), EMULATOR_PORT (default 47100, 0 = free),
//      SKIP_BUILD=1 (use the existing dist/ and out/), ARM_TRAFFIC_DIR (record the emulator's traffic)
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO, startCodeServer, loadEmulator, emulatorEnv, emulatorSettings, ensureBench } from './codeServer.mjs';

const PORT = Number(process.env.PORT || 8080);
const HOST = process.env.HOST || '127.0.0.1';
const EMULATOR_PORT = Number(process.env.EMULATOR_PORT ?? 47100);
const say = (...a) => console.log('[start]', ...a);

const portFree = (port, host) => new Promise((resolve) => {
  const s = net.createServer().once('error', () => resolve(false)).listen(port, host, () => s.close(() => resolve(true)));
});

let emu, cs, stopping = false;
async function stop(code = 0) {
  if (stopping) return; stopping = true;
  say('stopping...');
  if (cs) await cs.close().catch(() => {});
  if (emu) await Promise.resolve(emu.close()).catch(() => {});
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  ensureBench();
  if (process.env.SKIP_BUILD !== '1') {
    say('building: npm run compile && npm run build');
    execSync('npm run compile && npm run build', { cwd: REPO, stdio: 'inherit' });
  }
  if (!(await portFree(PORT, HOST))) throw new Error(`port ${HOST}:${PORT} is in use; set PORT=...`);
  const emuPort = EMULATOR_PORT && (await portFree(EMULATOR_PORT, '127.0.0.1')) ? EMULATOR_PORT : 0;

  const startEmulator = await loadEmulator();
  // Long-running operations take a few seconds in the demo, so that creating a cluster shows its progress.
  emu = await startEmulator({ port: emuPort, world: 'demo', retryAfterSeconds: 2, lroPollsToComplete: 3, trafficDir: process.env.ARM_TRAFFIC_DIR });
  say('ARM emulator (demo world):', emu.url);

  const workspace = path.join(REPO, '.bench/demo-workspace');
  fs.mkdirSync(workspace, { recursive: true });
  cs = await startCodeServer({
    host: HOST, port: PORT, workspace,
    settings: emulatorSettings(emu.url),
    env: emulatorEnv(emu.url),
    install: { copyFrom: REPO }, // installed like a VSIX would be: package.json, dist/, media/ ...
  });
  say(`code-server (VS Code 1.96.4) state: ${cs.state}`);
  console.log(`\n  Open  http://${HOST}:${PORT}/  in a browser  (Azure Local is in the activity bar).  Ctrl+C stops.\n`);
  // keep the foreground; notice if code-server dies
  const timer = setInterval(() => { if (cs.exited) { say('code-server exited:', JSON.stringify(cs.exited)); clearInterval(timer); stop(1); } }, 1000);
} catch (e) {
  console.error('[start] FAILED:', e?.message || e);
  await stop(1);
}

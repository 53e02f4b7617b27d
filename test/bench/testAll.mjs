#!/usr/bin/env node
// `npm test`: runs every test step in order with ONE fresh ARM traffic dir for the whole run (the emulator records
// into it; test:oav validates it), stops at the first failure, and ends with "steps: N passed, N failed, N skipped".
//
// env: ARM_TRAFFIC_DIR (default: a fresh test-results/arm-traffic), TEST_STEPS (comma list to run a subset)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ALL = ['compile', 'lint', 'build', 'test:unit', 'test:emulator', 'test:faults', 'test:fuzz', 'test:az', 'test:windows', 'test:integration', 'test:l10n', 'test:e2e', 'test:oav', 'test:package'];
const steps = process.env.TEST_STEPS ? process.env.TEST_STEPS.split(',').map((s) => s.trim()).filter(Boolean) : ALL;

let trafficDir = process.env.ARM_TRAFFIC_DIR;
if (!trafficDir) {
  trafficDir = path.join(REPO, 'test-results/arm-traffic');
  // The emulator records tagged traffic beside it (<dir>-examples, <dir>-faults): fresh too.
  for (const dir of [trafficDir, `${trafficDir}-examples`, `${trafficDir}-faults`]) fs.rmSync(dir, { recursive: true, force: true });
}
fs.mkdirSync(trafficDir, { recursive: true });
const env = { ...process.env, ARM_TRAFFIC_DIR: path.resolve(trafficDir) };
console.log(`[test] ARM_TRAFFIC_DIR=${env.ARM_TRAFFIC_DIR}`);
console.log(`[test] steps: ${steps.join(' -> ')}`);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
for (const step of steps) {
  const t = Date.now();
  console.log(`\n[test] ===== npm run ${step} =====`);
  const r = spawnSync(npm, ['run', step], { cwd: REPO, env, stdio: 'inherit' });
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  const ok = r.status === 0;
  results.push({ step, ok, secs });
  if (!ok) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit code ${r.status}`;
    console.error(`\n[test] FAILED: npm run ${step} (${why}, ${secs}s); stopping here`);
    break;
  }
  console.log(`[test] ok: ${step} (${secs}s)`);
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
const skipped = steps.length - results.length;
console.log('\n[test] summary:');
for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.step.padEnd(18)} ${r.secs}s`);
for (const s of steps.slice(results.length)) console.log(`  SKIP  ${s}`);
console.log(`steps: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);

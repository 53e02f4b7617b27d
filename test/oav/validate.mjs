#!/usr/bin/env node
/**
 * Validates recorded ARM emulator traffic against the swaggers in test/specs with `oav validate-traffic`.
 *
 *   node test/oav/validate.mjs [trafficDir] [--allowlist file.json]     (default: $ARM_TRAFFIC_DIR)
 *   node test/oav/validate.mjs --examples        (<ARM_TRAFFIC_DIR>-examples with test/oav/examples-allowlist.json)
 *
 * With --allowlist, the errors it names (operationId, errorCode, errorMessage; each with the example, field and why)
 * are reported as allowed instead of failing: for the traffic of Microsoft's own example bodies, which break their
 * schemas in known places. Without it every error fails.
 *
 * Exits 1 on any schema error, oav runtime exception, or exchange oav cannot map to a swagger operation
 * (oav itself exits 0 for unmapped operations, so its output is parsed as well as its JSON report).
 *
 * Two kinds of recorded exchanges are NOT sent to oav, and the summary says how many:
 *  - LRO polling: GET .../operationStatuses/{id} and .../operationResults/{id}. These are the Azure-AsyncOperation and
 *    Location URLs; ARM does not describe them in any swagger.
 *  - Providers_Get / Providers_Register (GET|POST /subscriptions/{s}/providers/{namespace}[/register]): oav takes the
 *    namespace in the URL for the owning provider and finds no operation, although resources.json defines them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const specDir = path.join(root, 'test', 'specs');
const oavBin = path.join(root, 'node_modules', 'oav', 'dist', 'cli.js');

const args = process.argv.slice(2);
// --examples: the traffic of Microsoft's example bodies (<ARM_TRAFFIC_DIR>-examples) with its allowlist.
const examples = args.includes('--examples');
const allowAt = args.indexOf('--allowlist');
const allowFile = allowAt >= 0 ? args[allowAt + 1] : examples ? path.join(root, 'test/oav/examples-allowlist.json') : undefined;
const allowlist = allowFile ? JSON.parse(fs.readFileSync(allowFile, 'utf8')).allowed : [];
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--allowlist');
const trafficDir = positional[0] ?? (examples && process.env.ARM_TRAFFIC_DIR ? `${process.env.ARM_TRAFFIC_DIR.replace(/[\\/]+$/, '')}-examples` : process.env.ARM_TRAFFIC_DIR);
if (!trafficDir) {
  console.error('usage: node test/oav/validate.mjs <trafficDir>   (or set ARM_TRAFFIC_DIR)');
  process.exit(2);
}
if (!fs.existsSync(trafficDir)) {
  console.error(`Traffic directory not found: ${trafficDir}`);
  process.exit(2);
}

const SKIP_RULES = [
  { reason: 'LRO polling (operationStatuses / operationResults URLs are not swagger operations)', test: (p) => /\/operation(Statuses|Results)\/[^/]+$/i.test(p) },
  { reason: 'Providers_Get/Register (oav cannot map the generic {resourceProviderNamespace} path)', test: (p) => /^\/subscriptions\/[^/]+\/providers\/[^/]+(\/register)?$/i.test(p) },
];

function listJson(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJson(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

const files = listJson(trafficDir);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oav-traffic-'));
const toValidate = path.join(work, 'traffic');
fs.mkdirSync(toValidate);
const skipped = new Map();
const unreadable = [];
let validated = 0;
for (const file of files) {
  let payload;
  try {
    payload = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    unreadable.push(`${file}: ${e.message}`);
    continue;
  }
  if (!payload?.liveRequest?.url || !payload?.liveResponse?.statusCode) {
    unreadable.push(`${file}: not an oav traffic file (liveRequest.url / liveResponse.statusCode missing)`);
    continue;
  }
  const p = new URL(payload.liveRequest.url).pathname;
  const rule = SKIP_RULES.find((r) => r.test(p));
  if (rule) {
    skipped.set(rule.reason, (skipped.get(rule.reason) ?? 0) + 1);
    continue;
  }
  validated++;
  fs.copyFileSync(file, path.join(toValidate, `${String(validated).padStart(6, '0')}-${path.basename(file)}`));
}

console.log(`oav traffic validation: ${files.length} file(s) in ${trafficDir}`);
for (const [reason, n] of skipped) console.log(`  skipped ${n}: ${reason}`);
if (unreadable.length) {
  console.log(`  ${unreadable.length} unreadable file(s):`);
  for (const u of unreadable) console.log(`    ${u}`);
}
if (validated === 0) {
  console.error('FAIL: no traffic to validate.');
  process.exit(1);
}

const reportPath = path.join(work, 'report.json');
const result = spawnSync(process.execPath, [oavBin, 'validate-traffic', toValidate, specDir, '--jsonReport', reportPath, '--report', '', '-l', 'error'], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
let report;
try {
  report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
} catch {
  console.error(output);
  console.error(`FAIL: oav produced no JSON report (exit ${result.status}).`);
  process.exit(1);
}

const undefinedOps = output.split('\n').filter((l) => l.includes('Undefined operation'));
const runtimeExceptions = (output.match(/"runtimeExceptions":\[\{[^\]]*\]/g) ?? []);
const passed = report.passedOperationsList.flatMap((x) => x.operationIds);

console.log(`  validated ${validated} exchange(s); operations covered: ${report.coveredOperations} (${passed.length} without errors)`);
console.log(`  operations: ${passed.sort().join(', ')}`);
const isAllowed = (e) => allowlist.find((a) => a.operationId === e.operationId && a.errorCode === e.errorCode && a.errorMessage === e.errorMessage);
const errors = report.errors.filter((e) => !isAllowed(e));
for (const e of report.errors) {
  const allowed = isAllowed(e);
  console.log(`  ${allowed ? 'ALLOWED' : 'ERROR'} ${e.operationId} [${e.issueSource}] ${e.errorCode}: ${e.errorMessage}${allowed ? ` (${allowed.example}: ${allowed.why})` : ''}`);
}
for (const l of undefinedOps) console.log(`  ERROR unmapped exchange: ${l.slice(0, 400)}`);
for (const r of runtimeExceptions) console.log(`  ERROR oav runtime exception: ${r.slice(0, 400)}`);
const errorCount = errors.length + undefinedOps.length + runtimeExceptions.length + unreadable.length;
// oav exits 1 for any schema error: with only allowed ones left, its exit code says nothing more.
if (errorCount > 0 || (result.status !== 0 && errors.length === report.errors.length)) {
  if (errors.length) {
    const detail = output.split('\n').filter((l) => l.includes('payloadFilePath')).slice(0, 20);
    for (const d of detail) console.log(`  detail: ${d.slice(0, 600)}`);
  }
  console.error(`FAIL: ${errorCount} error(s) (oav exit code ${result.status}). Validated copies kept in ${toValidate}`);
  process.exit(1);
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`PASS: 0 errors${report.errors.length ? ` (${report.errors.length} allowed, each a known violation of a published example)` : ''}.`);

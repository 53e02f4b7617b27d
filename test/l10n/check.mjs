#!/usr/bin/env node
// The localisation bundle is generated, never hand-edited: exports every vscode.l10n.t / l10n.t string of src/ with
// @vscode/l10n-dev into a temporary directory and fails when l10n/bundle.l10n.json differs (run `npm run l10n` to
// regenerate it). Then generates the pseudo-locale (qps-ploc) files of the bundle and of package.nls.json, which the
// pseudo-locale extension-host run loads.
//
// usage: node test/l10n/check.mjs [--write]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(REPO, 'node_modules/@vscode/l10n-dev/dist/cli.js');
const run = (...args) => execFileSync(process.execPath, [cli, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });

const bundle = path.join(REPO, 'l10n/bundle.l10n.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-l10n-'));
try {
  run('export', '--outDir', tmp, './src');
  const exported = path.join(tmp, 'bundle.l10n.json');
  // No string at all: the exporter writes nothing.
  const fresh = fs.existsSync(exported) ? fs.readFileSync(exported, 'utf8') : '{}\n';
  const strings = Object.keys(JSON.parse(fresh)).length;
  if (process.argv.includes('--write')) {
    fs.writeFileSync(bundle, fresh);
    console.log(`l10n: wrote l10n/bundle.l10n.json (${strings} strings)`);
  } else if (!fs.existsSync(bundle) || fs.readFileSync(bundle, 'utf8') !== fresh) {
    console.error('l10n: l10n/bundle.l10n.json is not what the sources export; run: npm run l10n');
    process.exit(1);
  } else {
    console.log(`l10n: bundle up to date (${strings} strings)`);
  }
  const manifest = Object.keys(JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8'))).length;
  run('generate-pseudo', '-o', path.join(REPO, 'l10n'), bundle);
  run('generate-pseudo', '-o', REPO, path.join(REPO, 'package.nls.json'));
  console.log(`l10n: pseudo-locale files generated (bundle ${strings} strings, manifest ${manifest})`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

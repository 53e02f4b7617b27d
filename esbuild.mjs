// Bundles src/extension.ts into dist/extension.js. `--production` minifies and drops the source map (the VSIX ships
// only the bundle). ESM builds of the Azure SDK and telemetry (mainFields module first) let esbuild drop unused code.
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
// Three bundles: what activation evaluates, and two loaded on first use (src/lazy/load.ts says why).
const result = await esbuild.build({
  entryPoints: { extension: 'src/extension.ts', telemetryReporter: 'src/lazy/telemetryReporter.ts', azureCliCredential: 'src/lazy/azureCliCredential.ts' },
  bundle: true,
  outdir: 'dist',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  metafile: true,
  logLevel: 'warning',
});
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
for (const name of ['extension', 'telemetryReporter', 'azureCliCredential']) {
  const bundle = readFileSync(`dist/${name}.js`);
  console.log(`dist/${name}.js: ${kb(bundle.length)} (${kb(gzipSync(bundle).length)} gzipped)${production ? ', production' : ''}`);
}
if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));

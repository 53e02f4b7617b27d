// Bundles src/extension.ts into dist/extension.js. `--production` minifies and drops the source map (the VSIX ships
// only the bundle). ESM builds of the Azure SDK and telemetry (mainFields module first) let esbuild drop unused code.
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');

/**
 * Each bundle holds its own copy of @azure/core-client, but a request sent by the lazy Microsoft.Resources client is
 * deserialised by the policies of the shared pipeline, from the main bundle's copy: they meet in core-client's one
 * piece of module state (the operation spec of each request, a WeakMap). Every copy keeps that state on one global,
 * as core-client itself does between its CommonJS and ESM builds (named for this extension: the host is shared).
 */
const sharedCoreClientState = {
  name: 'shared-core-client-state',
  setup(build) {
    build.onLoad({ filter: /[\\/]@azure[\\/]core-client[\\/]dist[\\/]commonjs[\\/]state-cjs\.js$/ }, () => ({
      contents: "exports.state = globalThis[Symbol.for('azure-local-tools: @azure/core-client state')] ??= { operationRequestMap: new WeakMap() };",
      loader: 'js',
    }));
  },
};
// Four bundles: what activation evaluates, and three loaded on first use (src/lazy/load.ts says why).
const result = await esbuild.build({
  entryPoints: { extension: 'src/extension.ts', telemetryReporter: 'src/lazy/telemetryReporter.ts', azureCliCredential: 'src/lazy/azureCliCredential.ts', resourceManagementClient: 'src/lazy/resourceManagementClient.ts' },
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
  plugins: [sharedCoreClientState],
});
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
for (const name of ['extension', 'telemetryReporter', 'azureCliCredential', 'resourceManagementClient']) {
  const bundle = readFileSync(`dist/${name}.js`);
  console.log(`dist/${name}.js: ${kb(bundle.length)} (${kb(gzipSync(bundle).length)} gzipped)${production ? ', production' : ''}`);
}
if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));

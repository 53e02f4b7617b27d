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
const CORE_CLIENT_STATE = /[\\/]@azure[\\/]core-client[\\/]dist[\\/]commonjs[\\/]state-cjs\.js$/;
const sharedCoreClientState = {
  name: 'shared-core-client-state',
  setup(build) {
    // The file as core-client ships it (whatever its state holds), then the first copy's state is everyone's.
    build.onLoad({ filter: CORE_CLIENT_STATE }, (args) => ({
      contents: `${readFileSync(args.path, 'utf8')}\nexports.state = globalThis[Symbol.for('azure-local-tools: @azure/core-client state')] ??= exports.state;\n`,
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
// A core-client update that moves its state elsewhere must stop the build, not ship bundles that cannot share it.
for (const [output, { inputs }] of Object.entries(result.metafile.outputs)) {
  const paths = Object.keys(inputs);
  if (paths.some((p) => /[\\/]@azure[\\/]core-client[\\/]/.test(p)) && !paths.some((p) => CORE_CLIENT_STATE.test(p))) {
    throw new Error(`${output} bundles @azure/core-client without dist/commonjs/state-cjs.js: update the shared-core-client-state plugin in esbuild.mjs`);
  }
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
for (const name of ['extension', 'telemetryReporter', 'azureCliCredential', 'resourceManagementClient']) {
  const bundle = readFileSync(`dist/${name}.js`);
  console.log(`dist/${name}.js: ${kb(bundle.length)} (${kb(gzipSync(bundle).length)} gzipped)${production ? ', production' : ''}`);
}
if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));

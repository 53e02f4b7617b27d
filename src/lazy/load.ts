import * as path from 'node:path';

/**
 * Parts of the extension that activation does not need live in bundles of their own (esbuild entry points next to
 * dist/extension.js; under out/src/lazy/ in the tsc build), required on first use: telemetry, which is never used
 * without a connection string; the Azure CLI credential (@azure/identity with MSAL), used only when the Azure CLI
 * is how you sign in; and the generated Microsoft.Resources client, used only by the create wizard's resource group
 * and provider steps. The path is computed so that esbuild leaves the require alone.
 */
export function loadLazy<T>(name: 'telemetryReporter' | 'azureCliCredential' | 'resourceManagementClient'): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, `${name}.js`)) as T;
}

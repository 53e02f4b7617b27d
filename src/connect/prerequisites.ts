import { tryParseJson } from '../azure/armError';
import { platformFor } from './platform';
import { findProxyPort, DEFAULT_PROXY_PORT } from './ports';
import { resolveExecutable, runTool, type ToolResult } from './processes';

export interface PrerequisiteResult {
  name: string;
  ok: boolean;
  /** What was found ("2.67.0", "tenant …"). */
  detail: string;
  /** The exact command or setting that fixes a failure. */
  fix?: string;
}

export interface PrerequisiteOptions {
  azPath: string;
  kubectlPath: string;
  /** The tenant and subscription of the cluster, as the VS Code session sees them. */
  tenantId?: string;
  subscriptionId?: string;
  /** Ports given to proxies already running in this window. */
  takenPorts?: ReadonlySet<number>;
  /** Cancels the az and kubectl runs. */
  signal?: AbortSignal;
  run?: (file: string, args: string[]) => Promise<ToolResult>;
  /** Where the fixes point (Windows has its own installers); the running platform by default. */
  platform?: NodeJS.Platform;
  resolve?: (nameOrPath: string) => string | undefined;
  findPort?: () => Promise<number | undefined>;
}

export interface PrerequisiteReport {
  results: PrerequisiteResult[];
  az?: string;
  kubectl?: string;
  port?: number;
}

/**
 * What `az connectedk8s proxy` and `kubectl` need on this machine, each failure with its fix: az and its version, the
 * connectedk8s extension, az signed in to the cluster's tenant and able to see its subscription, kubectl, and a free
 * pair of proxy ports.
 */
export async function runPrerequisiteChecks(options: PrerequisiteOptions): Promise<PrerequisiteReport> {
  // az is started the platform's way (on Windows az.cmd cannot be spawned without a shell); kubectl is a plain program.
  const resolve = options.resolve ?? resolveExecutable;
  const az = resolve(options.azPath);
  const kubectl = resolve(options.kubectlPath);
  const proxyPlatform = platformFor(options.platform);
  const run =
    options.run ??
    ((file, args) => {
      const invocation = file === az ? proxyPlatform.azInvocation(file, args) : { file, args, options: {} };
      return runTool(invocation.file, invocation.args, { timeoutMs: 60000, signal: options.signal, windowsVerbatimArguments: invocation.options.windowsVerbatimArguments });
    });
  const fixes = FIXES[(options.platform ?? process.platform) === 'win32' ? 'windows' : 'posix'];
  const results: PrerequisiteResult[] = [];

  const [azChecks, kubectlCheck, port] = await Promise.all([
    az ? checkAz(az, options, run, fixes) : Promise.resolve([missingAz(options.azPath, fixes)]),
    kubectl ? checkKubectl(kubectl, run, fixes) : Promise.resolve(missingKubectl(options.kubectlPath, fixes)),
    (options.findPort ?? (() => findProxyPort({ taken: options.takenPorts })))(),
  ]);
  results.push(...azChecks, kubectlCheck);
  results.push(
    port === undefined
      ? { name: 'Proxy ports', ok: false, detail: `no free pair of ports from ${DEFAULT_PROXY_PORT}`, fix: 'Stop other `az connectedk8s proxy` processes (they hold ports 47010–47011 and up).' }
      : { name: 'Proxy ports', ok: true, detail: port === DEFAULT_PROXY_PORT ? `${port - 1}–${port} free` : `${port - 1}–${port} (47010–47011 are in use)` },
  );
  return { results, az, kubectl, port };
}

/** The installers differ: the MSI or winget on Windows, the install script and packages elsewhere. */
const FIXES = {
  posix: {
    installAz: 'Install the Azure CLI (https://aka.ms/installazurecli) or set azureLocal.azPath to it',
    reinstallAz: 'Reinstall the Azure CLI: https://aka.ms/installazurecli',
    installKubectl: 'Install kubectl (az aks install-cli) or set azureLocal.kubectlPath to it',
    reinstallKubectl: 'Reinstall kubectl: az aks install-cli',
  },
  windows: {
    installAz: 'Install the Azure CLI: winget install --exact --id Microsoft.AzureCLI (or the MSI, https://aka.ms/installazurecliwindows), or set azureLocal.azPath to its az.cmd',
    reinstallAz: 'Reinstall the Azure CLI: winget install --exact --id Microsoft.AzureCLI (or the MSI, https://aka.ms/installazurecliwindows)',
    installKubectl: 'Install kubectl: az aks install-cli (then reopen VS Code so that PATH has it), or set azureLocal.kubectlPath to kubectl.exe',
    reinstallKubectl: 'Reinstall kubectl: az aks install-cli',
  },
};
type Fixes = (typeof FIXES)['posix'];

async function checkAz(az: string, options: PrerequisiteOptions, run: (file: string, args: string[]) => Promise<ToolResult>, fixes: Fixes): Promise<PrerequisiteResult[]> {
  const [version, extension, account] = await Promise.all([
    run(az, ['version', '--output', 'json']),
    run(az, ['extension', 'show', '--name', 'connectedk8s', '--output', 'json']),
    run(az, ['account', 'show', '--output', 'json', ...(options.subscriptionId ? ['--subscription', options.subscriptionId] : [])]),
  ]);
  const results: PrerequisiteResult[] = [];
  const versions = parseJson<Record<string, unknown>>(version.stdout);
  results.push(
    version.code === 0 && versions
      ? { name: 'Azure CLI', ok: true, detail: `${String(versions['azure-cli'] ?? 'unknown version')} (${az})` }
      : { name: 'Azure CLI', ok: false, detail: firstLine(version.stderr) || `"${az} version" failed`, fix: fixes.reinstallAz },
  );
  const ext = parseJson<{ version?: string }>(extension.stdout);
  results.push(
    extension.code === 0 && ext
      ? { name: 'connectedk8s extension', ok: true, detail: ext.version ?? 'installed' }
      : { name: 'connectedk8s extension', ok: false, detail: firstLine(extension.stderr) || 'not installed', fix: 'az extension add --name connectedk8s' },
  );
  results.push(accountResult(account, options));
  return results;
}

function accountResult(account: ToolResult, options: PrerequisiteOptions): PrerequisiteResult {
  const login = `az login${options.tenantId ? ` --tenant ${options.tenantId}` : ''}`;
  const parsed = parseJson<{ tenantId?: string; id?: string; user?: { name?: string } }>(account.stdout);
  if (account.code !== 0 || !parsed) {
    const message = firstLine(account.stderr);
    const signedOut = /az login/i.test(message) || !message;
    return {
      name: 'Azure CLI sign-in',
      ok: false,
      detail: signedOut ? 'not signed in' : message,
      fix: signedOut ? login : `${login}, then: az account set --subscription ${options.subscriptionId}`,
    };
  }
  if (options.tenantId && parsed.tenantId?.toLowerCase() !== options.tenantId.toLowerCase()) {
    return { name: 'Azure CLI sign-in', ok: false, detail: `signed in to tenant ${parsed.tenantId}, the cluster is in tenant ${options.tenantId}`, fix: login };
  }
  if (options.subscriptionId && parsed.id?.toLowerCase() !== options.subscriptionId.toLowerCase()) {
    return { name: 'Azure CLI sign-in', ok: false, detail: `cannot use subscription ${options.subscriptionId}`, fix: `${login}, then: az account set --subscription ${options.subscriptionId}` };
  }
  return { name: 'Azure CLI sign-in', ok: true, detail: `${parsed.user?.name ?? 'signed in'} · tenant ${parsed.tenantId}` };
}

async function checkKubectl(kubectl: string, run: (file: string, args: string[]) => Promise<ToolResult>, fixes: Fixes): Promise<PrerequisiteResult> {
  const version = await run(kubectl, ['version', '--client', '--output', 'json']);
  const parsed = parseJson<{ clientVersion?: { gitVersion?: string } }>(version.stdout);
  return version.code === 0
    ? { name: 'kubectl', ok: true, detail: `${parsed?.clientVersion?.gitVersion ?? 'found'} (${kubectl})` }
    : { name: 'kubectl', ok: false, detail: firstLine(version.stderr) || `"${kubectl} version" failed`, fix: fixes.reinstallKubectl };
}

function missingAz(setting: string, fixes: Fixes): PrerequisiteResult {
  return { name: 'Azure CLI', ok: false, detail: `"${setting}" not found`, fix: fixes.installAz };
}

function missingKubectl(setting: string, fixes: Fixes): PrerequisiteResult {
  return { name: 'kubectl', ok: false, detail: `"${setting}" not found`, fix: fixes.installKubectl };
}

function parseJson<T>(text: string): T | undefined {
  return tryParseJson(text) as T | undefined;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).find((line) => line.trim())?.trim() ?? '';
}

import * as l10n from '@vscode/l10n';
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
  const fixes = fixesFor(options.platform ?? process.platform);
  const results: PrerequisiteResult[] = [];

  const [azChecks, kubectlCheck, port] = await Promise.all([
    az ? checkAz(az, options, run, fixes) : Promise.resolve([missingAz(options.azPath, fixes)]),
    kubectl ? checkKubectl(kubectl, run, fixes) : Promise.resolve(missingKubectl(options.kubectlPath, fixes)),
    (options.findPort ?? (() => findProxyPort({ taken: options.takenPorts })))(),
  ]);
  results.push(...azChecks, kubectlCheck);
  results.push(
    port === undefined
      ? {
          name: l10n.t('Proxy ports'),
          ok: false,
          detail: l10n.t('no free pair of ports from {0}', DEFAULT_PROXY_PORT),
          fix: l10n.t({ message: 'Stop other `{0}` processes (they hold ports 47010–47011 and up).', args: ['az connectedk8s proxy'], comment: '{0} is a command' }),
        }
      : {
          name: l10n.t('Proxy ports'),
          ok: true,
          detail: port === DEFAULT_PROXY_PORT ? l10n.t({ message: '{0}–{1} free', args: [port - 1, port], comment: 'a range of ports' }) : l10n.t({ message: '{0}–{1} (47010–47011 are in use)', args: [port - 1, port], comment: 'a range of ports' }),
        },
  );
  return { results, az, kubectl, port };
}

interface Fixes {
  installAz: string;
  reinstallAz: string;
  installKubectl: string;
  reinstallKubectl: string;
}

/**
 * The installers differ: the MSI or winget on Windows, the install script and packages elsewhere. Translated when a
 * check runs (not when this module loads, before activation configures the translations); commands, addresses and
 * settings are arguments, never translated.
 */
function fixesFor(platform: NodeJS.Platform): Fixes {
  const installCli = 'az aks install-cli';
  const reinstallKubectl = l10n.t({ message: 'Reinstall kubectl: {0}', args: [installCli], comment: '{0} is a command' });
  if (platform !== 'win32') {
    return {
      installAz: l10n.t({ message: 'Install the Azure CLI ({0}) or set {1} to it', args: ['https://aka.ms/installazurecli', 'azureLocal.azPath'], comment: '{0} is an address, {1} a setting' }),
      reinstallAz: l10n.t({ message: 'Reinstall the Azure CLI: {0}', args: ['https://aka.ms/installazurecli'], comment: '{0} is an address' }),
      installKubectl: l10n.t({ message: 'Install kubectl ({0}) or set {1} to it', args: [installCli, 'azureLocal.kubectlPath'], comment: '{0} is a command, {1} a setting' }),
      reinstallKubectl,
    };
  }
  const winget = 'winget install --exact --id Microsoft.AzureCLI';
  return {
    installAz: l10n.t({
      message: 'Install the Azure CLI: {0} (or the MSI, {1}), or set {2} to its az.cmd',
      args: [winget, 'https://aka.ms/installazurecliwindows', 'azureLocal.azPath'],
      comment: '{0} is a command, {1} an address, {2} a setting',
    }),
    reinstallAz: l10n.t({ message: 'Reinstall the Azure CLI: {0} (or the MSI, {1})', args: [winget, 'https://aka.ms/installazurecliwindows'], comment: '{0} is a command, {1} an address' }),
    installKubectl: l10n.t({
      message: 'Install kubectl: {0} (then reopen VS Code so that PATH has it), or set {1} to kubectl.exe',
      args: [installCli, 'azureLocal.kubectlPath'],
      comment: '{0} is a command, {1} a setting',
    }),
    reinstallKubectl,
  };
}

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
      ? { name: 'Azure CLI', ok: true, detail: `${String(versions['azure-cli'] ?? l10n.t('unknown version'))} (${az})` }
      : { name: 'Azure CLI', ok: false, detail: firstLine(version.stderr) || failed(`${az} version`), fix: fixes.reinstallAz },
  );
  const ext = parseJson<{ version?: string }>(extension.stdout);
  results.push(
    extension.code === 0 && ext
      ? { name: connectedk8sExtension(), ok: true, detail: ext.version ?? l10n.t('installed') }
      : { name: connectedk8sExtension(), ok: false, detail: firstLine(extension.stderr) || l10n.t('not installed'), fix: 'az extension add --name connectedk8s' },
  );
  results.push(accountResult(account, options));
  return results;
}

function accountResult(account: ToolResult, options: PrerequisiteOptions): PrerequisiteResult {
  const login = `az login${options.tenantId ? ` --tenant ${options.tenantId}` : ''}`;
  const thenSet = () => l10n.t({ message: '{0}, then: {1}', args: [login, `az account set --subscription ${options.subscriptionId}`], comment: '{0} and {1} are commands, run in that order' });
  const name = l10n.t('Azure CLI sign-in');
  const parsed = parseJson<{ tenantId?: string; id?: string; user?: { name?: string | null } }>(account.stdout);
  if (account.code !== 0 || !parsed) {
    const message = firstLine(account.stderr);
    const signedOut = /az login/i.test(message) || !message;
    return { name, ok: false, detail: signedOut ? l10n.t('not signed in') : message, fix: signedOut ? login : thenSet() };
  }
  if (options.tenantId && parsed.tenantId?.toLowerCase() !== options.tenantId.toLowerCase()) {
    return { name, ok: false, detail: l10n.t('signed in to tenant {0}, the cluster is in tenant {1}', `${parsed.tenantId}`, options.tenantId), fix: login };
  }
  if (options.subscriptionId && parsed.id?.toLowerCase() !== options.subscriptionId.toLowerCase()) {
    return { name, ok: false, detail: l10n.t('cannot use subscription {0}', options.subscriptionId), fix: thenSet() };
  }
  const tenant = `${parsed.tenantId}`;
  const user = parsed.user?.name;
  return {
    name,
    ok: true,
    detail: user === undefined || user === null ? l10n.t('signed in · tenant {0}', tenant) : l10n.t({ message: '{0} · tenant {1}', args: [`${user}`, tenant], comment: '{0} is the signed-in account' }),
  };
}

async function checkKubectl(kubectl: string, run: (file: string, args: string[]) => Promise<ToolResult>, fixes: Fixes): Promise<PrerequisiteResult> {
  const version = await run(kubectl, ['version', '--client', '--output', 'json']);
  const parsed = parseJson<{ clientVersion?: { gitVersion?: string } }>(version.stdout);
  return version.code === 0
    ? { name: 'kubectl', ok: true, detail: `${parsed?.clientVersion?.gitVersion ?? l10n.t('found')} (${kubectl})` }
    : { name: 'kubectl', ok: false, detail: firstLine(version.stderr) || failed(`${kubectl} version`), fix: fixes.reinstallKubectl };
}

function missingAz(setting: string, fixes: Fixes): PrerequisiteResult {
  return { name: 'Azure CLI', ok: false, detail: notFound(setting), fix: fixes.installAz };
}

function missingKubectl(setting: string, fixes: Fixes): PrerequisiteResult {
  return { name: 'kubectl', ok: false, detail: notFound(setting), fix: fixes.installKubectl };
}

// The names of the tools (Azure CLI, kubectl) are not translated; what is checked of them is.
const connectedk8sExtension = () => l10n.t({ message: '{0} extension', args: ['connectedk8s'], comment: "{0} is the Azure CLI extension's name" });
const notFound = (setting: string) => l10n.t({ message: '"{0}" not found', args: [setting], comment: '{0} is the path or command name a setting gives' });
const failed = (command: string) => l10n.t({ message: '"{0}" failed', args: [command], comment: '{0} is a command line' });

function parseJson<T>(text: string): T | undefined {
  return tryParseJson(text) as T | undefined;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).find((line) => line.trim())?.trim() ?? '';
}

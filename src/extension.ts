import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { AzureSession } from './auth/azureSession';
import type { ArmRequestLogEntry } from './azure/armClient';
import { clusterRefFromId } from './azure/clusterRef';
import type { Reliability } from './azure/reliability';
import { OperationCancelledError } from './cancellation';
import { checkPrerequisites } from './commands/checkPrerequisites';
import { connect } from './commands/connect';
import { copyResourceId } from './commands/copyResourceId';
import { createCluster, type CreateClusterOrigin } from './commands/createCluster/createCluster';
import type { WizardDefaults } from './commands/createCluster/wizardContext';
import { deleteCluster } from './commands/deleteCluster/deleteCluster';
import { deleteNodePool } from './commands/deleteNodePool';
import { getKubeconfig } from './commands/getKubeconfig';
import { scaleNodePool } from './commands/scaleNodePool';
import { upgradeCluster } from './commands/upgradeCluster';
import { addNodePool } from './commands/addNodePool';
import { manageProxies, stopProxy } from './commands/manageProxies';
import { openInPortal } from './commands/openInPortal';
import { registerCommand, type CommandContext } from './commands/registerCommand';
import { selectSubscriptions } from './commands/selectSubscriptions';
import { PROPERTIES_SCHEME, ResourcePropertiesProvider, showProperties } from './commands/showProperties';
import { selectTenants } from './commands/selectTenants';
import { signIn } from './commands/signIn';
import type { KubernetesViewSeams } from './connect/kubernetesView';
import { ProxyManager } from './connect/proxyManager';
import { endStaleProxies, orphaned, type ProxyGroup } from './connect/staleProxies';
import { TASK_TYPE } from './connect/taskDefinition';
import { AzureLocalTaskProvider } from './connect/taskProvider';
import { settings } from './settings';
import { createTelemetry, type CommandEvent } from './telemetry';
import { AzureLocalTreeDataProvider } from './tree/azureLocalTreeDataProvider';
import type { NodePoolNode } from './tree/nodePoolNode';
import type { TreeNode } from './tree/treeNode';
import type { Prompter } from './wizard/prompter';
import { VSCodePrompter } from './wizard/vscodePrompter';

/** What the extension hands to its extension-host tests. */
export interface AzureLocalApi {
  tree: AzureLocalTreeDataProvider;
  session: AzureSession;
  telemetryEvents: readonly CommandEvent[];
  /** Summaries of the errors commands have shown, newest last. */
  shownErrors: readonly string[];
  /** The last Resource Manager exchanges as logged (method, URL, status or error), newest last. */
  recentRequests: readonly ArmRequestLogEntry[];
  /** The running `az connectedk8s proxy` tasks. */
  proxies: ProxyManager;
  tasks: AzureLocalTaskProvider;
  /** For extension-host tests: script the wizard's answers and shorten its waits. Undefined restores VS Code's UI. */
  setTestOverrides(overrides: TestOverrides | undefined): void;
  /** The extension's own cancellation error, for scripted answers (the tests' compiled copy of the class differs). */
  cancellation(): Error;
}

export interface TestOverrides {
  prompter: Prompter;
  sshDirectory?: string;
  pollMs?: number;
  /** Shorter waits for the ARM layer (poll floor, settled-state spacing). */
  reliability?: Partial<Reliability>;
  /** Receives the create run's log lines too (the output channel cannot be read back). */
  log?: (line: string) => void;
  /** The create wizard's remembered answers, instead of the workspace's (a test starts from none, or from these). */
  rememberedAnswers?: { value: WizardDefaults };
  /** Connect's Kubernetes view: the Kubernetes extension as not installed, or its install recorded instead of run. */
  kubernetesView?: Partial<KubernetesViewSeams>;
}

const CREATE_CLUSTER_DEFAULTS_KEY = 'azureLocal.createCluster.defaults';
const PROXY_GROUPS_KEY = 'azureLocal.proxyGroups';

/** Kept for deactivate(), which must end every proxy's process group. */
let proxies: ProxyManager | undefined;

/** Creates the services and registers views and commands; all behaviour lives in the modules it wires. */
export function activate(context: vscode.ExtensionContext): AzureLocalApi | undefined {
  // Modules free of `vscode` (validators, outcome messages) translate through @vscode/l10n, from the same bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const { version, telemetryConnectionString } = context.extension.packageJSON as { version: string; telemetryConnectionString?: string };
  const log = vscode.window.createOutputChannel('Azure Local', { log: true });
  const telemetry = createTelemetry(telemetryConnectionString, context.subscriptions);
  const recentRequests: ArmRequestLogEntry[] = [];
  const session = new AzureSession(`azure-local-tools/${version}`, (entry) => {
    logRequest(log, entry);
    recentRequests.push(entry);
    recentRequests.splice(0, Math.max(0, recentRequests.length - 200));
  });
  session.inventory.options.log = (line) => log.info(line);
  const tree = new AzureLocalTreeDataProvider(session, session.inventory, (line) => log.warn(line));
  const properties = new ResourcePropertiesProvider();
  const vscodePrompter = new VSCodePrompter();
  let testOverrides: TestOverrides | undefined;
  const prompter = () => testOverrides?.prompter ?? vscodePrompter;
  const commands: CommandContext = { log, telemetry, shownErrors: [], prompter };
  // What every command that changes Azure is given: the session, the prompter, the log, and a refresh of what it changed.
  const dayTwo = () => ({
    session,
    prompter: prompter(),
    log: (line: string) => {
      log.info(line);
      testOverrides?.log?.(line);
    },
    onChanged: (changedResourceId: string) => tree.resourceChanged(changedResourceId),
  });
  const proxyGroups = {
    get: () => context.globalState.get<ProxyGroup[]>(PROXY_GROUPS_KEY, []),
    set: (groups: ProxyGroup[]) => context.globalState.update(PROXY_GROUPS_KEY, groups),
  };
  proxies = new ProxyManager(proxyGroups);
  // Proxies of a window whose extension host died without deactivate() still hold their ports: end them.
  const leftBehind = orphaned(proxyGroups.get());
  void endStaleProxies(leftBehind).then((ended) => {
    if (ended.length) log.info(`Ended ${ended.length} proxy process group(s) left by an earlier window: ${ended.map((g) => g.pgid).join(', ')}`);
    const forgotten = new Set(leftBehind.map((group) => `${group.pgid}:${group.owner}`));
    return proxyGroups.set(proxyGroups.get().filter((group) => !forgotten.has(`${group.pgid}:${group.owner}`)));
  });
  const tasks = new AzureLocalTaskProvider(session, proxies, (line) => log.warn(line));
  const proxyManager = proxies;
  tree.isProxied = (id) => proxyManager.runsFor(clusterRefFromId(id));
  context.subscriptions.push(proxies.onDidChange(() => tree.changed(undefined)));

  const updateSignIn = async () => {
    const signedIn = await session.isSignedIn().catch(() => false);
    await vscode.commands.executeCommand('setContext', 'azureLocal.signedIn', signedIn);
    tree.refreshAll(signedIn);
  };

  context.subscriptions.push(
    log,
    session,
    tree,
    vscode.window.createTreeView('azureLocal.resources', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.workspace.registerTextDocumentContentProvider(PROPERTIES_SCHEME, properties),
    session.onDidChange(() => void updateSignIn()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (settings.affectsSubscriptions(event)) tree.refreshAll();
    }),
    registerCommand('azureLocal.signIn', commands, () => signIn(session)),
    registerCommand('azureLocal.selectSubscriptions', commands, () => selectSubscriptions(session, prompter())),
    registerCommand('azureLocal.selectTenants', commands, () => selectTenants(session, prompter())),
    registerCommand('azureLocal.signInToTenant', commands, (tenantId?: string) => signIn(session, tenantId)),
    registerCommand('azureLocal.refresh', commands, () => updateSignIn()),
    registerCommand('azureLocal.refreshNode', commands, (node?: TreeNode) => (node?.refresh ? tree.refreshNode(node) : updateSignIn())),
    registerCommand('azureLocal.copyResourceId', commands, (node?: TreeNode) => copyResourceId(node, prompter())),
    registerCommand('azureLocal.openInPortal', commands, (node?: TreeNode) => openInPortal(session, node)),
    registerCommand('azureLocal.showProperties', commands, (node?: TreeNode) => showProperties(properties, prompter(), node)),
    ...(['quick', 'advanced'] as const).map((mode) =>
      registerCommand(mode === 'quick' ? 'azureLocal.createCluster' : 'azureLocal.createClusterAdvanced', commands, (node?: CreateClusterOrigin) =>
        createCluster(
          {
            ...dayTwo(),
            defaults: testOverrides?.rememberedAnswers
              ? { get: () => testOverrides!.rememberedAnswers!.value, set: async (value) => void (testOverrides!.rememberedAnswers!.value = value) }
              : {
                  get: () => context.workspaceState.get<WizardDefaults>(CREATE_CLUSTER_DEFAULTS_KEY, {}),
                  set: (value) => context.workspaceState.update(CREATE_CLUSTER_DEFAULTS_KEY, value),
                },
            sshDirectory: testOverrides?.sshDirectory,
            pollMs: testOverrides?.pollMs,
          },
          node,
          mode,
        ),
      ),
    ),
    proxies,
    vscode.tasks.registerTaskProvider(TASK_TYPE, tasks),
    registerCommand('azureLocal.connect', commands, (node?: TreeNode) =>
      connect({ session, manager: proxies!, tasks, log, prompter: prompter(), kubernetesView: testOverrides?.kubernetesView }, node),
    ),
    registerCommand('azureLocal.stopProxy', commands, (node?: TreeNode) => stopProxy(proxies!, prompter(), node)),
    registerCommand('azureLocal.manageProxies', commands, () => manageProxies(proxies!, prompter())),
    registerCommand('azureLocal.checkPrerequisites', commands, () => checkPrerequisites(proxies!, log, session.tenantId, prompter())),
    registerCommand('azureLocal.getUserKubeconfig', commands, (node?: TreeNode) => getKubeconfig(session, prompter(), 'user', node)),
    registerCommand('azureLocal.getAdminKubeconfig', commands, (node?: TreeNode) => getKubeconfig(session, prompter(), 'admin', node)),
    registerCommand('azureLocal.scaleNodePool', commands, (node?: NodePoolNode) =>
      scaleNodePool(
        dayTwo(),
        node,
      ),
    ),
    registerCommand('azureLocal.deleteNodePool', commands, (node?: NodePoolNode) =>
      deleteNodePool(
        dayTwo(),
        node,
      ),
    ),
    registerCommand('azureLocal.addNodePool', commands, (node?: TreeNode) => addNodePool(dayTwo(), node)),
    registerCommand('azureLocal.upgradeCluster', commands, (node?: TreeNode) =>
      upgradeCluster(
        dayTwo(),
        node,
      ),
    ),
    registerCommand('azureLocal.deleteCluster', commands, (node?: TreeNode) =>
      deleteCluster(
        { ...dayTwo(), proxies: proxies! },
        node,
      ),
    ),
  );
  void updateSignIn();
  // Only the extension's own tests get a handle: another extension must not answer this one's prompts.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    tree,
    session,
    telemetryEvents: telemetry.events,
    shownErrors: commands.shownErrors,
    recentRequests,
    proxies,
    tasks,
    setTestOverrides: (overrides) => {
      testOverrides = overrides;
      session.setOverrides(overrides?.reliability ? { reliability: overrides.reliability } : undefined);
    },
    cancellation: () => new OperationCancelledError(),
  };
}

/** Proxies run in their own process groups: end them (and their arcProxy children) before the extension host goes. */
export async function deactivate(): Promise<void> {
  await proxies?.stopAll();
}

function logRequest(log: vscode.LogOutputChannel, entry: ArmRequestLogEntry): void {
  const outcome = entry.error ? `failed: ${entry.error}` : `${entry.status}`;
  const line = `${entry.method} ${entry.url} → ${outcome} (${entry.durationMs} ms)${entry.correlationId ? ` correlation ${entry.correlationId}` : ''}`;
  if (entry.error || (entry.status ?? 0) >= 400) log.warn(line);
  else log.info(line);
}

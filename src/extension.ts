import * as vscode from 'vscode';
import { AzureSession } from './auth/azureSession';
import type { ArmRequestLogEntry } from './azure/armClient';
import { copyResourceId } from './commands/copyResourceId';
import { createCluster, type CreateClusterOrigin } from './commands/createCluster/createCluster';
import type { WizardDefaults } from './commands/createCluster/wizardContext';
import { openInPortal } from './commands/openInPortal';
import { registerCommand, type CommandContext } from './commands/registerCommand';
import { selectSubscriptions } from './commands/selectSubscriptions';
import { PROPERTIES_SCHEME, ResourcePropertiesProvider, showProperties } from './commands/showProperties';
import { signIn } from './commands/signIn';
import { settings } from './settings';
import { createTelemetry, type CommandEvent } from './telemetry';
import { AzureLocalTreeDataProvider } from './tree/azureLocalTreeDataProvider';
import type { TreeNode } from './tree/treeNode';
import type { Prompter } from './wizard/prompter';
import { VSCodePrompter } from './wizard/vscodePrompter';

/** What the extension hands to its extension-host tests. */
export interface AzureLocalApi {
  tree: AzureLocalTreeDataProvider;
  session: AzureSession;
  telemetryEvents: readonly CommandEvent[];
  /** For extension-host tests: script the wizard's answers and shorten its waits. Undefined restores VS Code's UI. */
  setTestOverrides(overrides: TestOverrides | undefined): void;
}

export interface TestOverrides {
  prompter: Prompter;
  sshDirectory?: string;
  pollMs?: number;
  /** Receives the create run's log lines too (the output channel cannot be read back). */
  log?: (line: string) => void;
}

const CREATE_CLUSTER_DEFAULTS_KEY = 'azureLocal.createCluster.defaults';

/** Creates the services and registers views and commands; all behaviour lives in the modules it wires. */
export function activate(context: vscode.ExtensionContext): AzureLocalApi {
  const { version, telemetryConnectionString } = context.extension.packageJSON as { version: string; telemetryConnectionString?: string };
  const log = vscode.window.createOutputChannel('Azure Local', { log: true });
  const telemetry = createTelemetry(telemetryConnectionString, context.subscriptions);
  const session = new AzureSession(`azure-local-tools/${version}`, (entry) => logRequest(log, entry));
  const tree = new AzureLocalTreeDataProvider(session);
  const properties = new ResourcePropertiesProvider();
  const commands: CommandContext = { log, telemetry };
  const vscodePrompter = new VSCodePrompter();
  let testOverrides: TestOverrides | undefined;

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
    registerCommand('azureLocal.selectSubscriptions', commands, () => selectSubscriptions(session)),
    registerCommand('azureLocal.refresh', commands, () => updateSignIn()),
    registerCommand('azureLocal.refreshNode', commands, (node?: TreeNode) => (node?.refresh ? node.refresh() : updateSignIn())),
    registerCommand('azureLocal.copyResourceId', commands, (node?: TreeNode) => copyResourceId(node)),
    registerCommand('azureLocal.openInPortal', commands, (node?: TreeNode) => openInPortal(session, node)),
    registerCommand('azureLocal.showProperties', commands, (node?: TreeNode) => showProperties(properties, node)),
    registerCommand('azureLocal.createCluster', commands, (node?: CreateClusterOrigin) =>
      createCluster(
        {
          session,
          prompter: testOverrides?.prompter ?? vscodePrompter,
          defaults: {
            get: () => context.workspaceState.get<WizardDefaults>(CREATE_CLUSTER_DEFAULTS_KEY, {}),
            set: (value) => context.workspaceState.update(CREATE_CLUSTER_DEFAULTS_KEY, value),
          },
          log: (line) => {
            log.info(line);
            testOverrides?.log?.(line);
          },
          onChanged: (subscriptionId) => tree.refreshSubscription(subscriptionId),
          sshDirectory: testOverrides?.sshDirectory,
          pollMs: testOverrides?.pollMs,
        },
        node,
      ),
    ),
  );
  void updateSignIn();
  return { tree, session, telemetryEvents: telemetry.events, setTestOverrides: (overrides) => (testOverrides = overrides) };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function logRequest(log: vscode.LogOutputChannel, entry: ArmRequestLogEntry): void {
  const outcome = entry.error ? `failed: ${entry.error}` : `${entry.status}`;
  const line = `${entry.method} ${entry.url} → ${outcome} (${entry.durationMs} ms)${entry.correlationId ? ` correlation ${entry.correlationId}` : ''}`;
  if (entry.error || (entry.status ?? 0) >= 400) log.warn(line);
  else log.info(line);
}

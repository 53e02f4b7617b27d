/**
 * "Open in Kubernetes View" after Connect: shows the cluster in the Kubernetes extension
 * (ms-kubernetes-tools.vscode-kubernetes-tools), or offers to install it.
 *
 * How that extension chooses its kubeconfig and context (read from its sources and its published API):
 *
 * - Its published API (npm vscode-kubernetes-tools-api 1.3.0, js/index.d.ts; the extension's `activate()` returns an
 *   APIBroker whose `get(component, version)` answers `{available: true, api}` or `{available: false, reason}`) offers
 *   `configuration` v1 (`getKubeconfigPath()`: `{pathType: 'host', hostPath}` or `{pathType: 'wsl', wslPath}`) and
 *   v1_1 (the same plus heuristic `onDidChangeKubeconfigPath`/`onDidChangeContext`/`onDidChangeNamespace` events);
 *   `clusterexplorer` v1 and v1_1 (`refresh()`, `resolveCommandTarget`, node contributors and UI customizers);
 *   `kubectl` v1 (`invokeCommand(commandLine)`, `portForward`); and helm, cloudexplorer, clusterprovider and
 *   localtunneldebugger v1. Nothing in it SETS a kubeconfig or a context.
 * - The kubeconfig is the setting `vs-kubernetes.kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`
 *   (vscode-kubernetes-tools/vscode-kubernetes-tools: src/components/kubectl/kubeconfig.ts getKubeconfigPath; README
 *   "Working with kubeconfigs"). `vs-kubernetes.knownKubeconfigs` lists the files its "Kubernetes: Set Kubeconfig"
 *   (extension.vsKubernetesUseKubeconfig) offers. Both are keys of the one object setting `vs-kubernetes`
 *   (package.json contributes.configuration; src/components/config/config.ts, which writes the whole object back).
 *   `${userHome}` and `${env:NAME}` are substituted in them (src/utils/interpolation.ts); `~` is not.
 * - Every kubectl it runs, the API's `invokeCommand` included, gets `KUBECONFIG` = that path (src/shell.ts
 *   shellEnvironment), read anew each time; a change of the `vs-kubernetes` setting refreshes its Clusters view
 *   (src/components/clusterexplorer/explorer.ts). The context is the kubeconfig's current-context: its own
 *   "Use Context" runs `kubectl config use-context <name>` through the same kubectl (src/extension.ts
 *   setContextKubernetes).
 * - It declares no `untrustedWorkspaces` capability, so VS Code does not run it in Restricted Mode.
 *
 * So, with the user's consent: set `vs-kubernetes.kubeconfig` to the file Connect wrote and add it to
 * `vs-kubernetes.knownKubeconfigs` (user settings; a workspace value would win, and is reported instead), check with
 * `configuration.v1.getKubeconfigPath()` that the extension now reads that file, select the cluster's context with
 * `kubectl.v1.invokeCommand('config use-context …')` (in that file only), `clusterExplorer.v1.refresh()`, and focus
 * its Clusters view. Only the typings are imported (`import type`): the package's helper would activate the
 * Kubernetes extension as soon as this bundle loads. Logs name paths and settings, never a kubeconfig's content.
 */
import * as l10n from '@vscode/l10n';
import * as os from 'os';
import * as vscode from 'vscode';
import type { API, APIBroker, ClusterExplorerV1, ComponentKey, ConfigurationV1, KubectlV1, Version } from 'vscode-kubernetes-tools-api';
import type { Prompter } from '../wizard/prompter';
import {
  ACTIVE_KUBECONFIG_KEY,
  changedMessage,
  CLUSTER_EXPLORER_VIEW,
  clusterContext,
  consentMessage,
  contextNames,
  isShellSafeName,
  KUBERNETES_EXTENSION_ID,
  KUBERNETES_SECTION,
  planKubernetesViewSettings,
  sameKubeconfig,
  workspaceOverride,
  type InspectedSection,
  type PathContext,
} from './kubernetesViewSettings';

/** The buttons, translated each time they are shown; the answer is compared with the same translated label. */
export const openInKubernetesViewLabel = (): string => l10n.t('Open in Kubernetes View');
export const installKubernetesExtensionLabel = (): string => l10n.t('Install Kubernetes Extension');
const changeSettingsLabel = (): string => l10n.t('Change Settings');

/** What this module needs of VS Code beyond settings and trust; tests replace it (e.g. "not installed"). */
export interface KubernetesViewSeams {
  /** The Kubernetes extension as VS Code has it: undefined when it is not installed (or disabled). */
  extension(): vscode.Extension<unknown> | undefined;
  executeCommand(command: string, ...args: unknown[]): Thenable<unknown>;
}

export interface KubernetesViewDependencies {
  prompter: Prompter;
  log: Pick<vscode.LogOutputChannel, 'info' | 'warn'>;
  seams?: Partial<KubernetesViewSeams>;
  /** How long to wait for VS Code to list the extension after installing it. */
  installWaitMs?: number;
}

export interface KubernetesViewTarget {
  cluster: string;
  /** The kubeconfig Connect wrote (the proxy's). */
  kubeconfig: string;
}

function seamsOf(deps: Pick<KubernetesViewDependencies, 'seams'>): KubernetesViewSeams {
  return {
    extension: deps.seams?.extension ?? (() => vscode.extensions.getExtension(KUBERNETES_EXTENSION_ID)),
    executeCommand: deps.seams?.executeCommand ?? ((command, ...args) => vscode.commands.executeCommand(command, ...args)),
  };
}

/**
 * The button Connect's result offers: open the view when the extension is installed, else install it; none in
 * Restricted Mode, where the Kubernetes extension does not run (and Connect does not either).
 */
export function kubernetesViewAction(seams?: Partial<KubernetesViewSeams>): string | undefined {
  if (!vscode.workspace.isTrusted) return undefined;
  return seamsOf({ seams }).extension() ? openInKubernetesViewLabel() : installKubernetesExtensionLabel();
}

/** Runs the button kubernetesViewAction offered. */
export function runKubernetesViewAction(action: string, deps: KubernetesViewDependencies, target: KubernetesViewTarget): Promise<void> {
  return action === installKubernetesExtensionLabel() ? installKubernetesExtension(deps, target) : openInKubernetesView(deps, target);
}

/** A version of a component of the Kubernetes extension's API, as its helper (js/helper.js getCore) reads it. */
function api<T>(broker: APIBroker | undefined, component: ComponentKey<T>, version: Version<T>): API<T> {
  if (!broker) return { available: false, reason: 'extension-not-available' };
  if (typeof broker.get !== 'function') return { available: false, reason: 'version-unknown' };
  return broker.get(component, version) as API<T>;
}

function pathContext(): PathContext {
  return { platform: process.platform, home: os.homedir(), env: process.env };
}

/** Makes the Kubernetes extension show the cluster: settings (with consent), context, refresh, its view. */
export async function openInKubernetesView(deps: KubernetesViewDependencies, target: KubernetesViewTarget): Promise<void> {
  const seams = seamsOf(deps);
  if (!vscode.workspace.isTrusted) return;
  const extension = seams.extension();
  if (!extension) return installKubernetesExtension(deps, target);
  const { cluster, kubeconfig } = target;
  const paths = pathContext();

  const inspected: InspectedSection = vscode.workspace.getConfiguration().inspect(KUBERNETES_SECTION) ?? {};
  const override = workspaceOverride(inspected, kubeconfig, paths);
  if (override) {
    deps.log.warn(`Kubernetes view: the ${override.scope} settings set ${ACTIVE_KUBECONFIG_KEY}; nothing was changed`);
    const args = [override.path, ACTIVE_KUBECONFIG_KEY, kubeconfig, cluster];
    const comment = '{0} and {2} are kubeconfig paths, {1} a setting, {3} a cluster';
    void deps.prompter.ask(
      override.scope === 'workspace folder'
        ? l10n.t({ message: "The Kubernetes view uses {0}: this workspace folder's settings set {1}, which wins over your user settings. Nothing was changed; set it there to {2} (or remove it) to see {3}.", args, comment })
        : l10n.t({ message: "The Kubernetes view uses {0}: this workspace's settings set {1}, which wins over your user settings. Nothing was changed; set it there to {2} (or remove it) to see {3}.", args, comment }),
      { severity: 'warning' },
    );
    return;
  }
  const plan = planKubernetesViewSettings(inspected.globalValue, kubeconfig, paths);
  if (plan.changed) {
    const changeSettings = changeSettingsLabel();
    const answer = await deps.prompter.ask(consentMessage(cluster, kubeconfig, plan), { severity: 'info', modal: true }, changeSettings);
    if (answer !== changeSettings) {
      deps.log.info(`Kubernetes view for ${cluster}: declined; no setting changed`);
      return;
    }
    await vscode.workspace.getConfiguration().update(KUBERNETES_SECTION, plan.value, vscode.ConfigurationTarget.Global);
    deps.log.info(`Kubernetes view for ${cluster}: user setting ${KUBERNETES_SECTION} updated (${ACTIVE_KUBECONFIG_KEY} ${plan.activeChanged ? `= ${kubeconfig}` : 'unchanged'}; ${plan.knownAdded.length} known kubeconfig(s) added)`);
  }

  const broker = (await extension.activate()) as APIBroker | undefined;
  const configuration = api<ConfigurationV1>(broker, 'configuration', 'v1');
  if (configuration.available) {
    const seen = await untilReads(configuration.api, kubeconfig, paths);
    if (seen.pathType === 'wsl') {
      void deps.prompter.ask(
        l10n.t({
          message: 'The Kubernetes extension runs kubectl in WSL ({0}) and reads {1}; it cannot use {2}. The setting was changed, but the view does not show {3}.',
          args: ['vs-kubernetes.use-wsl', seen.wslPath, kubeconfig, cluster],
          comment: '{0} is a setting, {1} and {2} kubeconfig paths, {3} a cluster',
        }),
        { severity: 'warning' },
      );
      return;
    }
    if (!sameKubeconfig(seen.hostPath, kubeconfig, paths)) {
      void deps.prompter.ask(l10n.t({ message: 'The Kubernetes extension still reads {0}, not {1}; its view does not show {2}.', args: [seen.hostPath, kubeconfig, cluster], comment: '{0} and {1} are kubeconfig paths, {2} a cluster' }), { severity: 'warning' });
      return;
    }
  } else {
    deps.log.warn(`Kubernetes view: the configuration API v1 is not available (${configuration.reason}); the kubeconfig in use is not checked`);
  }

  // The context: only in the file Connect wrote, which the extension was just seen to read.
  let context: string | undefined;
  const kubectl = api<KubectlV1>(broker, 'kubectl', 'v1');
  if (kubectl.available && configuration.available) {
    const listed = await kubectl.api.invokeCommand('config get-contexts -o name');
    const chosen = listed?.code === 0 ? clusterContext(contextNames(listed.stdout), cluster) : undefined;
    if (chosen && isShellSafeName(chosen)) {
      const used = await kubectl.api.invokeCommand(`config use-context ${chosen}`);
      if (used?.code === 0) context = chosen;
      else deps.log.warn(`Kubernetes view: kubectl config use-context ${chosen} failed: ${used ? used.stderr.trim() : 'kubectl could not run'}`);
    } else {
      deps.log.warn(`Kubernetes view: no context of ${cluster} selected (${listed ? (listed.code === 0 ? 'no matching or safe context name' : listed.stderr.trim()) : 'kubectl could not run'})`);
    }
  } else if (!kubectl.available) {
    deps.log.warn(`Kubernetes view: the kubectl API v1 is not available (${kubectl.reason}); the kubeconfig's current context is kept`);
  }

  const explorer = api<ClusterExplorerV1>(broker, 'clusterexplorer', 'v1');
  if (explorer.available) explorer.api.refresh();
  else deps.log.warn(`Kubernetes view: the cluster explorer API v1 is not available (${explorer.reason}); it refreshes on the setting change`);
  await seams.executeCommand(`${CLUSTER_EXPLORER_VIEW}.focus`);
  const message = changedMessage(cluster, kubeconfig, plan, context);
  deps.log.info(`Kubernetes view: ${message}`);
  void deps.prompter.ask(message, { severity: 'info' });
}

/** The path the extension reads, once it reads ours (a setting reaches the extension host asynchronously): 2 s at most. */
async function untilReads(configuration: ConfigurationV1, kubeconfig: string, paths: PathContext): Promise<ConfigurationV1.KubeconfigPath> {
  let seen = configuration.getKubeconfigPath();
  for (let i = 0; i < 20 && seen.pathType === 'host' && !sameKubeconfig(seen.hostPath, kubeconfig, paths); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = configuration.getKubeconfigPath();
  }
  return seen;
}

/** Installs the Kubernetes extension (VS Code's own command, which asks nothing more), then offers the view. */
export async function installKubernetesExtension(deps: KubernetesViewDependencies, target: KubernetesViewTarget): Promise<void> {
  const seams = seamsOf(deps);
  deps.log.info(`Installing ${KUBERNETES_EXTENSION_ID}`);
  await seams.executeCommand('workbench.extensions.installExtension', KUBERNETES_EXTENSION_ID);
  const deadline = Date.now() + (deps.installWaitMs ?? 10000);
  while (!seams.extension() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  const openInView = openInKubernetesViewLabel();
  if (!seams.extension()) {
    void deps.prompter.ask(l10n.t({ message: 'The Kubernetes extension is installed but not loaded yet. Reload the window, then choose "{0}" after the next Connect.', args: [openInView], comment: '{0} is the button Open in Kubernetes View' }), { severity: 'info' });
    return;
  }
  const choice = await deps.prompter.ask(l10n.t('The Kubernetes extension is installed. Show {0} in its view?', target.cluster), { severity: 'info' }, openInView);
  if (choice === openInView) await openInKubernetesView(deps, target);
}

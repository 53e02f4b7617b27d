/**
 * What "Open in Kubernetes View" writes into the Kubernetes extension's settings, decided without `vscode` (unit-tested
 * in test/unit/kubernetesView.test.ts). How that extension chooses its kubeconfig is described atop kubernetesView.ts.
 *
 * Its settings are keys of ONE object setting, `vs-kubernetes`, whose keys carry the prefix again:
 * `{"vs-kubernetes": {"vs-kubernetes.kubeconfig": "…", "vs-kubernetes.knownKubeconfigs": ["…"]}}`
 * (vscode-kubernetes-tools/vscode-kubernetes-tools, package.json `contributes.configuration` and
 * src/components/config/config.ts). So the whole object is written back, with the user's other keys kept.
 */
import * as path from 'node:path';

export const KUBERNETES_EXTENSION_ID = 'ms-kubernetes-tools.vscode-kubernetes-tools';
export const KUBERNETES_SECTION = 'vs-kubernetes';
export const ACTIVE_KUBECONFIG_KEY = 'vs-kubernetes.kubeconfig';
export const KNOWN_KUBECONFIGS_KEY = 'vs-kubernetes.knownKubeconfigs';
/** The Kubernetes extension's Clusters view (its package.json `contributes.views.kubernetesView`). */
export const CLUSTER_EXPLORER_VIEW = 'extension.vsKubernetesExplorer';

export interface PathContext {
  platform: NodeJS.Platform;
  home: string;
  env?: Record<string, string | undefined>;
}

/**
 * A kubeconfig path as the Kubernetes extension would resolve it, in a form only for comparing: it substitutes
 * `${userHome}` and `${env:NAME}` (its interpolateVariables; `~` is not expanded by it, nor by kubectl in KUBECONFIG);
 * separators and `.`/`..` are normalised; on Windows `/` and `\` are the same and case does not matter.
 */
export function comparableKubeconfigPath(value: string, context: PathContext): string {
  const expanded = value
    .trim()
    .replace(/\$\{userHome\}/g, context.home)
    .replace(/\$\{env:([^}]*)\}/g, (_match, name: string) => context.env?.[name] ?? '');
  if (context.platform === 'win32') {
    const normal = path.win32.normalize(expanded.replace(/\//g, '\\'));
    return stripTrailingSeparator(normal, '\\', /^[a-z]:\\$|^\\\\[^\\]+\\[^\\]+\\?$/i).toLowerCase();
  }
  return stripTrailingSeparator(path.posix.normalize(expanded), '/', /^\/$/);
}

function stripTrailingSeparator(value: string, separator: string, root: RegExp): string {
  let result = value;
  while (result.endsWith(separator) && !root.test(result)) result = result.slice(0, -1);
  return result;
}

export function sameKubeconfig(a: string, b: string, context: PathContext): boolean {
  return comparableKubeconfigPath(a, context) === comparableKubeconfigPath(b, context);
}

/** The user's `vs-kubernetes` object as VS Code's inspect() gives it per scope (undefined where unset). */
export interface InspectedSection {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export interface SettingsPlan {
  /** The new user-level `vs-kubernetes` object: the user's keys kept, ours set. */
  value: Record<string, unknown>;
  /** Whether anything differs from what the user has (nothing to ask or write when false). */
  changed: boolean;
  activeChanged: boolean;
  /** The user's `vs-kubernetes.kubeconfig` before, when it was set. */
  previousActive?: string;
  /** Paths appended to `vs-kubernetes.knownKubeconfigs`, in order. */
  knownAdded: string[];
}

function objectOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

/**
 * Makes `kubeconfig` the active kubeconfig (`vs-kubernetes.kubeconfig`) and a known one (`vs-kubernetes.knownKubeconfigs`,
 * which its "Kubernetes: Set Kubeconfig" lists), at the user level. The previous active kubeconfig, if the user had set
 * one, is kept known too, so Set Kubeconfig switches back. Nothing is added twice (paths compared as the extension
 * would resolve them); entries the user has are kept as they are, in their order.
 */
export function planKubernetesViewSettings(globalValue: unknown, kubeconfig: string, context: PathContext): SettingsPlan {
  const value = objectOf(globalValue);
  const previous = typeof value[ACTIVE_KUBECONFIG_KEY] === 'string' && (value[ACTIVE_KUBECONFIG_KEY] as string).trim() ? (value[ACTIVE_KUBECONFIG_KEY] as string) : undefined;
  const activeChanged = !previous || !sameKubeconfig(previous, kubeconfig, context);
  const known = Array.isArray(value[KNOWN_KUBECONFIGS_KEY]) ? [...(value[KNOWN_KUBECONFIGS_KEY] as unknown[])] : [];
  const knownAdded: string[] = [];
  const isKnown = (candidate: string) => known.some((entry) => typeof entry === 'string' && sameKubeconfig(entry, candidate, context));
  for (const candidate of [previous, kubeconfig]) {
    if (candidate && !isKnown(candidate)) {
      known.push(candidate);
      knownAdded.push(candidate);
    }
  }
  if (activeChanged) value[ACTIVE_KUBECONFIG_KEY] = kubeconfig;
  value[KNOWN_KUBECONFIGS_KEY] = known;
  return { value, changed: activeChanged || knownAdded.length > 0, activeChanged, previousActive: previous, knownAdded };
}

/**
 * A workspace (or folder) value of `vs-kubernetes.kubeconfig` wins over the user's: VS Code merges object settings key
 * by key. Returns the scope and path when one names another kubeconfig (a user-level change would not be seen).
 */
export function workspaceOverride(inspected: InspectedSection, kubeconfig: string, context: PathContext): { scope: 'workspace' | 'workspace folder'; path: string } | undefined {
  for (const [scope, section] of [['workspace folder', inspected.workspaceFolderValue], ['workspace', inspected.workspaceValue]] as const) {
    const value = objectOf(section)[ACTIVE_KUBECONFIG_KEY];
    if (typeof value === 'string' && value.trim()) return sameKubeconfig(value, kubeconfig, context) ? undefined : { scope, path: value };
  }
  return undefined;
}

/** What the user is asked before their settings change: every setting named, with its value now. */
export function consentMessage(cluster: string, kubeconfig: string, plan: SettingsPlan): string {
  const parts: string[] = [];
  if (plan.activeChanged) {
    parts.push(`set ${ACTIVE_KUBECONFIG_KEY} to ${kubeconfig} (${plan.previousActive ? `now ${plan.previousActive}` : 'now unset: the extension uses KUBECONFIG or ~/.kube/config'})`);
  }
  if (plan.knownAdded.length) parts.push(`add ${plan.knownAdded.join(' and ')} to ${KNOWN_KUBECONFIGS_KEY}`);
  return `Show ${cluster} in the Kubernetes view? This changes the Kubernetes extension's user settings: ${parts.join('; ')}.`;
}

/** What was done, naming each setting that changed (or that none did). */
export function changedMessage(cluster: string, kubeconfig: string, plan: SettingsPlan, context: string | undefined): string {
  const changes: string[] = [];
  if (plan.activeChanged) changes.push(`${ACTIVE_KUBECONFIG_KEY} is now ${kubeconfig}${plan.previousActive ? ` (was ${plan.previousActive})` : ' (was unset)'}`);
  if (plan.knownAdded.length) changes.push(`${KNOWN_KUBECONFIGS_KEY} gained ${plan.knownAdded.join(' and ')}`);
  const settings = changes.length ? `User settings changed: ${changes.join('; ')}.` : `No setting changed: ${ACTIVE_KUBECONFIG_KEY} already was ${kubeconfig}.`;
  const switchBack = plan.previousActive && plan.activeChanged ? ' "Kubernetes: Set Kubeconfig" switches back.' : '';
  return `The Kubernetes view shows ${cluster}${context ? ` (context ${context})` : ''}. ${settings}${switchBack}`;
}

/**
 * The kubectl API takes one command line, which the Kubernetes extension runs through a shell: only names without
 * shell metacharacters are passed (Kubernetes names and az's context names are of this form).
 */
export function isShellSafeName(name: string): boolean {
  return name.length > 0 && name.length <= 253 && /^[A-Za-z0-9][\w.@:/-]*$/.test(name);
}

/** The context of the cluster among a kubeconfig's contexts: az names it after the cluster; else the only one. */
export function clusterContext(contexts: readonly string[], cluster: string): string | undefined {
  return contexts.find((c) => c === cluster) ?? contexts.find((c) => c.toLowerCase() === cluster.toLowerCase()) ?? (contexts.length === 1 ? contexts[0] : undefined);
}

/** `kubectl config get-contexts -o name` output, one name a line. */
export function contextNames(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

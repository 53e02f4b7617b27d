/**
 * What "Open in Kubernetes View" writes into the Kubernetes extension's settings, decided without `vscode` (unit-tested
 * in test/unit/kubernetesView.test.ts). How that extension chooses its kubeconfig is described atop kubernetesView.ts.
 *
 * Its settings are keys of ONE object setting, `vs-kubernetes`, whose keys carry the prefix again:
 * `{"vs-kubernetes": {"vs-kubernetes.kubeconfig": "…", "vs-kubernetes.knownKubeconfigs": ["…"]}}`
 * (vscode-kubernetes-tools/vscode-kubernetes-tools, package.json `contributes.configuration` and
 * src/components/config/config.ts). So the whole object is written back, with the user's other keys kept.
 */
import * as l10n from '@vscode/l10n';
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

/** How the changes of a plan are said: as asked before (consentMessage), or as done after (changedMessage). */
interface ChangeWording {
  /** The active kubeconfig becomes the new one; `previous` is the user's until now, when one was set. */
  active(previous: string | undefined): string;
  /** Paths added to the known kubeconfigs: the first, and the others when there are more. */
  known(first: string, others: string | undefined): string;
}

function describeChanges(plan: SettingsPlan, wording: ChangeWording): string[] {
  const changes: string[] = [];
  if (plan.activeChanged) changes.push(wording.active(plan.previousActive));
  if (plan.knownAdded.length) {
    const [first, ...others] = plan.knownAdded;
    changes.push(wording.known(first, others.length ? others.join(', ') : undefined));
  }
  return changes;
}

/** What the user is asked before their settings change: every setting named, with its value now. */
export function consentMessage(cluster: string, kubeconfig: string, plan: SettingsPlan): string {
  const parts = describeChanges(plan, {
    active: (previous) =>
      previous
        ? l10n.t({ message: 'set {0} to {1} (now {2})', args: [ACTIVE_KUBECONFIG_KEY, kubeconfig, previous], comment: '{0} is a setting, {1} the new kubeconfig path, {2} the one set now' })
        : l10n.t({ message: 'set {0} to {1} (now unset: the extension uses KUBECONFIG or ~/.kube/config)', args: [ACTIVE_KUBECONFIG_KEY, kubeconfig], comment: '{0} is a setting, {1} a kubeconfig path' }),
    known: (first, others) =>
      others
        ? l10n.t({ message: 'add {0} and {1} to {2}', args: [first, others, KNOWN_KUBECONFIGS_KEY], comment: '{0} and {1} are kubeconfig paths, {2} a setting' })
        : l10n.t({ message: 'add {0} to {1}', args: [first, KNOWN_KUBECONFIGS_KEY], comment: '{0} is a kubeconfig path, {1} a setting' }),
  });
  return l10n.t({
    message: "Show {0} in the Kubernetes view? This changes the Kubernetes extension's user settings: {1}.",
    args: [cluster, parts.join('; ')],
    comment: '{0} is a cluster, {1} the changes ("set … to …; add … to …")',
  });
}

/** What was done, naming each setting that changed (or that none did). */
export function changedMessage(cluster: string, kubeconfig: string, plan: SettingsPlan, context: string | undefined): string {
  const changes = describeChanges(plan, {
    active: (previous) =>
      previous
        ? l10n.t({ message: '{0} is now {1} (was {2})', args: [ACTIVE_KUBECONFIG_KEY, kubeconfig, previous], comment: '{0} is a setting, {1} and {2} kubeconfig paths' })
        : l10n.t({ message: '{0} is now {1} (was unset)', args: [ACTIVE_KUBECONFIG_KEY, kubeconfig], comment: '{0} is a setting, {1} a kubeconfig path' }),
    known: (first, others) =>
      others
        ? l10n.t({ message: '{0} gained {1} and {2}', args: [KNOWN_KUBECONFIGS_KEY, first, others], comment: '{0} is a setting, {1} and {2} kubeconfig paths' })
        : l10n.t({ message: '{0} gained {1}', args: [KNOWN_KUBECONFIGS_KEY, first], comment: '{0} is a setting, {1} a kubeconfig path' }),
  });
  const shows = context
    ? l10n.t({ message: 'The Kubernetes view shows {0} (context {1}).', args: [cluster, context], comment: '{1} is a kubeconfig context' })
    : l10n.t('The Kubernetes view shows {0}.', cluster);
  const settings = changes.length
    ? l10n.t({ message: 'User settings changed: {0}.', args: [changes.join('; ')], comment: '{0} lists the changes ("… is now …; … gained …")' })
    : l10n.t({ message: 'No setting changed: {0} already was {1}.', args: [ACTIVE_KUBECONFIG_KEY, kubeconfig], comment: '{0} is a setting, {1} a kubeconfig path' });
  const switchBack =
    plan.previousActive && plan.activeChanged ? l10n.t({ message: '"{0}" switches back.', args: ['Kubernetes: Set Kubeconfig'], comment: "{0} is the Kubernetes extension's command that switches kubeconfigs" }) : undefined;
  return [shows, settings, switchBack].filter(Boolean).join(' ');
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

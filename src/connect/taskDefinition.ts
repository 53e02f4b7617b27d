import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateResourceGroupName } from '../commands/createCluster/validators';

export const TASK_TYPE = 'azure-local' as const;
export const PROXY_READY_LINE = 'Press Ctrl+C to close proxy.';

/** A task of type `azure-local`, as written in tasks.json or provided for each cluster. */
export interface AzureLocalTaskDefinition {
  type: typeof TASK_TYPE;
  action: 'proxy' | 'nodes';
  subscription?: string;
  resourceGroup: string;
  cluster: string;
  port?: number;
  kubeconfig?: string;
}

/** `az connectedk8s proxy …` as an argument array: every value is one argument, whatever it contains. */
export function proxyArgs(definition: AzureLocalTaskDefinition, port: number, kubeconfig: string): string[] {
  return [
    'connectedk8s',
    'proxy',
    '--name',
    definition.cluster,
    '--resource-group',
    definition.resourceGroup,
    ...(definition.subscription ? ['--subscription', definition.subscription] : []),
    '--file',
    kubeconfig,
    '--port',
    String(port),
  ];
}

export function nodesArgs(kubeconfig: string): string[] {
  return ['get', 'node', '-A', '--kubeconfig', kubeconfig];
}

/** The folder for per-cluster kubeconfigs: the setting, `~` expanded, or ~/.kube/azure-local. */
export function kubeconfigFolder(setting: string | undefined, home = os.homedir()): string {
  const value = setting?.trim();
  if (!value) return path.join(home, '.kube', 'azure-local');
  return value === '~' || value.startsWith('~/') ? path.join(home, value.slice(1)) : value;
}

/** One file per cluster: a readable name made safe for every file system, unique per subscription and group. */
export function kubeconfigPathFor(folder: string, definition: Pick<AzureLocalTaskDefinition, 'subscription' | 'resourceGroup' | 'cluster'>, kind = 'proxy'): string {
  const safe = (value: string) => value.replace(/[^A-Za-z0-9._-]+/g, '_');
  const subscription = definition.subscription ? `${safe(definition.subscription).slice(0, 8)}-` : '';
  return path.join(folder, `${subscription}${safe(definition.resourceGroup)}-${safe(definition.cluster)}.${kind}.yaml`);
}

/** Identifies a cluster's proxy: one per cluster in this window. */
export function proxyKey(definition: Pick<AzureLocalTaskDefinition, 'subscription' | 'resourceGroup' | 'cluster'>): string {
  return `${definition.subscription ?? ''}/${definition.resourceGroup}/${definition.cluster}`.toLowerCase();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An existing connected cluster's name (made by the wizard, az or the portal): ARM's plain resource-name characters. */
const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/**
 * A definition from tasks.json (the workspace wrote it, so it is checked like any input): each field named with its
 * rule. The kubeconfig must be a plain file inside the kubeconfig folder, since the extension writes it and sets it
 * to 0600 — never a file elsewhere, and never through a symbolic link.
 */
export function validateTaskDefinition(definition: unknown, folder: string): string | undefined {
  const d = (definition && typeof definition === 'object' ? definition : {}) as Record<string, unknown>;
  // "tasks.json", the task's keys and their quoted values are as written in tasks.json: left as they are in every language.
  if (d.action !== 'proxy' && d.action !== 'nodes') return l10n.t('tasks.json: action: "proxy" or "nodes".');
  if (typeof d.cluster !== 'string' || !CLUSTER_NAME.test(d.cluster)) {
    return l10n.t('tasks.json: cluster: the cluster\'s name, 1 to 63 letters, digits, "-", "_" or ".", starting with a letter or digit.');
  }
  const group = typeof d.resourceGroup === 'string' ? validateResourceGroupName(d.resourceGroup) : l10n.t('Resource group name: required.');
  // The validator's messages open with "Resource group name: ", dropped here in English; in another language the
  // translated message is kept whole (still right, only longer).
  if (group) return l10n.t({ message: 'tasks.json: resourceGroup: {0}', args: [group.replace(/^Resource group name: /, '')], comment: '{0} is the rule the name breaks' });
  if (d.subscription !== undefined && (typeof d.subscription !== 'string' || !GUID.test(d.subscription))) return l10n.t('tasks.json: subscription: a subscription id (a GUID).');
  if (d.port !== undefined && !(typeof d.port === 'number' && Number.isInteger(d.port) && d.port >= 1025 && d.port <= 65535)) {
    return l10n.t('tasks.json: port: a whole number from 1025 to 65535 (the proxy also listens on the port below it).');
  }
  if (d.kubeconfig !== undefined) {
    if (typeof d.kubeconfig !== 'string' || !d.kubeconfig.trim()) {
      return l10n.t({ message: 'tasks.json: kubeconfig: a file name in the kubeconfig folder {0} ({1}).', args: [folder, 'azureLocal.kubeconfigFolder'], comment: '{0} is a folder, {1} the setting that names it' });
    }
    const file = resolveKubeconfig(folder, d.kubeconfig);
    const inside = path.relative(path.resolve(folder), file);
    if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) {
      return l10n.t({
        message: 'tasks.json: kubeconfig: must be inside the kubeconfig folder {0} ({1}), which the extension keeps private.',
        args: [folder, 'azureLocal.kubeconfigFolder'],
        comment: '{0} is a folder, {1} the setting that names it',
      });
    }
    let link = false;
    try {
      link = fs.lstatSync(file).isSymbolicLink();
    } catch {
      // Not there yet: the extension creates it.
    }
    if (link) return l10n.t('tasks.json: kubeconfig: {0} is a symbolic link; name a plain file.', file);
  }
  return undefined;
}

/** A definition's kubeconfig, relative names taken from the kubeconfig folder. */
export function resolveKubeconfig(folder: string, kubeconfig: string): string {
  return path.resolve(folder, kubeconfigFolder(kubeconfig));
}

import * as os from 'node:os';
import * as path from 'node:path';

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
  const subscription = definition.subscription ? `${definition.subscription.slice(0, 8)}-` : '';
  return path.join(folder, `${subscription}${safe(definition.resourceGroup)}-${safe(definition.cluster)}.${kind}.yaml`);
}

/** Identifies a cluster's proxy: one per cluster in this window. */
export function proxyKey(definition: Pick<AzureLocalTaskDefinition, 'subscription' | 'resourceGroup' | 'cluster'>): string {
  return `${definition.subscription ?? ''}/${definition.resourceGroup}/${definition.cluster}`.toLowerCase();
}

import type { AzureSession } from '../auth/azureSession';
import { getClusterKubeconfig } from '../azure/provisionedClusters';
import { clusterRefFromId } from '../azure/clusterRef';
import { applyMerge, planMerge, preparePrivateFolder, writePrivateFile } from '../connect/kubeconfigFiles';
import type { ConflictChoice } from '../connect/kubeconfigMerge';
import { resolveExecutable } from '../connect/processes';
import { kubeconfigPathFor } from '../connect/taskDefinition';
import { settings } from '../settings';
import type { Prompter } from '../wizard/prompter';
import { requireTrustedWorkspace } from './checkPrerequisites';
import { pickCluster, type ClusterOrigin } from './pickCluster';

const MERGE = 'Merge into kubeconfig';
const OVERWRITE = 'Overwrite';
const KEEP_BOTH = 'Keep Both';

export interface GetKubeconfigResult {
  file: string;
  merged?: { target: string; backup?: string; choice: ConflictChoice };
}

/**
 * "Get Kubeconfig (User|Admin)": for machines on the cluster's network. Saves AKS Arc's kubeconfig with mode 0600 in
 * the kubeconfig folder, then offers to merge it into the default kubeconfig (backup first; on name conflicts the
 * user chooses overwrite or keep both). Never merges without asking.
 */
export async function getKubeconfig(session: AzureSession, prompter: Prompter, kind: 'user' | 'admin', node?: ClusterOrigin): Promise<GetKubeconfigResult> {
  const cluster = node?.resource ?? (await pickCluster(session, prompter, `Get Kubeconfig (${kind === 'admin' ? 'Admin' : 'User'})`));
  const ref = clusterRefFromId(cluster.id);
  const yaml = await prompter.withProgress(`Getting the ${kind} kubeconfig of ${cluster.name}…`, (report, signal) =>
    getClusterKubeconfig(session.client, cluster.id, kind, { signal, onStatus: report }),
  );
  const folder = settings.kubeconfigFolder();
  const tightened = await preparePrivateFolder(folder);
  const file = kubeconfigPathFor(folder, { subscription: ref.subscriptionId, resourceGroup: ref.resourceGroup, cluster: ref.name }, kind);
  await writePrivateFile(file, yaml);

  const merge = await prompter.ask(`Saved the ${kind} kubeconfig of ${cluster.name} to ${file} (readable only by you).${tightened ? ` ${tightened}` : ''}`, { severity: 'info' }, MERGE);
  if (merge !== MERGE) return { file };

  requireTrustedWorkspace('Merging a kubeconfig');
  const kubectl = resolveExecutable(settings.kubectlPath());
  if (!kubectl) throw new Error(`kubectl not found ("${settings.kubectlPath()}"): it reads and writes kubeconfigs. Install it (az aks install-cli) or set azureLocal.kubectlPath.`);
  const plan = await planMerge(kubectl, file);
  let choice: ConflictChoice = 'overwrite';
  if (plan.conflicts.length) {
    const answer = await prompter.ask(
      `${plan.target} already has ${plan.conflicts.join(', ')}.`,
      { severity: 'warning', modal: true, detail: 'Overwrite replaces those entries; Keep Both adds the new ones with a numbered name. A backup is made first either way.' },
      OVERWRITE,
      KEEP_BOTH,
    );
    if (answer !== OVERWRITE && answer !== KEEP_BOTH) return { file };
    choice = answer === KEEP_BOTH ? 'keepBoth' : 'overwrite';
  }
  const backup = await applyMerge(kubectl, plan, choice);
  void prompter.ask(`Merged ${cluster.name} into ${plan.target}${backup ? ` (backup: ${backup})` : ''}.`, { severity: 'info' });
  return { file, merged: { target: plan.target, backup, choice } };
}

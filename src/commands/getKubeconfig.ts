import * as l10n from '@vscode/l10n';
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
  const cluster = node?.resource ?? (await pickCluster(session, prompter, kind === 'admin' ? l10n.t('Get Kubeconfig (Admin)') : l10n.t('Get Kubeconfig (User)')));
  const ref = clusterRefFromId(cluster.id);
  const yaml = await prompter.withProgress(kind === 'admin' ? l10n.t('Getting the admin kubeconfig of {0}…', cluster.name) : l10n.t('Getting the user kubeconfig of {0}…', cluster.name), (report, signal) =>
    getClusterKubeconfig(session.client, cluster.id, kind, { signal, onStatus: report }),
  );
  const folder = settings.kubeconfigFolder();
  const tightened = await preparePrivateFolder(folder);
  const file = kubeconfigPathFor(folder, { subscription: ref.subscriptionId, resourceGroup: ref.resourceGroup, cluster: ref.name }, kind);
  await writePrivateFile(file, yaml);

  const MERGE = l10n.t('Merge into kubeconfig');
  const OVERWRITE = l10n.t('Overwrite');
  const KEEP_BOTH = l10n.t('Keep Both');
  const saved = kind === 'admin' ? l10n.t('Saved the admin kubeconfig of {0} to {1} (readable only by you).', cluster.name, file) : l10n.t('Saved the user kubeconfig of {0} to {1} (readable only by you).', cluster.name, file);
  const merge = await prompter.ask(`${saved}${tightened ? ` ${tightened}` : ''}`, { severity: 'info' }, MERGE);
  if (merge !== MERGE) return { file };

  requireTrustedWorkspace(l10n.t('Merging a kubeconfig'));
  const kubectl = resolveExecutable(settings.kubectlPath());
  if (!kubectl) throw new Error(l10n.t('kubectl not found ("{0}"): it reads and writes kubeconfigs. Install it ({1}) or set {2}.', settings.kubectlPath(), 'az aks install-cli', 'azureLocal.kubectlPath'));
  const plan = await planMerge(kubectl, file);
  let choice: ConflictChoice = 'overwrite';
  if (plan.conflicts.length) {
    const answer = await prompter.ask(
      l10n.t({ message: '{0} already has {1}.', args: [plan.target, plan.conflicts.join(', ')], comment: '{0} is a kubeconfig file, {1} the entries it already has under the same names (cluster x, user y, context z)' }),
      { severity: 'warning', modal: true, detail: l10n.t({ message: '{0} replaces those entries; {1} adds the new ones with a numbered name. A backup is made first either way.', args: [OVERWRITE, KEEP_BOTH], comment: '{0} and {1} are the buttons Overwrite and Keep Both' }) },
      OVERWRITE,
      KEEP_BOTH,
    );
    if (answer !== OVERWRITE && answer !== KEEP_BOTH) return { file };
    choice = answer === KEEP_BOTH ? 'keepBoth' : 'overwrite';
  }
  const backup = await applyMerge(kubectl, plan, choice);
  void prompter.ask(backup ? l10n.t('Merged {0} into {1} (backup: {2}).', cluster.name, plan.target, backup) : l10n.t('Merged {0} into {1}.', cluster.name, plan.target), { severity: 'info' });
  return { file, merged: { target: plan.target, backup, choice } };
}

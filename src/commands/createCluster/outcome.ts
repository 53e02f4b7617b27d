import { connectedClusterId } from '../../azure/resourceId';
import { shellQuote } from '../../shellQuote';
import type { ClusterSpec } from './clusterSpec';

/** What a create run has done so far, in Azure. */
export interface RunProgress {
  spec: ClusterSpec;
  resourceGroupCreated: boolean;
  connectedClusterAccepted: boolean;
  instanceAccepted: boolean;
  instanceDeleted?: boolean;
  connectedClusterDeleted: boolean;
  deleteError?: string;
  /** Set when a request's fate could not be checked after a cancel or a lost connection. */
  uncertain?: string;
}

/**
 * The sentence that ends every unsuccessful run: exactly what this run left in Azure and the command that removes it.
 * An AKS Arc cluster is removed with `az aksarc delete` (`az connectedk8s delete` refuses kind ProvisionedCluster);
 * a connected cluster without its instance with `az resource delete`. Pure: unit-tested for each combination.
 */
export function whatExists(progress: RunProgress): string {
  const { spec } = progress;
  const group = shellQuote(spec.resourceGroup);
  const id = connectedClusterId(spec.subscriptionId, spec.resourceGroup, spec.name);
  const sentences: string[] = [];
  if (!progress.connectedClusterAccepted) {
    sentences.push(
      progress.uncertain
        ? `Whether cluster "${spec.name}" was created ${progress.uncertain}; to look: az resource show --ids ${id}`
        : `Nothing was created for cluster "${spec.name}".`,
    );
  } else if (progress.connectedClusterDeleted) {
    sentences.push(`Deleted the connected cluster "${spec.name}"${progress.instanceDeleted ? ' and its AKS Arc instance' : ''}; nothing of it remains in Azure.`);
  } else {
    const hasInstance = progress.instanceAccepted && !progress.instanceDeleted;
    const instance = hasInstance ? 'with its AKS Arc instance (still provisioning or failed)' : 'without an AKS Arc instance';
    const failedDelete = progress.deleteError ? ` Deleting it failed (${progress.deleteError}).` : '';
    const remove = hasInstance
      ? `az aksarc delete --name ${shellQuote(spec.name)} --resource-group ${group} --subscription ${spec.subscriptionId} --yes`
      : `az resource delete --ids ${id}`;
    sentences.push(`The connected cluster "${spec.name}" exists in resource group ${spec.resourceGroup} ${instance}.${failedDelete} To remove it: ${remove}`);
  }
  if (progress.resourceGroupCreated) {
    sentences.push(`The resource group ${spec.resourceGroup} created for it still exists; to remove it: az group delete --name ${group} --subscription ${spec.subscriptionId} --yes`);
  }
  return sentences.join(' ');
}

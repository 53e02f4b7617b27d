import { shellQuote } from '../../shellQuote';
import type { ClusterSpec } from './clusterSpec';

/** What a create run has done so far, in Azure. */
export interface RunProgress {
  spec: ClusterSpec;
  newResourceGroup: boolean;
  resourceGroupCreated: boolean;
  connectedClusterAccepted: boolean;
  instanceAccepted: boolean;
  connectedClusterDeleted: boolean;
  deleteError?: string;
}

/**
 * The sentence that ends every unsuccessful run: exactly what this run left in Azure and the command that removes it.
 * Pure: unit-tested for each combination.
 */
export function whatExists(progress: RunProgress): string {
  const { spec } = progress;
  const group = shellQuote(spec.resourceGroup);
  const sentences: string[] = [];
  if (!progress.connectedClusterAccepted) {
    sentences.push(`Nothing was created for cluster "${spec.name}".`);
  } else if (progress.connectedClusterDeleted) {
    sentences.push(`Deleted the connected cluster "${spec.name}"; nothing of it remains in Azure.`);
  } else {
    const instance = progress.instanceAccepted ? 'with its AKS Arc instance (still provisioning or failed)' : 'without an AKS Arc instance';
    const failedDelete = progress.deleteError ? ` Deleting it failed (${progress.deleteError}).` : '';
    sentences.push(
      `The connected cluster "${spec.name}" exists in resource group ${spec.resourceGroup} ${instance}.${failedDelete} To remove it: az connectedk8s delete --name ${shellQuote(spec.name)} --resource-group ${group} --subscription ${spec.subscriptionId} --yes`,
    );
  }
  if (progress.resourceGroupCreated) {
    sentences.push(`The resource group ${spec.resourceGroup} created for it still exists; to remove it: az group delete --name ${group} --subscription ${spec.subscriptionId} --yes`);
  }
  return sentences.join(' ');
}

import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';
import { adminGroupsStep } from './adminGroupsStep';
import { azureRbacStep } from './azureRbacStep';
import { clusterNameStep } from './clusterNameStep';
import { FILL_STEPS } from './fill';
import { controlPlaneCountStep } from './controlPlaneCountStep';
import { controlPlaneIpStep } from './controlPlaneIpStep';
import { controlPlaneVmSizeStep } from './controlPlaneVmSizeStep';
import { customLocationStep } from './customLocationStep';
import { kubernetesVersionStep } from './kubernetesVersionStep';
import { logicalNetworkStep } from './logicalNetworkStep';
import { newResourceGroupLocationStep } from './newResourceGroupLocationStep';
import { newResourceGroupNameStep } from './newResourceGroupNameStep';
import { nodePoolCountStep } from './nodePoolCountStep';
import { nodePoolNameStep } from './nodePoolNameStep';
import { nodePoolOsSkuStep } from './nodePoolOsSkuStep';
import { nodePoolVmSizeStep } from './nodePoolVmSizeStep';
import { providerRegistrationStep } from './providerRegistrationStep';
import { resourceGroupStep } from './resourceGroupStep';
import { reviewStep } from './reviewStep';
import { sshKeyStep } from './sshKeyStep';
import { subscriptionStep } from './subscriptionStep';

/**
 * "Create Kubernetes Cluster…": the custom location, a resource group unless remembered or the only one, the name,
 * the network, the admin groups and an SSH key only when none can be defaulted; then the review, which shows the
 * defaults it chose and why, and where any answer can be changed.
 */
export const QUICK_CREATE_STEPS: WizardStep<CreateClusterContext>[] = [...FILL_STEPS, reviewStep];

/** "Create Kubernetes Cluster (Advanced)…": every answer asked, in order (numbers as in the docs: 1 subscription and group … 10 review). */
export const ADVANCED_CREATE_STEPS: WizardStep<CreateClusterContext>[] = [
  subscriptionStep,
  providerRegistrationStep,
  resourceGroupStep,
  newResourceGroupNameStep,
  newResourceGroupLocationStep,
  clusterNameStep,
  customLocationStep,
  logicalNetworkStep,
  controlPlaneIpStep,
  kubernetesVersionStep,
  controlPlaneCountStep,
  controlPlaneVmSizeStep,
  nodePoolNameStep,
  nodePoolCountStep,
  nodePoolVmSizeStep,
  nodePoolOsSkuStep,
  sshKeyStep,
  adminGroupsStep,
  azureRbacStep,
  reviewStep,
];

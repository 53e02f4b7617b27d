import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';
import { adminGroupsStep } from './adminGroupsStep';
import { azureRbacStep } from './azureRbacStep';
import { clusterNameStep } from './clusterNameStep';
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

/** The wizard, in order (numbers as in the docs: 1 subscription and group … 10 review). */
export const CREATE_CLUSTER_STEPS: WizardStep<CreateClusterContext>[] = [
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

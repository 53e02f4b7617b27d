import { askWhenMissing, type WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';
import { adminGroupsStep } from './adminGroupsStep';
import { clusterNameStep } from './clusterNameStep';
import { controlPlaneVmSizeStep } from './controlPlaneVmSizeStep';
import { customLocationAnywhereStep } from './customLocationAnywhereStep';
import { defaultResourceGroupStep } from './defaultResourceGroupStep';
import { defaultSshKeyStep } from './defaultSshKeyStep';
import { kubernetesVersionStep } from './kubernetesVersionStep';
import { logicalNetworkStep } from './logicalNetworkStep';
import { newResourceGroupLocationStep } from './newResourceGroupLocationStep';
import { newResourceGroupNameStep } from './newResourceGroupNameStep';
import { nodePoolVmSizeStep } from './nodePoolVmSizeStep';
import { providerRegistrationStep } from './providerRegistrationStep';
import { quickDefaultsStep } from './quickDefaultsStep';
import { resourceGroupStep } from './resourceGroupStep';
import { sshKeyStep } from './sshKeyStep';

/**
 * The quick path up to its review, each step asked only while its answer is missing: so the same list fills in
 * whatever a change in the review left unanswered (another custom location's network, another subscription's group).
 * What has a default is not asked at all (quickDefaultsStep); what has none is asked.
 */
export const FILL_STEPS: WizardStep<CreateClusterContext>[] = [
  askWhenMissing(customLocationAnywhereStep, (c) => !c.customLocation),
  providerRegistrationStep,
  defaultResourceGroupStep,
  askWhenMissing(resourceGroupStep, (c) => !c.resourceGroup),
  askWhenMissing(newResourceGroupNameStep, (c) => !c.resourceGroup?.name),
  askWhenMissing(newResourceGroupLocationStep, (c) => !c.resourceGroup?.location),
  askWhenMissing(clusterNameStep, (c) => !c.name),
  askWhenMissing(logicalNetworkStep, (c) => !c.logicalNetwork),
  askWhenMissing(adminGroupsStep, (c) => c.adminGroupObjectIds === undefined),
  defaultSshKeyStep,
  askWhenMissing(sshKeyStep, (c) => !c.sshPublicKey, { fallback: true }),
  quickDefaultsStep,
  askWhenMissing(kubernetesVersionStep, (c) => !c.kubernetesVersion, { fallback: true }),
  askWhenMissing(controlPlaneVmSizeStep, (c) => !c.controlPlaneVmSize, { fallback: true }),
  askWhenMissing(nodePoolVmSizeStep, (c) => !c.nodePoolVmSize, { fallback: true }),
];

import * as l10n from '@vscode/l10n';
import type { PickItem, Prompter } from '../../../wizard/prompter';
import { runWizard, type WizardStep } from '../../../wizard/runWizard';
import { connectedClusterRequest, provisionedClusterRequest } from '../bodies';
import { renderHttpDocument } from '../httpDocument';
import { reviewLines } from '../review';
import { toClusterSpec, type CreateClusterContext, type ReviewTarget } from '../wizardContext';
import { adminGroupsStep } from './adminGroupsStep';
import { azureRbacStep } from './azureRbacStep';
import { clusterNameStep } from './clusterNameStep';
import { controlPlaneCountStep } from './controlPlaneCountStep';
import { controlPlaneIpStep } from './controlPlaneIpStep';
import { controlPlaneVmSizeStep } from './controlPlaneVmSizeStep';
import { customLocationAnywhereStep } from './customLocationAnywhereStep';
import { FILL_STEPS } from './fill';
import { kubernetesVersionStep } from './kubernetesVersionStep';
import { logicalNetworkStep } from './logicalNetworkStep';
import { newResourceGroupLocationStep } from './newResourceGroupLocationStep';
import { newResourceGroupNameStep } from './newResourceGroupNameStep';
import { nodePoolCountStep } from './nodePoolCountStep';
import { nodePoolNameStep } from './nodePoolNameStep';
import { nodePoolOsSkuStep } from './nodePoolOsSkuStep';
import { nodePoolVmSizeStep } from './nodePoolVmSizeStep';
import { resourceGroupStep } from './resourceGroupStep';
import { sshKeyStep } from './sshKeyStep';

type Action = { kind: 'create' | 'show' | 'export' | 'info' } | { kind: 'change'; target: ReviewTarget };

/** What picking a review line asks again. */
const CHANGE_STEPS: Record<ReviewTarget, WizardStep<CreateClusterContext>[]> = {
  location: [customLocationAnywhereStep],
  resourceGroup: [resourceGroupStep, newResourceGroupNameStep, newResourceGroupLocationStep],
  name: [clusterNameStep],
  network: [logicalNetworkStep],
  controlPlaneIp: [controlPlaneIpStep],
  // The node pool's OS must be ready for the version: it is asked with it.
  kubernetes: [kubernetesVersionStep, nodePoolOsSkuStep],
  controlPlane: [controlPlaneCountStep, controlPlaneVmSizeStep],
  nodePool: [nodePoolNameStep, nodePoolCountStep, nodePoolVmSizeStep, nodePoolOsSkuStep],
  ssh: [sshKeyStep],
  access: [adminGroupsStep, azureRbacStep],
};

/**
 * The review: what will be created (defaults with why they were chosen), the two requests exactly as they will be
 * sent, then Create (or only export them). Picking a line asks that answer again and comes back here.
 */
export const reviewStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    for (;;) {
      const spec = toClusterSpec(context);
      const document = () => renderHttpDocument([connectedClusterRequest(spec), provisionedClusterRequest(spec)], context.client.endpoint);
      const items: PickItem<Action>[] = [
        { label: `$(rocket) ${l10n.t('Create')}`, description: l10n.t('PUT the connected cluster, then its AKS Arc instance'), value: { kind: 'create' }, suggested: true },
        { label: `$(json) ${l10n.t('Show REST requests')}`, description: l10n.t('both requests as an .http document (token elided)'), value: { kind: 'show' } },
        { label: `$(export) ${l10n.t('Export as .http without creating')}`, value: { kind: 'export' } },
        ...reviewLines(context).map((line) => ({
          label: line.label,
          description: line.value,
          ...(line.why ? { detail: line.why } : {}),
          value: line.target ? { kind: 'change' as const, target: line.target } : { kind: 'info' as const },
          inert: !line.target,
        })),
      ];
      const action = await prompter.pick({ step, placeholder: l10n.t('Create AKS Arc cluster "{0}"? Pick a line to change it.', spec.name), items });
      if (action.kind === 'change') {
        await change(context, prompter, step.title, action.target);
      } else if (action.kind === 'show') {
        await prompter.showDocument(document(), 'http');
      } else {
        if (action.kind === 'export') await prompter.showDocument(document(), 'http');
        context.action = action.kind === 'export' ? 'export' : 'create';
        return;
      }
    }
  },
};

/** Asks one review line's answers again (Back returns to the review), then whatever that change left unanswered. */
async function change(context: CreateClusterContext, prompter: Prompter, title: string, target: ReviewTarget): Promise<void> {
  const answered = await runWizard(title, CHANGE_STEPS[target], context, prompter, { backFromFirst: 'return' });
  // Now the user's own answer: no longer a default with a reason.
  if (answered === 'done') delete context.because?.[target];
  while (!complete(context)) await runWizard(title, FILL_STEPS, context, prompter, { backFromFirst: 'return' });
}

function complete(context: CreateClusterContext): boolean {
  try {
    toClusterSpec(context);
    return true;
  } catch {
    return false;
  }
}

import type { PickItem } from '../../../wizard/prompter';
import type { WizardStep } from '../../../wizard/runWizard';
import { connectedClusterRequest, provisionedClusterRequest } from '../bodies';
import { renderHttpDocument } from '../httpDocument';
import { reviewLines } from '../review';
import { toClusterSpec, type CreateClusterContext } from '../wizardContext';

type Action = 'create' | 'show' | 'export' | 'info';

/** 10. Review: what will be created, the two requests exactly as they will be sent, then Create (or only export them). */
export const reviewStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const spec = toClusterSpec(context);
    const document = () => renderHttpDocument([connectedClusterRequest(spec), provisionedClusterRequest(spec)], context.client.endpoint);
    const items: PickItem<Action>[] = [
      { label: '$(rocket) Create', description: 'PUT the connected cluster, then its AKS Arc instance', value: 'create', suggested: true },
      { label: '$(json) Show REST requests', description: 'both requests as an .http document (token elided)', value: 'show' },
      { label: '$(export) Export as .http without creating', value: 'export' },
      ...reviewLines(context).map((line) => ({ label: line.label, description: line.value, value: 'info' as const, inert: true })),
    ];
    for (;;) {
      const action = await prompter.pick({ step, placeholder: `Create AKS Arc cluster "${spec.name}"?`, items });
      if (action === 'show') {
        await prompter.showDocument(document(), 'http');
        continue;
      }
      if (action === 'export') await prompter.showDocument(document(), 'http');
      context.action = action === 'export' ? 'export' : 'create';
      return;
    }
  },
};

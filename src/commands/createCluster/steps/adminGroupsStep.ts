import * as l10n from '@vscode/l10n';
import type { WizardStep } from '../../../wizard/runWizard';
import { validateAdminGroupIds } from '../validators';
import type { CreateClusterContext } from '../wizardContext';

/** 9. Entra admin groups: members of these are cluster-admin; nobody else can use kubectl until RBAC is set up. */
export const adminGroupsStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const value = await prompter.input({
      step,
      prompt: l10n.t('Microsoft Entra admin group object IDs, comma-separated. Without being in one of these groups you cannot use kubectl on the cluster.'),
      value: (context.adminGroupObjectIds ?? context.defaults.adminGroupObjectIds ?? []).join(', '),
      placeholder: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      validate: validateAdminGroupIds,
    });
    context.adminGroupObjectIds = value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
  },
};

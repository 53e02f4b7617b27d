import * as l10n from '@vscode/l10n';
import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

/** 9b. Azure RBAC for Kubernetes authorization, and the tenant it applies to. */
export const azureRbacStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const current = context.enableAzureRbac ?? context.defaults.enableAzureRbac ?? false;
    const tenant = context.tenantId ? l10n.t('tenant {0}', context.tenantId) : l10n.t('your sign-in tenant');
    context.enableAzureRbac = await prompter.pick({
      step,
      placeholder: l10n.t({ message: 'Kubernetes authorization (Microsoft Entra ID, {0})', args: [tenant], comment: ['{0} is "tenant <id>" or "your sign-in tenant".'] }),
      items: [
        { label: l10n.t('Kubernetes RBAC'), detail: l10n.t('Admin groups get cluster-admin; grant others with Kubernetes Role/RoleBindings.'), value: false, suggested: !current },
        { label: l10n.t('Azure RBAC'), detail: l10n.t('Grant access with Azure role assignments on the connected cluster.'), value: true, suggested: current },
      ],
    });
  },
};

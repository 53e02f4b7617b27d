import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

/** 9b. Azure RBAC for Kubernetes authorization, and the tenant it applies to. */
export const azureRbacStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const current = context.enableAzureRbac ?? context.defaults.enableAzureRbac ?? false;
    const tenant = context.tenantId ? `tenant ${context.tenantId}` : 'your sign-in tenant';
    context.enableAzureRbac = await prompter.pick({
      step,
      placeholder: `Kubernetes authorization (Microsoft Entra ID, ${tenant})`,
      items: [
        { label: 'Kubernetes RBAC', detail: 'Admin groups get cluster-admin; grant others with Kubernetes Role/RoleBindings.', value: false, suggested: !current },
        { label: 'Azure RBAC', detail: 'Grant access with Azure role assignments on the connected cluster.', value: true, suggested: current },
      ],
    });
  },
};

import { AKS_ARC_PROVIDERS, registerProviders, unregisteredProviders } from '../../../azure/providers';
import { OperationCancelledError } from '../../../cancellation';
import type { WizardStep } from '../../../wizard/runWizard';
import type { CreateClusterContext } from '../wizardContext';

/**
 * Not a question unless something is missing: the AKS Arc resource providers must be registered in the subscription
 * before anything is created, and registering is the user's decision (it is subscription-wide).
 */
export const providerRegistrationStep: WizardStep<CreateClusterContext> = {
  silent: true,
  shouldPrompt: (context) => context.providersCheckedFor !== context.subscription?.subscriptionId,
  async prompt(context, prompter) {
    const subscription = context.subscription!;
    const missing = await prompter.withProgress('Checking resource providers…', (_report, signal) =>
      unregisteredProviders(context.client, subscription.subscriptionId, AKS_ARC_PROVIDERS, signal),
    );
    if (!missing.length) {
      context.providersCheckedFor = subscription.subscriptionId;
      return;
    }
    const register = 'Register';
    const answer = await prompter.ask(
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not registered in "${subscription.displayName}".`,
      {
        severity: 'warning',
        modal: true,
        detail: 'AKS Arc needs these resource providers. Registering is subscription-wide, needs the Contributor role on the subscription, and takes a few minutes.',
      },
      register,
    );
    if (answer !== register) throw new OperationCancelledError();
    await prompter.withProgress(`Registering ${missing.join(', ')}`, (report, signal) =>
      registerProviders(context.client, subscription.subscriptionId, missing, {
        signal,
        pollMs: context.pollMs,
        onStatus: (pending) => report(`waiting for ${pending.join(', ')}`),
      }),
    );
    context.registeredProviders = missing;
    context.providersCheckedFor = subscription.subscriptionId;
  },
};

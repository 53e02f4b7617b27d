import * as l10n from '@vscode/l10n';
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
    const missing = await prompter.loading(l10n.t('Checking resource providers…'), (signal) =>
      unregisteredProviders(context.client, subscription.subscriptionId, AKS_ARC_PROVIDERS, signal),
    );
    if (!missing.length) {
      context.providersCheckedFor = subscription.subscriptionId;
      return;
    }
    const register = l10n.t('Register');
    const answer = await prompter.ask(
      missing.length === 1
        ? l10n.t({ message: '{0} is not registered in "{1}".', args: [missing.join(', '), subscription.displayName], comment: ['{0} is a resource provider, {1} a subscription.'] })
        : l10n.t({ message: '{0} are not registered in "{1}".', args: [missing.join(', '), subscription.displayName], comment: ['{0} lists resource providers, {1} is a subscription.'] }),
      {
        severity: 'warning',
        modal: true,
        detail: l10n.t('AKS Arc needs these resource providers. Registering is subscription-wide, needs the Contributor role on the subscription, and takes a few minutes.'),
      },
      register,
    );
    if (answer !== register) throw new OperationCancelledError();
    await prompter.withProgress(l10n.t('Registering {0}', missing.join(', ')), (report, signal) =>
      registerProviders(context.client, subscription.subscriptionId, missing, {
        signal,
        pollMs: context.pollMs,
        onStatus: (pending) => report(l10n.t('waiting for {0}', pending.join(', '))),
      }),
    );
    context.registeredProviders = missing;
    context.providersCheckedFor = subscription.subscriptionId;
  },
};

import * as l10n from '@vscode/l10n';
import type { AzureSession } from '../auth/azureSession';
import { OperationCancelledError } from '../cancellation';

/** Sign In (and "Sign in to <tenant>" from the tree, with that tenant's id). */
export async function signIn(session: AzureSession, tenantId?: string): Promise<void> {
  if (session.kind === 'azureCli' && !(await session.isSignedIn())) {
    throw new Error(l10n.t('The Azure CLI is not signed in. Run "{0}" in a terminal, then refresh, or set {1} to "{2}".', 'az login', 'azureLocal.authentication', 'vscode'));
  }
  if (!(await session.signIn(tenantId))) throw new OperationCancelledError();
}

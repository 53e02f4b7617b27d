import type { AzureSession } from '../auth/azureSession';
import { OperationCancelledError } from '../cancellation';

/** Sign In (and "Sign in to <tenant>" from the tree, with that tenant's id). */
export async function signIn(session: AzureSession, tenantId?: string): Promise<void> {
  if (session.kind === 'azureCli' && !(await session.isSignedIn())) {
    throw new Error('The Azure CLI is not signed in. Run "az login" in a terminal, then refresh, or set azureLocal.authentication to "vscode".');
  }
  if (!(await session.signIn(tenantId))) throw new OperationCancelledError();
}

import type { AzureSession } from '../auth/azureSession';
import { OperationCancelledError } from '../cancellation';

export async function signIn(session: AzureSession): Promise<void> {
  if (session.kind === 'azureCli' && !(await session.isSignedIn())) {
    throw new Error('The Azure CLI is not signed in. Run "az login" in a terminal, then refresh, or set azureLocal.authentication to "vscode".');
  }
  if (!(await session.signIn())) throw new OperationCancelledError();
}

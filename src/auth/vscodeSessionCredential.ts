import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { AzureCloud } from './clouds';
import { FALLBACK_LIFETIME_MS, tokenExpiry } from './tokenExpiry';

/** Raised when a token is needed and the user is not signed in to VS Code's Microsoft account. */
export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError';
  constructor() {
    super(vscode.l10n.t('Sign in to Azure to continue (Azure Local: Sign In).'));
  }
}

/**
 * A TokenCredential over VS Code's own Microsoft sign-in, so the user signs in once for all of VS Code.
 * VS Code refreshes the session's token itself; the pipeline caches it until the expiry the token itself states, and
 * asks again after a 401.
 */
export class VSCodeSessionCredential implements TokenCredential {
  constructor(
    private readonly cloud: AzureCloud,
    private readonly tenantId: string | undefined,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const session = await this.getSession(Array.isArray(scopes) ? scopes : [scopes], false, options?.tenantId);
    if (!session) throw new NotSignedInError();
    return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + FALLBACK_LIFETIME_MS };
  }

  /** `createIfNone` shows VS Code's sign-in; otherwise the call is silent. */
  getSession(scopes: string[], createIfNone: boolean, tenantId = this.tenantId): Thenable<vscode.AuthenticationSession | undefined> {
    const allScopes = tenantId ? [...scopes, `VSCODE_TENANT:${tenantId}`] : scopes;
    return createIfNone
      ? vscode.authentication.getSession(this.cloud.authProviderId, allScopes, { createIfNone: true })
      : vscode.authentication.getSession(this.cloud.authProviderId, allScopes, { silent: true });
  }
}

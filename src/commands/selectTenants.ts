import * as l10n from '@vscode/l10n';
import type { AzureSession } from '../auth/azureSession';
import { listTenants } from '../azure/subscriptions';
import { settings } from '../settings';
import type { Prompter } from '../wizard/prompter';

/**
 * "Select Tenants…": the directories the account belongs to (`GET /tenants`); the subscriptions of every checked one
 * are shown together, each request going with its own tenant's token. Only the home tenant checked is the default.
 */
export async function selectTenants(session: AzureSession, prompter: Prompter): Promise<void> {
  const current = new Set(settings.tenants().map((t) => t.toLowerCase()));
  let home: string | undefined;
  const chosen = await prompter.pickMany({
    placeholder: l10n.t('Tenants whose subscriptions the Azure Local view shows'),
    noItemsMessage: l10n.t('No tenants: sign in first.'),
    items: async (signal) =>
      (await listTenants(session.client, signal)).map((t) => {
        if (t.tenantCategory === 'Home') home = t.tenantId;
        return {
          label: t.displayName ?? t.defaultDomain ?? t.tenantId,
          description: `${t.defaultDomain ?? ''} · ${t.tenantId}${t.tenantCategory === 'Home' ? ` · ${l10n.t({ message: 'home', comment: 'The account\'s home tenant' })}` : ''}`,
          value: t.tenantId,
          picked: current.size ? current.has(t.tenantId.toLowerCase()) : t.tenantCategory === 'Home',
        };
      }),
  });
  if (chosen.length === 0) throw new Error(l10n.t('Select at least one tenant (no tenants were changed).'));
  await settings.setTenants(chosen.length === 1 && chosen[0] === home ? [] : chosen);
}

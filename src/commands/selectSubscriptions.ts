import * as l10n from '@vscode/l10n';
import type { AzureSession } from '../auth/azureSession';
import { checkSubscriptions } from '../azure/shapes';
import type { Subscription } from '../azure/models';
import { listTenants } from '../azure/subscriptions';
import { settings } from '../settings';
import type { Prompter } from '../wizard/prompter';

/**
 * "Select Subscriptions…": the subscriptions of every chosen tenant, grouped by tenant (sorted by it, its name on each
 * row), checked as shown now; the choice is remembered in the user's settings.
 */
export async function selectSubscriptions(session: AzureSession, prompter: Prompter): Promise<void> {
  const selected = new Set(settings.selectedSubscriptions().map((id) => id.toLowerCase()));
  let count = 0;
  const chosen = await prompter.pickMany({
    placeholder: l10n.t('Subscriptions to show in the Azure Local view'),
    noItemsMessage: l10n.t('No subscriptions: check your account, or "Select Tenants…".'),
    items: async (signal) => {
      const [all, tenants] = await Promise.all([session.inventory.allSubscriptions(signal), listTenants(session.client, signal).catch(() => [])]);
      const tenantName = new Map(tenants.map((t) => [t.tenantId.toLowerCase(), t.displayName ?? t.defaultDomain ?? t.tenantId]));
      const nameOf = (s: Subscription) => tenantName.get(s.tenantId?.toLowerCase() ?? '') ?? s.tenantId ?? l10n.t('tenant unknown');
      const subscriptions = checkSubscriptions<Subscription>(all).items;
      count = subscriptions.length;
      return subscriptions
        .map((s) => ({ label: s.displayName, description: `${nameOf(s)} · ${s.subscriptionId}`, value: s.subscriptionId, picked: selected.size === 0 || selected.has(s.subscriptionId.toLowerCase()), tenant: nameOf(s) }))
        .sort((a, b) => a.tenant.localeCompare(b.tenant) || a.label.localeCompare(b.label));
    },
  });
  if (chosen.length === 0) throw new Error(l10n.t('Select at least one subscription (no subscriptions were changed).'));
  // Everything picked is stored as "all", so subscriptions added later show up too.
  await settings.setSelectedSubscriptions(chosen.length === count ? [] : chosen);
}

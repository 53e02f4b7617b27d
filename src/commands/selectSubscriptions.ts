import * as vscode from 'vscode';
import type { AzureSession } from '../auth/azureSession';
import { listSubscriptions } from '../azure/subscriptions';
import { abortSignalFor, OperationCancelledError } from '../cancellation';
import { settings } from '../settings';

/** A multi-select of the account's subscriptions; the choice is remembered in the user's settings. */
export async function selectSubscriptions(session: AzureSession): Promise<void> {
  const all = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Listing subscriptions…', cancellable: true },
    (_progress, token) => listSubscriptions(session.client, abortSignalFor(token)),
  );
  const selected = new Set(settings.selectedSubscriptions().map((id) => id.toLowerCase()));
  const items = all
    .map((s) => ({ label: s.displayName, description: s.subscriptionId, picked: selected.size === 0 || selected.has(s.subscriptionId.toLowerCase()), id: s.subscriptionId }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const picks = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Select Subscriptions',
    placeHolder: 'Subscriptions to show in the Azure Local view',
    ignoreFocusOut: true,
  });
  if (!picks) throw new OperationCancelledError();
  if (picks.length === 0) throw new Error('Select at least one subscription (no subscriptions were changed).');
  // Everything picked is stored as "all", so subscriptions added later show up too.
  await settings.setSelectedSubscriptions(picks.length === items.length ? [] : picks.map((p) => p.id));
}

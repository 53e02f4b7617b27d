import * as vscode from 'vscode';
import { ArmError, describeArmError } from './azure/armError';
import { isCancellation } from './cancellation';
import { errorSummary, FailureWithOutcome } from './outcome';
import type { Prompter } from './wizard/prompter';

export { errorSummary, isCancellation };

/**
 * The one place errors are shown: a notification with ARM's code and message, the whole story (details,
 * correlation id) in the output channel, and "Show Details" to open it.
 */
export async function showError(error: unknown, log: vscode.LogOutputChannel, prompter: Prompter, action?: string): Promise<void> {
  if (isCancellation(error)) return;
  const prefix = action ? `${action} failed: ` : '';
  log.error(prefix + describeForLog(error));
  const summary = errorSummary(error);
  const message = action ? vscode.l10n.t({ message: '{0} failed: {1}', args: [action, summary], comment: '{0} is what was being done (e.g. "Create cluster"), {1} the error' }) : summary;
  if (await prompter.showError(message)) log.show(true);
}

function describeForLog(error: unknown): string {
  if (error instanceof FailureWithOutcome) return `${describeForLog(error.failure)}\n${error.outcome}`;
  if (error instanceof ArmError) return describeArmError(error);
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

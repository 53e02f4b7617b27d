import * as vscode from 'vscode';
import { runPrerequisiteChecks, type PrerequisiteReport, type PrerequisiteResult } from '../connect/prerequisites';
import type { ProxyManager } from '../connect/proxyManager';
import { settings } from '../settings';
import { abortSignalFor, OperationCancelledError } from '../cancellation';

/** Connect stops here, naming what is missing and the command that fixes it. */
export class PrerequisitesError extends Error {
  override readonly name = 'PrerequisitesMissing';
  constructor(readonly failures: PrerequisiteResult[]) {
    super(failures.map((f) => `${f.name}: ${f.detail}.${f.fix ? ` Fix: ${f.fix}` : ''}`).join(' '));
  }
}

/** Commands that run az or kubectl refuse to in Restricted Mode: a workspace must not choose what runs. */
export function requireTrustedWorkspace(action: string): void {
  if (!vscode.workspace.isTrusted) {
    throw new Error(`${action} runs az and kubectl, which is not allowed in Restricted Mode. Trust this workspace first (Workspaces: Manage Workspace Trust).`);
  }
}

/** "Check Prerequisites": every check in the output channel, and a message with the first fix when one fails. */
export async function checkPrerequisites(manager: ProxyManager, log: vscode.LogOutputChannel, tenantId: string | undefined): Promise<PrerequisiteReport> {
  requireTrustedWorkspace('Check Prerequisites');
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Checking az, kubectl and proxy ports…', cancellable: true }, async (_progress, token) => {
    const checked = await runPrerequisiteChecks({ azPath: settings.azPath(), kubectlPath: settings.kubectlPath(), tenantId, takenPorts: manager.takenPorts(), signal: abortSignalFor(token) });
    if (token.isCancellationRequested) throw new OperationCancelledError();
    return checked;
  });
  for (const result of report.results) log.info(`${result.ok ? '✓' : '✗'} ${result.name}: ${result.detail}${result.fix ? ` — fix: ${result.fix}` : ''}`);
  const failures = report.results.filter((r) => !r.ok);
  if (failures.length) throw new PrerequisitesError(failures);
  void vscode.window.showInformationMessage(`Ready to connect: ${report.results.map((r) => `${r.name} ${r.detail}`).join('; ')}.`);
  return report;
}

import * as vscode from 'vscode';
import { runPrerequisiteChecks, type PrerequisiteReport, type PrerequisiteResult } from '../connect/prerequisites';
import type { ProxyManager } from '../connect/proxyManager';
import { settings } from '../settings';
import { throwIfCancelled } from '../cancellation';
import type { Prompter } from '../wizard/prompter';

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
export async function checkPrerequisites(manager: ProxyManager, log: vscode.LogOutputChannel, tenantId: string | undefined, prompter: Prompter): Promise<PrerequisiteReport> {
  requireTrustedWorkspace('Check Prerequisites');
  const report = await prompter.withProgress('Checking az, kubectl and proxy ports…', async (_report, signal) => {
    const checked = await runPrerequisiteChecks({ azPath: settings.azPath(), kubectlPath: settings.kubectlPath(), tenantId, takenPorts: manager.takenPorts(), signal });
    throwIfCancelled(signal);
    return checked;
  });
  for (const result of report.results) log.info(`${result.ok ? '✓' : '✗'} ${result.name}: ${result.detail}${result.fix ? ` — fix: ${result.fix}` : ''}`);
  const failures = report.results.filter((r) => !r.ok);
  if (failures.length) throw new PrerequisitesError(failures);
  void prompter.ask(`Ready to connect: ${report.results.map((r) => `${r.name} ${r.detail}`).join('; ')}.`, { severity: 'info' });
  return report;
}

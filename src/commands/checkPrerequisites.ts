import * as l10n from '@vscode/l10n';
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
    super(
      failures
        .map((f) =>
          f.fix
            ? l10n.t({ message: '{0}: {1}. Fix: {2}', args: [f.name, f.detail, f.fix], comment: '{0} is what was checked (Azure CLI, kubectl), {1} what was found, {2} the command or setting that fixes it' })
            : l10n.t({ message: '{0}: {1}.', args: [f.name, f.detail], comment: '{0} is what was checked (Azure CLI, kubectl), {1} what was found' }),
        )
        .join(' '),
    );
  }
}

/** Commands that run az or kubectl refuse to in Restricted Mode: a workspace must not choose what runs. `action` is translated. */
export function requireTrustedWorkspace(action: string): void {
  if (!vscode.workspace.isTrusted) {
    throw new Error(
      l10n.t({
        message: '{0} runs az and kubectl, which is not allowed in Restricted Mode. Trust this workspace first (Workspaces: Manage Workspace Trust).',
        args: [action],
        comment: "{0} is what was refused (Connect, Merging a kubeconfig); the command in parentheses is VS Code's own: use its title in VS Code's translation",
      }),
    );
  }
}

/** "Check Prerequisites": every check in the output channel, and a message with the first fix when one fails. */
export async function checkPrerequisites(manager: ProxyManager, log: vscode.LogOutputChannel, tenantId: string | undefined, prompter: Prompter): Promise<PrerequisiteReport> {
  requireTrustedWorkspace(l10n.t('Check Prerequisites'));
  const report = await prompter.withProgress(l10n.t('Checking az, kubectl and proxy ports…'), async (_report, signal) => {
    const checked = await runPrerequisiteChecks({ azPath: settings.azPath(), kubectlPath: settings.kubectlPath(), tenantId, takenPorts: manager.takenPorts(), signal });
    throwIfCancelled(signal);
    return checked;
  });
  for (const result of report.results) log.info(`${result.ok ? '✓' : '✗'} ${result.name}: ${result.detail}${result.fix ? ` — fix: ${result.fix}` : ''}`);
  const failures = report.results.filter((r) => !r.ok);
  if (failures.length) throw new PrerequisitesError(failures);
  void prompter.ask(l10n.t({ message: 'Ready to connect: {0}.', args: [report.results.map((r) => `${r.name} ${r.detail}`).join('; ')], comment: '{0} lists each check and what it found ("kubectl v1.31.0; …")' }), { severity: 'info' });
  return report;
}

import * as vscode from 'vscode';
import { errorSummary, isCancellation, showError } from '../errors';
import { telemetryErrorCode, type Telemetry } from '../telemetry';
import type { Prompter } from '../wizard/prompter';

export interface CommandContext {
  log: vscode.LogOutputChannel;
  telemetry: Telemetry;
  /** The last errors shown (summaries only), newest last: what the user read, for tests and bug reports. */
  shownErrors: string[];
  /** Where the errors are shown (the tests' scripted prompter while one is set). */
  prompter: () => Prompter;
}

/**
 * Registers a command with the behaviour every command shares: telemetry (name, duration, result, error code) and
 * errors shown by the one error presenter.
 */
export function registerCommand(
  id: string,
  context: CommandContext,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any[]: commands take typed arguments (tree nodes, URIs), and unknown[] would reject those callbacks
  callback: (...args: any[]) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    const started = Date.now();
    try {
      const result = await callback(...args);
      context.telemetry.sendCommandEvent({ command: id, result: 'Succeeded', durationMs: Date.now() - started });
      return result;
    } catch (error) {
      const cancelled = isCancellation(error);
      context.telemetry.sendCommandEvent({
        command: id,
        result: cancelled ? 'Canceled' : 'Failed',
        ...(cancelled ? {} : { errorCode: telemetryErrorCode(error) }),
        durationMs: Date.now() - started,
      });
      if (!cancelled) {
        context.shownErrors.push(errorSummary(error));
        context.shownErrors.splice(0, Math.max(0, context.shownErrors.length - 20));
      }
      // Not awaited: the notification stays up without holding the command (and its callers) open.
      void showError(error, context.log, context.prompter());
      return undefined;
    }
  });
}

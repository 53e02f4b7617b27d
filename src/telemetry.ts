import type { TelemetryReporter } from '@vscode/extension-telemetry';
import type * as vscode from 'vscode';
import { loadLazy } from './lazy/load';

export { telemetryErrorCode } from './telemetryErrorCode';

export type CommandResult = 'Succeeded' | 'Failed' | 'Canceled';

/** The only event this extension sends: which command, how it ended, how long it took, ARM's error code. */
export interface CommandEvent {
  command: string;
  result: CommandResult;
  errorCode?: string;
  durationMs: number;
}

export interface Telemetry {
  sendCommandEvent(event: CommandEvent): void;
}

/**
 * Sends through @vscode/extension-telemetry, which honours VS Code's telemetry setting. No names, ids, paths or
 * messages ever go in: the event has only the fields of CommandEvent, and errorCode is ARM's code or the error type.
 * Without a connection string (development builds) nothing is sent.
 */
export function createTelemetry(connectionString: string | undefined, disposables: vscode.Disposable[]): Telemetry & { readonly events: CommandEvent[] } {
  // The reporter (a third of the code) is loaded with the first event, and only when there is somewhere to send it.
  let reporter: TelemetryReporter | undefined;
  const reporterFor = (connection: string) => {
    if (!reporter) {
      const { TelemetryReporter: Reporter } = loadLazy<typeof import('./lazy/telemetryReporter')>('telemetryReporter');
      reporter = new Reporter(connection);
    }
    return reporter;
  };
  disposables.push({ dispose: () => reporter?.dispose() });
  const events: CommandEvent[] = [];
  return {
    events,
    sendCommandEvent(event) {
      // Kept (bounded) so the extension-host tests can check exactly what would be sent.
      events.push(event);
      if (events.length > 100) events.shift();
      if (!connectionString) return;
      reporterFor(connectionString).sendTelemetryEvent(
        'command',
        { command: event.command, result: event.result, ...(event.errorCode ? { errorCode: event.errorCode } : {}) },
        { durationMs: event.durationMs },
      );
    },
  };
}

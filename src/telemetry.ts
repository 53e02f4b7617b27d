import { TelemetryReporter } from '@vscode/extension-telemetry';
import type * as vscode from 'vscode';
import { FailureWithOutcome } from './outcome';
import { ArmError } from './azure/armError';

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
  const reporter = connectionString ? new TelemetryReporter(connectionString) : undefined;
  if (reporter) disposables.push(reporter);
  const events: CommandEvent[] = [];
  return {
    events,
    sendCommandEvent(event) {
      // Kept (bounded) so the extension-host tests can check exactly what would be sent.
      events.push(event);
      if (events.length > 100) events.shift();
      reporter?.sendTelemetryEvent(
        'command',
        { command: event.command, result: event.result, ...(event.errorCode ? { errorCode: event.errorCode } : {}) },
        { durationMs: event.durationMs },
      );
    },
  };
}

/** What an error code must look like to be sent: a service could put anything (a name, an id, a token) in `code`. */
const SAFE_CODE = /^[A-Za-z][A-Za-z0-9.]{0,80}$/;

/** ARM's code, or the error's type: never its message, which can hold names and ids; `Other` when it is not code-like. */
export function telemetryErrorCode(error: unknown): string {
  if (error instanceof FailureWithOutcome) return telemetryErrorCode(error.failure);
  const code = error instanceof ArmError ? error.code : (error as { name?: unknown } | undefined)?.name || 'Error';
  return typeof code === 'string' && SAFE_CODE.test(code) ? code : 'Other';
}

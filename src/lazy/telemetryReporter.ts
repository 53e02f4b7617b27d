// Loaded by loadLazy('telemetryReporter') on the first event sent with a connection string.
export { TelemetryReporter } from '@vscode/extension-telemetry';

import * as vscode from 'vscode';
import type { CloudSettings, CustomCloudEnvironment } from './auth/clouds';
import { DEFAULT_RELIABILITY, type Reliability } from './azure/reliability';
import { kubeconfigFolder } from './connect/taskDefinition';

export const SECTION = 'azureLocal';

export type AuthenticationMethod = 'vscode' | 'azureCli';

/** Typed access to this extension's settings and to VS Code's sovereign-cloud settings it follows. */
export const settings = {
  cloud(): CloudSettings {
    const sovereign = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
    return {
      sovereignEnvironment: sovereign.get<string>('environment'),
      customEnvironment: sovereign.get<CustomCloudEnvironment>('customEnvironment'),
      resourceManagerEndpointOverride: config().get<string>('resourceManagerEndpoint'),
    };
  },
  authenticationMethod(): AuthenticationMethod {
    return config().get<AuthenticationMethod>('authentication') === 'azureCli' ? 'azureCli' : 'vscode';
  },
  /** "Select Tenants…": the tenants whose subscriptions are shown together; empty: the sign-in's own tenant. */
  tenants(): string[] {
    const value = config().get<unknown>('tenants');
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string' && /^[0-9a-f-]{36}$/i.test(t.trim())).map((t) => t.trim()) : [];
  },
  setTenants(tenantIds: string[]): Thenable<void> {
    return config().update('tenants', tenantIds.length ? tenantIds : undefined, vscode.ConfigurationTarget.Global);
  },
  tenant(): string | undefined {
    return config().get<string>('tenant')?.trim() || undefined;
  },
  setTenant(tenantId: string | undefined): Thenable<void> {
    return config().update('tenant', tenantId, vscode.ConfigurationTarget.Global);
  },
  /** Subscription ids to show; empty means all. */
  selectedSubscriptions(): string[] {
    return config().get<string[]>('subscriptions') ?? [];
  },
  setSelectedSubscriptions(ids: string[]): Thenable<void> {
    return config().update('subscriptions', ids, vscode.ConfigurationTarget.Global);
  },
  /** The Azure CLI to run: a command on PATH or a full path (machine setting: a workspace cannot choose it). */
  azPath(): string {
    return config().get<string>('azPath')?.trim() || 'az';
  },
  kubectlPath(): string {
    return config().get<string>('kubectlPath')?.trim() || 'kubectl';
  },
  /** Where per-cluster kubeconfigs are written: the setting with `~` expanded, or ~/.kube/azure-local. */
  kubeconfigFolder(): string {
    return kubeconfigFolder(config().get<string>('kubeconfigFolder'));
  },
  /** The bounds on waiting that a user may tune; the rest of Reliability keeps its defaults. */
  reliability(): Partial<Reliability> {
    const positive = (key: string, scale: number, fallback: number) => {
      const value = config().get<number>(key);
      return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value * scale : fallback;
    };
    return {
      requestTimeoutMs: positive('requestTimeoutSeconds', 1000, DEFAULT_RELIABILITY.requestTimeoutMs),
      operationDeadlineMs: positive('operationTimeoutMinutes', 60_000, DEFAULT_RELIABILITY.operationDeadlineMs),
      pollFailureWindowMs: positive('pollFailureWindowMinutes', 60_000, DEFAULT_RELIABILITY.pollFailureWindowMs),
      settleWindowMs: positive('settleWindowSeconds', 1000, DEFAULT_RELIABILITY.settleWindowMs),
      maxPages: Math.floor(positive('maxPages', 1, DEFAULT_RELIABILITY.maxPages)),
    };
  },
  /** True when a change to these settings changes which cloud, credential, bounds or subscriptions are used. */
  affectsSession(event: vscode.ConfigurationChangeEvent): boolean {
    return (
      RELIABILITY_SETTINGS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`)) ||
      event.affectsConfiguration(`${SECTION}.resourceManagerEndpoint`) ||
      event.affectsConfiguration(`${SECTION}.authentication`) ||
      event.affectsConfiguration(`${SECTION}.tenant`) ||
      event.affectsConfiguration(`${SECTION}.tenants`) ||
      event.affectsConfiguration('microsoft-sovereign-cloud')
    );
  },
  affectsSubscriptions(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration(`${SECTION}.subscriptions`);
  },
};

const RELIABILITY_SETTINGS = ['requestTimeoutSeconds', 'operationTimeoutMinutes', 'pollFailureWindowMinutes', 'settleWindowSeconds', 'maxPages'];

function config() {
  return vscode.workspace.getConfiguration(SECTION);
}

import * as vscode from 'vscode';
import type { CloudSettings, CustomCloudEnvironment } from './auth/clouds';
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
  /** True when a change to these settings changes which cloud, credential or subscriptions are used. */
  affectsSession(event: vscode.ConfigurationChangeEvent): boolean {
    return (
      event.affectsConfiguration(`${SECTION}.resourceManagerEndpoint`) ||
      event.affectsConfiguration(`${SECTION}.authentication`) ||
      event.affectsConfiguration(`${SECTION}.tenant`) ||
      event.affectsConfiguration('microsoft-sovereign-cloud')
    );
  },
  affectsSubscriptions(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration(`${SECTION}.subscriptions`);
  },
};

function config() {
  return vscode.workspace.getConfiguration(SECTION);
}

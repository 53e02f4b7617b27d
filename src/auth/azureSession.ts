import { Inventory } from '../azure/inventory';
import { TenantDirectory } from '../azure/tenants';
import { filterSubscriptions } from '../azure/subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import type { AzureCliCredential } from '@azure/identity';
import { loadLazy } from '../lazy/load';
import * as vscode from 'vscode';
import { createArmClient, type ArmClient, type ArmRequestLogEntry } from '../azure/armClient';
import type { Clock } from '../azure/clock';
import type { Reliability } from '../azure/reliability';
import { settings } from '../settings';
import { resolveCloud, resourceManagerScope, type AzureCloud } from './clouds';
import { isLoopbackEndpoint } from './loopback';
import { VSCodeSessionCredential } from './vscodeSessionCredential';

export type SessionKind = 'emulator' | 'vscode' | 'azureCli';

/**
 * Who the user is, on which cloud, and the ARM client that goes with it. Everything that talks to Azure asks this
 * for a client; a change of sign-in, cloud or credential setting fires `onDidChange` and yields a new client.
 */
export class AzureSession implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private cached?: { cloud: AzureCloud; kind: SessionKind; client: ArmClient; credential?: TokenCredential };
  /** Each subscription's tenant, learned from the lists: the one pipeline picks each request's token by it. */
  readonly tenants = new TenantDirectory();
  /** What this account shows, read once and shared (tree, pickers, tasks); forgotten when who or where changes. */
  readonly inventory = new Inventory(() => this.client, {
    select: (all) => filterSubscriptions(all, settings.selectedSubscriptions()),
    tenants: () => settings.tenants(),
    directory: this.tenants,
  });
  /** Extension-host tests shorten the waits (settled-state spacing, poll floor) without waiting for them. */
  private overrides?: { reliability?: Partial<Reliability>; clock?: Clock };

  constructor(
    private readonly userAgent: string,
    private readonly log: (entry: ArmRequestLogEntry) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (settings.affectsSession(event)) this.reset();
      }),
      vscode.authentication.onDidChangeSessions((event) => {
        if (event.provider.id === this.current().cloud.authProviderId) this.reset();
      }),
    );
  }

  get cloud(): AzureCloud {
    return this.current().cloud;
  }

  get kind(): SessionKind {
    return this.current().kind;
  }

  get client(): ArmClient {
    return this.current().client;
  }

  get tenantId(): string | undefined {
    return settings.tenant();
  }

  /** For extension-host tests only; a new client is made on the next use. */
  setOverrides(overrides: { reliability?: Partial<Reliability>; clock?: Clock } | undefined): void {
    this.overrides = overrides;
    this.cached = undefined;
  }

  /** Signed in without prompting: the emulator always, the Azure CLI when it can give a token, VS Code silently. */
  async isSignedIn(): Promise<boolean> {
    const { kind, cloud, credential } = this.current();
    if (kind === 'emulator' || !credential) return true;
    if (credential instanceof VSCodeSessionCredential) return !!(await credential.getSession([resourceManagerScope(cloud)], false));
    try {
      await credential.getToken(resourceManagerScope(cloud));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Shows VS Code's Microsoft sign-in (Allow/Cancel, then the browser), to one tenant when given (a VS Code session per
   * tenant, scope VSCODE_TENANT:<id>). Resolves false when the user cancels.
   */
  async signIn(tenantId?: string): Promise<boolean> {
    const { cloud, credential } = this.current();
    if (!(credential instanceof VSCodeSessionCredential)) return this.isSignedIn();
    const session = await credential.getSession([resourceManagerScope(cloud)], true, tenantId);
    this.reset();
    return !!session;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private reset(): void {
    this.cached = undefined;
    this.inventory.invalidate();
    this.changeEmitter.fire();
  }

  private current() {
    if (!this.cached) {
      const cloud = resolveCloud(settings.cloud());
      const kind: SessionKind = isLoopbackEndpoint(cloud.resourceManagerEndpoint)
        ? 'emulator'
        : settings.authenticationMethod() === 'azureCli'
          ? 'azureCli'
          : 'vscode';
      // The emulator takes its development token: no credential is asked for, none is sent anywhere.
      const credential: TokenCredential | undefined =
        kind === 'emulator'
          ? undefined
          : kind === 'azureCli'
            ? lazyAzureCliCredential(settings.tenant())
            : new VSCodeSessionCredential(cloud, settings.tenant());
      const client = createArmClient({
        cloud,
        credential,
        userAgent: this.userAgent,
        log: this.log,
        reliability: { ...settings.reliability(), ...this.overrides?.reliability },
        clock: this.overrides?.clock,
        tenants: this.tenants,
      });
      this.cached = { cloud, kind, client, credential };
    }
    return this.cached;
  }
}

/** The Azure CLI credential, loaded (with @azure/identity and MSAL) on the first token asked of it. */
function lazyAzureCliCredential(tenantId: string | undefined): TokenCredential {
  let credential: AzureCliCredential | undefined;
  return {
    getToken: (scopes, options) => {
      credential ??= new (loadLazy<typeof import('../lazy/azureCliCredential')>('azureCliCredential').AzureCliCredential)({ tenantId });
      return credential.getToken(scopes, options);
    },
  };
}

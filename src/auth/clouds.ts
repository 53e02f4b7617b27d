import * as l10n from '@vscode/l10n';

/** What the extension needs to know about an Azure cloud. */
export interface AzureCloud {
  name: string;
  /** Where Resource Manager requests go. */
  resourceManagerEndpoint: string;
  /** The token audience for Resource Manager; the scope asked for is `${audience}/.default`. */
  resourceManagerAudience: string;
  portalUrl: string;
  /** VS Code's authentication provider for this cloud. */
  authProviderId: 'microsoft' | 'microsoft-sovereign-cloud';
}

export const AZURE_PUBLIC_CLOUD: AzureCloud = {
  name: 'AzureCloud',
  resourceManagerEndpoint: 'https://management.azure.com',
  resourceManagerAudience: 'https://management.core.windows.net/',
  portalUrl: 'https://portal.azure.com',
  authProviderId: 'microsoft',
};

const SOVEREIGN_CLOUDS: Record<string, AzureCloud> = {
  ChinaCloud: {
    name: 'AzureChinaCloud',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    resourceManagerAudience: 'https://management.core.chinacloudapi.cn/',
    portalUrl: 'https://portal.azure.cn',
    authProviderId: 'microsoft-sovereign-cloud',
  },
  USGovernment: {
    name: 'AzureUSGovernment',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    resourceManagerAudience: 'https://management.core.usgovcloudapi.net/',
    portalUrl: 'https://portal.azure.us',
    authProviderId: 'microsoft-sovereign-cloud',
  },
};

/** VS Code's `microsoft-sovereign-cloud.customEnvironment` setting (the fields this extension reads). */
export interface CustomCloudEnvironment {
  name?: string;
  portalUrl?: string;
  resourceManagerEndpointUrl?: string;
  activeDirectoryResourceId?: string;
}

export interface CloudSettings {
  /** VS Code's `microsoft-sovereign-cloud.environment`: "ChinaCloud", "USGovernment", "custom" or empty. */
  sovereignEnvironment?: string;
  customEnvironment?: CustomCloudEnvironment;
  /** This extension's `azureLocal.resourceManagerEndpoint` override. */
  resourceManagerEndpointOverride?: string;
}

/**
 * Picks the cloud from VS Code's own sovereign-cloud settings (so signing in and ARM agree), then applies this
 * extension's endpoint override, which is how the emulator or an Azure Stack Hub-style endpoint is reached.
 */
export function resolveCloud(settings: CloudSettings): AzureCloud {
  let cloud = AZURE_PUBLIC_CLOUD;
  const env = settings.sovereignEnvironment?.trim();
  if (env && SOVEREIGN_CLOUDS[env]) cloud = SOVEREIGN_CLOUDS[env];
  else if (env === 'custom' && settings.customEnvironment?.resourceManagerEndpointUrl) {
    const custom = settings.customEnvironment;
    const endpoint = trimSlash(custom.resourceManagerEndpointUrl!);
    cloud = {
      name: custom.name || 'Custom',
      resourceManagerEndpoint: endpoint,
      resourceManagerAudience: custom.activeDirectoryResourceId || endpoint + '/',
      portalUrl: trimSlash(custom.portalUrl || AZURE_PUBLIC_CLOUD.portalUrl),
      authProviderId: 'microsoft-sovereign-cloud',
    };
  }
  const override = settings.resourceManagerEndpointOverride?.trim();
  if (override) {
    const url = new URL(override); // throws a clear "Invalid URL" for a bad setting
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(l10n.t('{0} must be an http(s) URL, not "{1}".', 'azureLocal.resourceManagerEndpoint', override));
    }
    cloud = { ...cloud, resourceManagerEndpoint: trimSlash(override) };
  }
  return cloud;
}

/**
 * The scope to ask for a Resource Manager token: `{audience}/.default`. The audience's own trailing slash stays, so
 * the public cloud's is `https://management.core.windows.net//.default`, as MSAL documents for such resources.
 */
export function resourceManagerScope(cloud: AzureCloud): string {
  return `${cloud.resourceManagerAudience}/.default`;
}

/** A portal link to a resource, on the cloud's own portal. */
export function portalUrlForResource(cloud: AzureCloud, resourceId: string, tenantId?: string): string {
  const tenant = tenantId ? `@${encodeURIComponent(tenantId)}/` : '';
  return `${cloud.portalUrl}/#${tenant}resource${resourceId}`;
}

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
}

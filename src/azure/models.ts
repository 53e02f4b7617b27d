/** Resource shapes as the 2021-08-15 / 2024-01-01 swaggers define them (only the fields this extension reads). */

export interface Subscription {
  id: string;
  subscriptionId: string;
  displayName: string;
  tenantId?: string;
  state?: string;
}

export interface TrackedResource {
  id: string;
  name: string;
  type: string;
  location: string;
  tags?: Record<string, string>;
}

export interface ExtendedLocation {
  name?: string;
  type?: 'CustomLocation' | string;
}

export interface CustomLocation extends TrackedResource {
  properties?: {
    hostResourceId?: string;
    namespace?: string;
    displayName?: string;
    hostType?: string;
    clusterExtensionIds?: string[];
    provisioningState?: string;
  };
}

export interface IPPool {
  name?: string;
  ipPoolType?: 'vm' | 'vippool';
  start?: string;
  end?: string;
}

export interface LogicalNetworkSubnet {
  name?: string;
  properties?: {
    addressPrefix?: string;
    addressPrefixes?: string[];
    ipAllocationMethod?: 'Dynamic' | 'Static';
    ipPools?: IPPool[];
    vlan?: number;
    routeTable?: { properties?: { routes?: { name?: string; properties?: { addressPrefix?: string; nextHopIpAddress?: string } }[] } };
  };
}

export interface LogicalNetwork extends TrackedResource {
  extendedLocation?: ExtendedLocation;
  properties?: {
    dhcpOptions?: { dnsServers?: string[] };
    subnets?: LogicalNetworkSubnet[];
    vmSwitchName?: string;
    provisioningState?: string;
    status?: { errorCode?: string; errorMessage?: string };
  };
}

export interface ConnectedCluster extends TrackedResource {
  kind?: 'ProvisionedCluster' | string;
  properties?: {
    provisioningState?: string;
    connectivityStatus?: 'Connecting' | 'Connected' | 'Offline' | 'Expired' | string;
    kubernetesVersion?: string;
    totalNodeCount?: number;
    distribution?: string;
    lastConnectivityTime?: string;
  };
}

export interface AgentPoolProfile {
  name?: string;
  count?: number;
  vmSize?: string;
  osType?: 'Linux' | 'Windows';
  osSKU?: string;
  enableAutoScaling?: boolean;
  minCount?: number;
  maxCount?: number;
}

export interface ProvisionedClusterInstance {
  id: string;
  name: string;
  type: string;
  extendedLocation?: ExtendedLocation;
  properties?: {
    provisioningState?: string;
    kubernetesVersion?: string;
    controlPlane?: { count?: number; vmSize?: string; controlPlaneEndpoint?: { hostIP?: string } };
    agentPoolProfiles?: AgentPoolProfile[];
    cloudProviderProfile?: { infraNetworkProfile?: { vnetSubnetIds?: string[] } };
    networkProfile?: { networkPolicy?: string; podCidr?: string };
    status?: { currentState?: string; errorMessage?: string };
  };
}

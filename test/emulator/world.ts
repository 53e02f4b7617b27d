/** State store of the ARM emulator plus the seeded demo world. All ids are matched case-insensitively. */

export type WorldKind = 'demo' | 'empty';

export interface ArmResource {
  id: string;
  name: string;
  type: string;
  [key: string]: unknown;
}

export interface SubscriptionRecord {
  id: string;
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  subscriptionPolicies: { locationPlacementId: string; quotaId: string; spendingLimit: 'On' | 'Off' | 'CurrentPeriodOff' };
  authorizationSource: string;
}

export interface ResourceGroupRecord {
  id: string;
  name: string;
  type: 'Microsoft.Resources/resourceGroups';
  location: string;
  tags?: Record<string, string>;
  properties: { provisioningState: string };
}

export interface ProviderState {
  namespace: string;
  registrationState: 'Registered' | 'NotRegistered' | 'Registering' | 'Unregistering';
  /** GETs left while Registering before the state becomes Registered. */
  pendingPolls: number;
}

export const TYPES = {
  customLocation: 'Microsoft.ExtendedLocation/customLocations',
  logicalNetwork: 'Microsoft.AzureStackHCI/logicalNetworks',
  connectedCluster: 'Microsoft.Kubernetes/connectedClusters',
  provisionedCluster: 'Microsoft.HybridContainerService/provisionedClusterInstances',
  kubernetesVersions: 'Microsoft.HybridContainerService/kubernetesVersions',
  vmSkus: 'Microsoft.HybridContainerService/skus',
} as const;

/** Namespaces the emulator knows (GET/register providers). */
export const KNOWN_PROVIDERS = [
  'Microsoft.Resources',
  'Microsoft.ExtendedLocation',
  'Microsoft.AzureStackHCI',
  'Microsoft.Kubernetes',
  'Microsoft.KubernetesConfiguration',
  'Microsoft.HybridContainerService',
  'Microsoft.HybridCompute',
  'Microsoft.ResourceConnector',
];

const TENANT_ID = '6b1f3c2a-9d4e-4f7a-8c5b-2e0d1a9f7c31';
/** A second directory the demo user is a guest in: its subscription is shown only when that tenant is selected. */
const TENANT_FABRIKAM = 'a4c2e8f0-1b3d-4e5f-8a9b-0c1d2e3f4a5b';
const SUB_FABRIKAM = 'c7e1a2b3-4d5e-4f6a-9b8c-7d6e5f4a3b21';
const SUB_PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const SUB_DEV = '9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f02';
const LOCATION = 'eastus';
const CREATED_AT = '2025-03-04T17:21:09.000Z';

const rgId = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;
const clId = (sub: string, rg: string, name: string) => `${rgId(sub, rg)}/providers/Microsoft.ExtendedLocation/customLocations/${name}`;
const lnetId = (sub: string, rg: string, name: string) => `${rgId(sub, rg)}/providers/Microsoft.AzureStackHCI/logicalNetworks/${name}`;
const ccId = (sub: string, rg: string, name: string) => `${rgId(sub, rg)}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;

/** Stable identifiers of the demo world, for tests and documentation. */
export const DEMO = {
  tenantId: TENANT_ID,
  location: LOCATION,
  subscriptions: {
    production: { id: SUB_PROD, displayName: 'Contoso Edge Production' },
    devTest: { id: SUB_DEV, displayName: 'Contoso Edge Dev/Test' },
    /** In the Fabrikam tenant: listed, and readable, only with a Fabrikam token. */
    fabrikam: { id: SUB_FABRIKAM, displayName: 'Fabrikam Retail Edge', tenantId: TENANT_FABRIKAM },
  },
  tenants: { home: TENANT_ID, fabrikam: TENANT_FABRIKAM },
  resourceGroups: {
    seattle: rgId(SUB_PROD, 'rg-hci-seattle'),
    redmond: rgId(SUB_PROD, 'rg-hci-redmond'),
    devLab: rgId(SUB_DEV, 'rg-hci-devlab'),
  },
  customLocations: {
    seattle: clId(SUB_PROD, 'rg-hci-seattle', 'seattle-hci'),
    redmond: clId(SUB_PROD, 'rg-hci-redmond', 'redmond-hci'),
    devLab: clId(SUB_DEV, 'rg-hci-devlab', 'dev-lab'),
  },
  logicalNetworks: {
    seattleProd: lnetId(SUB_PROD, 'rg-hci-seattle', 'lnet-seattle-prod'),
    seattleMgmt: lnetId(SUB_PROD, 'rg-hci-seattle', 'lnet-seattle-mgmt'),
    redmondProd: lnetId(SUB_PROD, 'rg-hci-redmond', 'lnet-redmond-prod'),
    redmondDhcp: lnetId(SUB_PROD, 'rg-hci-redmond', 'lnet-redmond-dhcp'),
    devLab: lnetId(SUB_DEV, 'rg-hci-devlab', 'lnet-devlab'),
  },
  connectedClusters: {
    /** Succeeded, Connected. */
    seattleProd: ccId(SUB_PROD, 'rg-hci-seattle', 'aks-seattle-prod01'),
    /** Failed, Offline, with status.errorMessage on its provisioned cluster instance. */
    redmondFailed: ccId(SUB_PROD, 'rg-hci-redmond', 'aks-redmond-test02'),
  },
} as const;

function systemData(): Record<string, string> {
  return {
    createdBy: 'admin@contoso.com',
    createdByType: 'User',
    createdAt: CREATED_AT,
    lastModifiedBy: 'admin@contoso.com',
    lastModifiedByType: 'User',
    lastModifiedAt: CREATED_AT,
  };
}

/** A tiny kubeconfig for a cluster, base64-encoded as the kubeconfig APIs return it. */
export function kubeconfigBase64(clusterName: string, user: string): string {
  const yaml = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${clusterName}`,
    '  cluster:',
    '    server: https://10.20.0.10:6443',
    '    certificate-authority-data: RU1VTEFUT1ItQ0EtREFUQQ==',
    'contexts:',
    `- name: ${clusterName}-${user}`,
    '  context:',
    `    cluster: ${clusterName}`,
    `    user: ${user}`,
    `current-context: ${clusterName}-${user}`,
    'users:',
    `- name: ${user}`,
    '  user:',
    '    token: emulator-token-not-a-secret',
    '',
  ].join('\n');
  return Buffer.from(yaml, 'utf8').toString('base64');
}

export function defaultKubernetesVersionValues(): unknown[] {
  const linux = (ready = true) => ({ osType: 'Linux', osSku: 'CBLMariner', ready });
  return [
    {
      version: '1.28',
      isPreview: false,
      patchVersions: {
        '1.28.9': { readiness: [linux(), { osType: 'Windows', osSku: 'Windows2019', ready: true }, { osType: 'Windows', osSku: 'Windows2022', ready: true }], upgrades: ['1.29.4'] },
      },
    },
    {
      version: '1.29',
      isPreview: false,
      patchVersions: {
        '1.29.2': { readiness: [linux(), { osType: 'Windows', osSku: 'Windows2022', ready: true }], upgrades: ['1.29.4', '1.30.4'] },
        '1.29.4': { readiness: [linux(), { osType: 'Windows', osSku: 'Windows2019', ready: true }, { osType: 'Windows', osSku: 'Windows2022', ready: true }], upgrades: ['1.30.4'] },
      },
    },
    {
      version: '1.30',
      isPreview: true,
      patchVersions: {
        '1.30.4': {
          readiness: [
            linux(),
            { osType: 'Windows', osSku: 'Windows2022', ready: false, errorMessage: 'The Windows2022 image for Kubernetes 1.30.4 is still downloading on the Azure Local cluster.' },
          ],
          upgrades: [],
        },
      },
    },
  ];
}

export function defaultVmSkuValues(): unknown[] {
  // Shaped like Microsoft's GetVmSkus.json example (hybridaks 2024-01-01): capabilities vCpu and MemoryMb as strings.
  const sku = (name: string, vcpus: number, memoryGB: number) => ({
    resourceType: 'VirtualMachines',
    name,
    tier: 'Standard',
    size: name.replace(/^Standard_/, ''),
    capabilities: [
      { name: 'vCpu', value: String(vcpus) },
      { name: 'MemoryMb', value: String(memoryGB * 1024) },
    ],
  });
  return [
    sku('Standard_A2_v2', 2, 4),
    sku('Standard_A4_v2', 4, 8),
    sku('Standard_D4s_v3', 4, 16),
    sku('Standard_D8s_v3', 8, 32),
    sku('Standard_K8S3_v1', 4, 6),
  ];
}

export interface TenantRecord {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
}

export class World {
  /** The home tenant: the development token's, and new subscriptions'. */
  tenantId = TENANT_ID;
  tenants: TenantRecord[] = [];
  subscriptions: SubscriptionRecord[] = [];
  /** Keyed by lower-cased resource group id. */
  resourceGroups = new Map<string, ResourceGroupRecord>();
  /** Keyed by lower-cased resource id; insertion order is list order. */
  resources = new Map<string, ArmResource>();
  /** Keyed by `${subscriptionId}/${namespace}` lower-cased. */
  providers = new Map<string, ProviderState>();
  /** Lower-cased ids of resources whose DELETE is in progress. */
  deleting = new Set<string>();
  /** When each resource was created (seeded ones: never set), and what was removed when: Resource Graph's lag. */
  createdAt = new Map<string, number>();
  recentlyRemoved = new Map<string, { resource: ArmResource; at: number }>();

  constructor(public kind: WorldKind = 'demo') {
    this.reset(kind);
  }

  reset(kind: WorldKind = this.kind): void {
    this.kind = kind;
    this.subscriptions = [];
    this.tenants = [{ tenantId: TENANT_ID, displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com' }];
    this.resourceGroups.clear();
    this.resources.clear();
    this.providers.clear();
    this.deleting.clear();
    if (kind === 'demo') seedDemo(this);
    this.createdAt.clear();
    this.recentlyRemoved.clear();
  }

  // ---- subscriptions, resource groups, providers

  addSubscription(subscriptionId: string, displayName: string, tenantId = this.tenantId): SubscriptionRecord {
    const sub: SubscriptionRecord = {
      id: `/subscriptions/${subscriptionId}`,
      subscriptionId,
      displayName,
      tenantId,
      state: 'Enabled',
      subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'EnterpriseAgreement_2014-09-01', spendingLimit: 'Off' },
      authorizationSource: 'RoleBased',
    };
    this.subscriptions.push(sub);
    for (const ns of KNOWN_PROVIDERS) this.setProvider(subscriptionId, ns, 'Registered');
    return sub;
  }

  getSubscription(subscriptionId: string): SubscriptionRecord | undefined {
    return this.subscriptions.find((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
  }

  putResourceGroup(subscriptionId: string, name: string, location: string, tags?: Record<string, string>): ResourceGroupRecord {
    const existing = this.getResourceGroup(subscriptionId, name);
    const sub = this.getSubscription(subscriptionId);
    const rg: ResourceGroupRecord = {
      id: rgId(sub?.subscriptionId ?? subscriptionId, existing?.name ?? name),
      name: existing?.name ?? name,
      type: 'Microsoft.Resources/resourceGroups',
      location: existing?.location ?? location,
      properties: { provisioningState: 'Succeeded' },
    };
    if (tags) rg.tags = tags;
    this.resourceGroups.set(rg.id.toLowerCase(), rg);
    return rg;
  }

  getResourceGroup(subscriptionId: string, name: string): ResourceGroupRecord | undefined {
    return this.resourceGroups.get(rgId(subscriptionId, name).toLowerCase());
  }

  listResourceGroups(subscriptionId: string): ResourceGroupRecord[] {
    const prefix = `/subscriptions/${subscriptionId}/`.toLowerCase();
    return [...this.resourceGroups.values()].filter((rg) => rg.id.toLowerCase().startsWith(prefix));
  }

  setProvider(subscriptionId: string, namespace: string, state: ProviderState['registrationState'], pendingPolls = 0): void {
    this.providers.set(`${subscriptionId}/${namespace}`.toLowerCase(), { namespace, registrationState: state, pendingPolls });
  }

  getProvider(subscriptionId: string, namespace: string): ProviderState | undefined {
    return this.providers.get(`${subscriptionId}/${namespace}`.toLowerCase());
  }

  // ---- resources

  get(id: string): ArmResource | undefined {
    return this.resources.get(id.toLowerCase());
  }

  put(resource: ArmResource): ArmResource {
    const key = resource.id.toLowerCase();
    if (!this.resources.has(key)) {
      this.createdAt.set(key, Date.now());
      this.recentlyRemoved.delete(key);
    }
    this.resources.set(key, resource);
    return resource;
  }

  /** Removes a resource and every resource nested under its id (extension resources included). */
  remove(id: string): void {
    const key = id.toLowerCase();
    for (const k of [...this.resources.keys()]) {
      if (k === key || k.startsWith(`${key}/`)) {
        this.recentlyRemoved.set(k, { resource: this.resources.get(k)!, at: Date.now() });
        this.createdAt.delete(k);
        this.resources.delete(k);
      }
    }
    this.deleting.delete(key);
  }

  /** Resources of `type` whose id starts with `scope` (a subscription, resource group or parent id). */
  list(type: string, scope: string): ArmResource[] {
    const prefix = `${scope.toLowerCase().replace(/\/+$/, '')}/`;
    const t = type.toLowerCase();
    return [...this.resources.values()].filter((r) => r.type.toLowerCase() === t && r.id.toLowerCase().startsWith(prefix));
  }
}

// ---------------------------------------------------------------- demo world

interface LnetSeed {
  sub: string;
  rg: string;
  name: string;
  customLocationName: string;
  prefix: string;
  vlan: number;
  method: 'Static' | 'Dynamic';
  switchName: string;
  gateway: string;
  dns: string[];
  vmPool?: [string, string];
  vipPool?: [string, string];
}

export function logicalNetwork(seed: LnetSeed): ArmResource {
  const subnetProps: Record<string, unknown> = {
    addressPrefix: seed.prefix,
    ipAllocationMethod: seed.method,
    vlan: seed.vlan,
    routeTable: {
      properties: { routes: [{ name: 'default-route', properties: { addressPrefix: '0.0.0.0/0', nextHopIpAddress: seed.gateway } }] },
    },
  };
  const pools: unknown[] = [];
  if (seed.vmPool) pools.push({ name: `${seed.name}-vm-pool`, ipPoolType: 'vm', start: seed.vmPool[0], end: seed.vmPool[1] });
  if (seed.vipPool) pools.push({ name: `${seed.name}-vip-pool`, ipPoolType: 'vippool', start: seed.vipPool[0], end: seed.vipPool[1] });
  if (pools.length) subnetProps.ipPools = pools;
  return {
    id: lnetId(seed.sub, seed.rg, seed.name),
    name: seed.name,
    type: TYPES.logicalNetwork,
    location: LOCATION,
    tags: { environment: seed.sub === SUB_PROD ? 'production' : 'dev' },
    extendedLocation: { type: 'CustomLocation', name: clId(seed.sub, seed.rg, seed.customLocationName) },
    properties: {
      dhcpOptions: { dnsServers: seed.dns },
      subnets: [{ name: `${seed.name}-subnet`, properties: subnetProps }],
      vmSwitchName: seed.switchName,
      provisioningState: 'Succeeded',
      status: { provisioningStatus: { status: 'Succeeded' } },
    },
    systemData: systemData(),
  };
}

export function customLocation(sub: string, rg: string, name: string, displayName: string, bridge: string): ArmResource {
  return {
    id: clId(sub, rg, name),
    name,
    type: TYPES.customLocation,
    location: LOCATION,
    tags: {},
    identity: { type: 'SystemAssigned', principalId: 'c1a2b3d4-0000-4000-8000-0000000000' + (name.length + 10), tenantId: TENANT_ID },
    properties: {
      hostResourceId: `${rgId(sub, rg)}/providers/Microsoft.ResourceConnector/appliances/${bridge}`,
      namespace: `${name}-ns`,
      displayName,
      hostType: 'Kubernetes',
      // As in Microsoft's CustomLocationsGet example.
      authentication: { type: 'KubeConfig' },
      clusterExtensionIds: [`${rgId(sub, rg)}/providers/Microsoft.ResourceConnector/appliances/${bridge}/providers/Microsoft.KubernetesConfiguration/extensions/hybridaksextension`],
      provisioningState: 'Succeeded',
    },
    systemData: systemData(),
  };
}

export function connectedClusterResource(
  id: string,
  location: string,
  props: Record<string, unknown>,
  extra: { tags?: Record<string, string>; kind?: string; identityType?: string } = {},
): ArmResource {
  const name = id.split('/').pop() as string;
  const resource: ArmResource = {
    id,
    name,
    type: TYPES.connectedCluster,
    location,
    tags: extra.tags ?? {},
    identity: extra.identityType === 'None'
      ? { type: 'None' }
      : { type: 'SystemAssigned', principalId: 'd3f0c6b2-7a51-4c8e-9b1d-5e2f4a6c8d10', tenantId: TENANT_ID },
    properties: props,
    systemData: systemData(),
  };
  if (extra.kind) resource.kind = extra.kind;
  return resource;
}

/** A custom location's `kubernetesVersions/default` or `skus/default` (same shape, different type and values). */
function catalogResource(type: string, customLocationId: string, state: string, values: unknown[] | undefined): ArmResource {
  const props: Record<string, unknown> = { provisioningState: state };
  if (values) props.values = values;
  return {
    id: `${customLocationId}/providers/${type}/default`,
    name: 'default',
    type,
    extendedLocation: { type: 'CustomLocation', name: customLocationId },
    properties: props,
    systemData: systemData(),
  };
}

export function kubernetesVersionsResource(customLocationId: string, state: string, values: unknown[] | undefined): ArmResource {
  return catalogResource(TYPES.kubernetesVersions, customLocationId, state, values);
}

export function vmSkusResource(customLocationId: string, state: string, values: unknown[] | undefined): ArmResource {
  return catalogResource(TYPES.vmSkus, customLocationId, state, values);
}

function seedDemo(world: World): void {
  world.addSubscription(SUB_PROD, 'Contoso Edge Production');
  world.addSubscription(SUB_DEV, 'Contoso Edge Dev/Test');
  world.tenants.push({ tenantId: TENANT_FABRIKAM, displayName: 'Fabrikam', defaultDomain: 'fabrikam.onmicrosoft.com' });
  world.addSubscription(SUB_FABRIKAM, 'Fabrikam Retail Edge', TENANT_FABRIKAM);
  world.putResourceGroup(SUB_FABRIKAM, 'rg-stores', LOCATION);
  world.put(customLocation(SUB_FABRIKAM, 'rg-stores', 'store-0042', 'Store 0042', 'store-0042-arcbridge'));
  // Dev/Test has not registered the AKS Arc provider yet (exercises the register flow).
  world.setProvider(SUB_DEV, 'Microsoft.HybridContainerService', 'NotRegistered');

  world.putResourceGroup(SUB_PROD, 'rg-hci-seattle', LOCATION, { site: 'seattle' });
  world.putResourceGroup(SUB_PROD, 'rg-hci-redmond', LOCATION, { site: 'redmond' });
  world.putResourceGroup(SUB_PROD, 'rg-aks-workloads', LOCATION);
  world.putResourceGroup(SUB_DEV, 'rg-hci-devlab', LOCATION, { site: 'lab' });
  world.putResourceGroup(SUB_DEV, 'rg-sandbox', 'westeurope');

  world.put(customLocation(SUB_PROD, 'rg-hci-seattle', 'seattle-hci', 'Seattle Azure Local', 'seattle-hci-arcbridge'));
  world.put(customLocation(SUB_PROD, 'rg-hci-redmond', 'redmond-hci', 'Redmond Azure Local', 'redmond-hci-arcbridge'));
  world.put(customLocation(SUB_DEV, 'rg-hci-devlab', 'dev-lab', 'Dev Lab', 'devlab-arcbridge'));

  world.put(logicalNetwork({
    sub: SUB_PROD, rg: 'rg-hci-seattle', name: 'lnet-seattle-prod', customLocationName: 'seattle-hci', prefix: '10.20.0.0/24', vlan: 120,
    method: 'Static', switchName: 'ConvergedSwitch(compute_management)', gateway: '10.20.0.1', dns: ['10.20.0.2', '10.20.0.3'],
    vmPool: ['10.20.0.100', '10.20.0.199'], vipPool: ['10.20.0.200', '10.20.0.250'],
  }));
  const mgmt = logicalNetwork({
    sub: SUB_PROD, rg: 'rg-hci-seattle', name: 'lnet-seattle-mgmt', customLocationName: 'seattle-hci', prefix: '10.20.1.0/24', vlan: 121,
    method: 'Static', switchName: 'ConvergedSwitch(compute_management)', gateway: '10.20.1.1', dns: ['10.20.0.2'],
    vmPool: ['10.20.1.50', '10.20.1.150'],
  });
  // Deliberately different casing: clients must compare custom location ids case-insensitively.
  (mgmt.extendedLocation as { name: string }).name = `/subscriptions/${SUB_PROD}/resourcegroups/rg-hci-seattle/providers/microsoft.extendedlocation/customlocations/seattle-hci`;
  world.put(mgmt);
  world.put(logicalNetwork({
    sub: SUB_PROD, rg: 'rg-hci-redmond', name: 'lnet-redmond-prod', customLocationName: 'redmond-hci', prefix: '10.30.0.0/24', vlan: 130,
    method: 'Static', switchName: 'ConvergedSwitch(compute)', gateway: '10.30.0.1', dns: ['10.30.0.2', '10.30.0.3'],
    vmPool: ['10.30.0.100', '10.30.0.199'], vipPool: ['10.30.0.200', '10.30.0.240'],
  }));
  world.put(logicalNetwork({
    sub: SUB_PROD, rg: 'rg-hci-redmond', name: 'lnet-redmond-dhcp', customLocationName: 'redmond-hci', prefix: '10.30.8.0/22', vlan: 131,
    method: 'Dynamic', switchName: 'ConvergedSwitch(compute)', gateway: '10.30.8.1', dns: ['10.30.0.2'],
  }));
  world.put(logicalNetwork({
    sub: SUB_DEV, rg: 'rg-hci-devlab', name: 'lnet-devlab', customLocationName: 'dev-lab', prefix: '192.168.50.0/24', vlan: 50,
    method: 'Static', switchName: 'LabSwitch', gateway: '192.168.50.1', dns: ['192.168.50.10'],
    vmPool: ['192.168.50.100', '192.168.50.180'], vipPool: ['192.168.50.200', '192.168.50.220'],
  }));

  // Connected clusters + provisioned cluster instances.
  const okId = DEMO.connectedClusters.seattleProd;
  world.put(connectedClusterResource(okId, LOCATION, {
    agentPublicKeyCertificate: '',
    kubernetesVersion: '1.29.4',
    totalNodeCount: 3,
    totalCoreCount: 12,
    agentVersion: '1.21.10',
    provisioningState: 'Succeeded',
    distribution: 'AKS',
    distributionVersion: '1.0',
    infrastructure: 'azure_stack_hci',
    offering: 'AKS_hybrid',
    connectivityStatus: 'Connected',
    lastConnectivityTime: '2025-06-01T08:15:00.000Z',
    managedIdentityCertificateExpirationTime: '2025-08-30T08:15:00.000Z',
    privateLinkState: 'Disabled',
    azureHybridBenefit: 'NotApplicable',
    aadProfile: { enableAzureRBAC: false, adminGroupObjectIDs: ['e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c'], tenantID: TENANT_ID },
    arcAgentProfile: { agentAutoUpgrade: 'Enabled', desiredAgentVersion: '1.14.5' },
    // As in Microsoft's GetProvisionedClusterExample.
    miscellaneousProperties: { infrastructureVersion: '1.2.3' },
  }, { kind: 'ProvisionedCluster', tags: { workload: 'retail-pos' } }));
  world.put(provisionedClusterResource(okId, DEMO.customLocations.seattle, {
    controlPlane: { count: 1, vmSize: 'Standard_A4_v2', controlPlaneEndpoint: { hostIP: '10.20.0.200' } },
    kubernetesVersion: '1.29.4',
    networkProfile: { networkPolicy: 'calico', podCidr: '10.244.0.0/16', loadBalancerProfile: { count: 0 } },
    agentPoolProfiles: [{ name: 'nodepool1', count: 2, vmSize: 'Standard_A4_v2', osType: 'Linux', osSKU: 'CBLMariner', kubernetesVersion: '1.29.4', enableAutoScaling: false }],
    cloudProviderProfile: { infraNetworkProfile: { vnetSubnetIds: [DEMO.logicalNetworks.seattleProd] } },
    linuxProfile: { ssh: { publicKeys: [{ keyData: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDemoEmulatorKey admin@contoso' }] } },
    storageProfile: { smbCsiDriver: { enabled: true }, nfsCsiDriver: { enabled: true } },
    licenseProfile: { azureHybridBenefit: 'NotApplicable' },
    provisioningState: 'Succeeded',
    status: {
      currentState: 'Succeeded',
      controlPlaneStatus: [
        { name: 'CloudProvider', phase: 'provisioned', ready: true },
        { name: 'CSI', phase: 'provisioned', ready: true },
      ],
    },
  }));

  const failedId = DEMO.connectedClusters.redmondFailed;
  world.put(connectedClusterResource(failedId, LOCATION, {
    agentPublicKeyCertificate: '',
    provisioningState: 'Failed',
    distribution: 'AKS',
    distributionVersion: '1.0',
    infrastructure: 'azure_stack_hci',
    connectivityStatus: 'Offline',
    privateLinkState: 'Disabled',
    azureHybridBenefit: 'NotApplicable',
  }, { kind: 'ProvisionedCluster' }));
  world.put(provisionedClusterResource(failedId, DEMO.customLocations.redmond, {
    controlPlane: { count: 1, vmSize: 'Standard_A4_v2' },
    kubernetesVersion: '1.28.9',
    networkProfile: { networkPolicy: 'calico', podCidr: '10.244.0.0/16' },
    agentPoolProfiles: [{ name: 'nodepool1', count: 1, vmSize: 'Standard_A2_v2', osType: 'Linux', osSKU: 'CBLMariner', kubernetesVersion: '1.28.9' }],
    cloudProviderProfile: { infraNetworkProfile: { vnetSubnetIds: [DEMO.logicalNetworks.redmondProd] } },
    licenseProfile: { azureHybridBenefit: 'NotApplicable' },
    provisioningState: 'Failed',
    status: {
      currentState: 'Failed',
      errorMessage: "Control plane VM 'aks-redmond-test02-control-plane-0' failed to start: no IP address available in the vm pool of logical network 'lnet-redmond-prod'.",
      controlPlaneStatus: [{ name: 'CloudProvider', phase: 'failed', ready: false, errorMessage: 'Control plane endpoint 10.30.0.200 unreachable.' }],
    },
  }));

  for (const cl of [DEMO.customLocations.seattle, DEMO.customLocations.redmond]) {
    world.put(kubernetesVersionsResource(cl, 'Succeeded', defaultKubernetesVersionValues()));
    world.put(vmSkusResource(cl, 'Succeeded', defaultVmSkuValues()));
  }
}

export function provisionedClusterResource(connectedClusterId: string, customLocationId: string, props: Record<string, unknown>): ArmResource {
  return {
    id: `${connectedClusterId}/providers/${TYPES.provisionedCluster}/default`,
    name: 'default',
    type: TYPES.provisionedCluster,
    extendedLocation: { type: 'CustomLocation', name: customLocationId },
    properties: props,
    systemData: systemData(),
  };
}

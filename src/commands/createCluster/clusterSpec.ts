/** Everything the create-cluster wizard collects: plain data, filled step by step, turned into requests by bodies.ts. */
export interface ClusterSpec {
  subscriptionId: string;
  resourceGroup: string;
  /** The connected cluster's Azure region (the resource group's or the custom location's). */
  location: string;
  name: string;
  customLocationId: string;
  logicalNetworkId: string;
  /** Optional control-plane IP: inside the network's prefix, outside every IP pool. */
  controlPlaneIp?: string;
  kubernetesVersion: string;
  controlPlane: { count: 1 | 3 | 5; vmSize: string };
  nodePool: { name: string; count: number; vmSize: string; osSku: 'CBLMariner' | 'Windows2019' | 'Windows2022' };
  sshPublicKey: string;
  access: { adminGroupObjectIds: string[]; enableAzureRbac: boolean; tenantId?: string };
  azureHybridBenefit?: 'True' | 'False' | 'NotApplicable';
}

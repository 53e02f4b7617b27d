/**
 * Microsoft.HybridContainerService, api-version 2024-01-01.
 *  - provisionedClusterInstances/default on a connected cluster: Get, CreateOrUpdate (LRO), Delete (LRO), List,
 *    listAdminKubeconfig / listUserKubeconfig (202 + Location + Azure-AsyncOperation; result ListCredentialResponse).
 *  - kubernetesVersions/default and skus/default on a custom location: Get, Put (LRO), List.
 */
import {
  ArmError, deepClone, ensureResourceGroup, invalidContent, json, lroHeaders, lroOutcomeFor, notFound, optionalEnum,
  optionalObject, optionalString, page, requireObject, requireString, RG, SEG, type RequestContext, type Router,
} from '../http';
import {
  defaultKubernetesVersionValues, defaultVmSkuValues, kubeconfigBase64, kubernetesVersionsResource, provisionedClusterResource,
  TYPES, vmSkusResource, type ArmResource,
} from '../world';
import { registerAgentPoolRoutes } from './agentPools';
import { getClusterOrThrow } from './connectedClusters';

export const HYBRID_CONTAINER_SERVICE_API_VERSIONS = ['2024-01-01'];

const NS = 'Microsoft.HybridContainerService';
const AGENT_POOL_NAME = /^[a-z][a-z0-9]{2,11}$/;
const BUSY = new Set(['Accepted', 'Pending', 'Creating', 'Deleting', 'Updating', 'Upgrading']);
const DEFAULT_K8S = '1.29.4';

const CLUSTER = `(${RG}/providers/Microsoft.Kubernetes/connectedClusters/${SEG})`;
const CUSTOM_LOCATION = `(${RG}/providers/Microsoft.ExtendedLocation/customLocations/${SEG})`;

function p(resource: ArmResource): Record<string, unknown> {
  return resource.properties as Record<string, unknown>;
}

function isInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function validateExtendedLocation(ctx: RequestContext, body: Record<string, unknown>): { type: 'CustomLocation'; name: string } {
  const ext = requireObject(body.extendedLocation, 'extendedLocation');
  const type = optionalEnum(ext.type, 'extendedLocation.type', ['CustomLocation'] as const);
  if (!type) throw invalidContent('extendedLocation.type', "is required and must be 'CustomLocation'.");
  const name = requireString(ext.name, 'extendedLocation.name');
  if (!ctx.world.get(name) || ctx.world.get(name)?.type !== TYPES.customLocation) {
    throw new ArmError(400, 'InvalidExtendedLocation', `The custom location '${name}' in 'extendedLocation.name' was not found.`, [
      { code: 'InvalidExtendedLocation', target: 'extendedLocation.name', message: 'Custom location not found.' },
    ], 'extendedLocation.name');
  }
  return { type, name };
}

/** Validates and copies the provisioned cluster properties the schema defines. */
function provisionedProperties(ctx: RequestContext, raw: Record<string, unknown> | undefined, previous?: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = previous ? deepClone(previous) : {};
  delete out.status;
  if (!raw) return out;
  const kubernetesVersion = optionalString(raw.kubernetesVersion, 'properties.kubernetesVersion');
  if (kubernetesVersion !== undefined) out.kubernetesVersion = kubernetesVersion;

  const controlPlane = optionalObject(raw.controlPlane, 'properties.controlPlane');
  if (controlPlane) {
    if (controlPlane.count !== undefined && (!isInteger(controlPlane.count) || controlPlane.count < 1 || controlPlane.count % 2 === 0)) {
      throw invalidContent('properties.controlPlane.count', 'must be a positive odd integer.');
    }
    optionalString(controlPlane.vmSize, 'properties.controlPlane.vmSize');
    out.controlPlane = { count: 1, ...deepClone(controlPlane) };
  }

  if (raw.agentPoolProfiles !== undefined) {
    if (!Array.isArray(raw.agentPoolProfiles)) throw invalidContent('properties.agentPoolProfiles', 'must be an array.');
    out.agentPoolProfiles = raw.agentPoolProfiles.map((pool: unknown, i: number) => {
      const f = `properties.agentPoolProfiles[${i}]`;
      const ap = requireObject(pool, f);
      const name = requireString(ap.name, `${f}.name`);
      if (!AGENT_POOL_NAME.test(name)) {
        throw invalidContent(`${f}.name`, `'${name}' must match ^[a-z][a-z0-9]{2,11}$ (3-12 lowercase letters and digits, starting with a letter).`);
      }
      if (ap.count !== undefined && (!isInteger(ap.count) || ap.count < 0)) throw invalidContent(`${f}.count`, 'must be a non-negative integer.');
      const osType = optionalEnum(ap.osType, `${f}.osType`, ['Linux', 'Windows'] as const) ?? 'Linux';
      const osSKU = optionalEnum(ap.osSKU, `${f}.osSKU`, ['CBLMariner', 'Windows2019', 'Windows2022'] as const);
      optionalString(ap.vmSize, `${f}.vmSize`);
      const copy = deepClone(ap);
      delete copy.kubernetesVersion;
      return { ...copy, count: ap.count ?? 1, osType, osSKU: osSKU ?? (osType === 'Linux' ? 'CBLMariner' : 'Windows2019') };
    });
  }

  const cloud = optionalObject(raw.cloudProviderProfile, 'properties.cloudProviderProfile');
  if (cloud) {
    const infra = optionalObject(cloud.infraNetworkProfile, 'properties.cloudProviderProfile.infraNetworkProfile');
    const ids = infra?.vnetSubnetIds;
    if (ids !== undefined) {
      const f = 'properties.cloudProviderProfile.infraNetworkProfile.vnetSubnetIds';
      if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string')) throw invalidContent(f, 'must be an array of resource ids.');
      if (ids.length > 1) throw invalidContent(f, 'accepts at most 1 logical network id.');
      for (const id of ids as string[]) {
        if (!ctx.world.get(id)) throw invalidContent(f, `refers to '${id}', which was not found.`);
      }
    }
    out.cloudProviderProfile = deepClone(cloud);
  }
  const networkProfile = optionalObject(raw.networkProfile, 'properties.networkProfile');
  if (networkProfile) {
    optionalEnum(networkProfile.networkPolicy, 'properties.networkProfile.networkPolicy', ['calico'] as const);
    out.networkProfile = deepClone(networkProfile);
  }
  const license = optionalObject(raw.licenseProfile, 'properties.licenseProfile');
  if (license) {
    optionalEnum(license.azureHybridBenefit, 'properties.licenseProfile.azureHybridBenefit', ['True', 'False', 'NotApplicable'] as const);
    out.licenseProfile = deepClone(license);
  }
  for (const key of ['linuxProfile', 'storageProfile', 'clusterVMAccessProfile', 'autoScalerProfile'] as const) {
    const v = optionalObject(raw[key], `properties.${key}`);
    if (v) out[key] = deepClone(v);
  }
  return out;
}

function instanceId(clusterId: string): string {
  return `${clusterId}/providers/${TYPES.provisionedCluster}/default`;
}

function getInstanceOrThrow(ctx: RequestContext, sub: string, rg: string, clusterName: string): { cluster: ArmResource; instance: ArmResource } {
  const cluster = getClusterOrThrow(ctx, sub, rg, clusterName);
  const instance = ctx.world.get(instanceId(cluster.id));
  if (!instance) throw notFound(`Microsoft.Kubernetes/connectedClusters/${clusterName}/providers/${TYPES.provisionedCluster}`, 'default', rg);
  return { cluster, instance };
}

function putInstance(ctx: RequestContext, sub: string, rg: string, clusterName: string) {
  const cluster = getClusterOrThrow(ctx, sub, rg, clusterName);
  if (ctx.world.deleting.has(cluster.id.toLowerCase())) {
    throw new ArmError(409, 'Conflict', `The connected cluster '${clusterName}' is being deleted.`);
  }
  const body = requireObject(ctx.body, 'body');
  const extendedLocation = validateExtendedLocation(ctx, body);
  const id = instanceId(cluster.id);
  const existing = ctx.world.get(id);
  if (existing && BUSY.has(String(p(existing).provisioningState))) {
    throw new ArmError(409, 'Conflict', `Another operation is in progress on the provisioned cluster of '${clusterName}' (provisioningState ${String(p(existing).provisioningState)}).`);
  }
  const props = provisionedProperties(ctx, optionalObject(body.properties, 'properties'), existing ? p(existing) : undefined);
  props.kubernetesVersion = props.kubernetesVersion ?? DEFAULT_K8S;
  if (Array.isArray(props.agentPoolProfiles)) {
    for (const pool of props.agentPoolProfiles as Record<string, unknown>[]) pool.kubernetesVersion = props.kubernetesVersion;
  }
  const state = existing ? 'Updating' : 'Creating';
  props.provisioningState = state;
  props.status = { currentState: state };
  const resource = provisionedClusterResource(cluster.id, extendedLocation.name, props);
  ctx.world.put(resource);

  const { outcome, error } = lroOutcomeFor(ctx);
  const op = ctx.lro.start({
    kind: 'put', subscriptionId: sub, namespace: NS, apiVersion: ctx.apiVersion, resourceId: id, location: String(cluster.location),
    outcome, error,
    onSucceeded: () => {
      const current = ctx.world.get(id);
      if (!current) return;
      const cp = p(current);
      cp.provisioningState = 'Succeeded';
      cp.status = {
        currentState: 'Succeeded',
        controlPlaneStatus: [
          { name: 'CloudProvider', phase: 'provisioned', ready: true },
          { name: 'CSI', phase: 'provisioned', ready: true },
        ],
      };
      const parent = ctx.world.get(cluster.id);
      if (parent) {
        const pp = p(parent);
        const pools = (cp.agentPoolProfiles as { count?: number }[] | undefined) ?? [];
        const nodes = ((cp.controlPlane as { count?: number } | undefined)?.count ?? 1) + pools.reduce((n, x) => n + (x.count ?? 1), 0);
        pp.connectivityStatus = 'Connected';
        pp.kubernetesVersion = String(cp.kubernetesVersion);
        pp.totalNodeCount = nodes;
        pp.totalCoreCount = nodes * 4;
        pp.agentVersion = '1.21.10';
        pp.offering = 'AKS_hybrid';
        pp.lastConnectivityTime = new Date().toISOString();
      }
    },
    onFailed: (err) => {
      const current = ctx.world.get(id);
      if (!current) return;
      const cp = p(current);
      cp.provisioningState = 'Failed';
      cp.status = { currentState: 'Failed', errorMessage: err.message };
      const parent = ctx.world.get(cluster.id);
      if (parent && !existing) p(parent).connectivityStatus = 'Offline';
    },
  });
  return json(existing ? 200 : 201, resource, lroHeaders(ctx, op, false));
}

function deleteInstance(ctx: RequestContext, sub: string, rg: string, clusterName: string) {
  const cluster = getClusterOrThrow(ctx, sub, rg, clusterName);
  const id = instanceId(cluster.id);
  const existing = ctx.world.get(id);
  if (!existing) return json(204);
  p(existing).provisioningState = 'Deleting';
  p(existing).status = { currentState: 'Deleting' };
  const { outcome, error } = lroOutcomeFor(ctx);
  const op = ctx.lro.start({
    kind: 'delete', subscriptionId: sub, namespace: NS, apiVersion: ctx.apiVersion, resourceId: id, location: String(cluster.location),
    outcome, error,
    onSucceeded: () => ctx.world.remove(id),
    onFailed: (err) => {
      const current = ctx.world.get(id);
      if (current) {
        p(current).provisioningState = 'Failed';
        p(current).status = { currentState: 'Failed', errorMessage: err.message };
      }
    },
  });
  return json(202, undefined, lroHeaders(ctx, op, true));
}

function listKubeconfig(ctx: RequestContext, sub: string, rg: string, clusterName: string, admin: boolean) {
  const { cluster, instance } = getInstanceOrThrow(ctx, sub, rg, clusterName);
  let { outcome, error } = lroOutcomeFor(ctx);
  if (p(instance).provisioningState !== 'Succeeded' && outcome === 'Succeeded') {
    outcome = 'Failed';
    error = { code: 'ClusterNotReady', message: `The provisioned cluster '${clusterName}' is in state '${String(p(instance).provisioningState)}'; kubeconfig is not available.` };
  }
  const op = ctx.lro.start({
    kind: 'action', subscriptionId: sub, namespace: NS, apiVersion: ctx.apiVersion, resourceId: instance.id, location: String(cluster.location),
    outcome, error,
    result: () => ({
      id: `/subscriptions/${sub}/providers/${NS}/locations/${String(cluster.location)}/operationStatuses/${op.id}`,
      name: op.id,
      resourceId: instance.id,
      status: 'Succeeded',
      properties: { kubeconfigs: [{ name: admin ? 'credentialName1' : 'credentialUser', value: kubeconfigBase64(clusterName, admin ? 'clusterAdmin' : 'clusterUser') }] },
    }),
  });
  return json(202, undefined, lroHeaders(ctx, op, true));
}

type ProfileKind = 'kubernetesVersions' | 'skus';

function profileId(customLocationId: string, kind: ProfileKind): string {
  return `${customLocationId}/providers/${NS}/${kind}/default`;
}

function getCustomLocationOrThrow(ctx: RequestContext, sub: string, rg: string, name: string): ArmResource {
  ensureResourceGroup(ctx, sub, rg);
  const found = ctx.world.get(`/subscriptions/${sub}/resourceGroups/${rg}/providers/${TYPES.customLocation}/${name}`);
  if (!found) throw notFound(TYPES.customLocation, name, rg);
  return found;
}

function putProfile(ctx: RequestContext, kind: ProfileKind, sub: string, rg: string, clName: string) {
  const cl = getCustomLocationOrThrow(ctx, sub, rg, clName);
  const body = requireObject(ctx.body, 'body');
  const ext = requireObject(body.extendedLocation, 'extendedLocation');
  if (ext.type !== 'CustomLocation') throw invalidContent('extendedLocation.type', "is required and must be 'CustomLocation'.");
  const extName = requireString(ext.name, 'extendedLocation.name');
  if (extName.toLowerCase() !== cl.id.toLowerCase()) {
    throw invalidContent('extendedLocation.name', `must be the custom location in the URL ('${cl.id}').`);
  }
  const id = profileId(cl.id, kind);
  const existing = ctx.world.get(id);
  const make = kind === 'kubernetesVersions' ? kubernetesVersionsResource : vmSkusResource;
  const values = kind === 'kubernetesVersions' ? defaultKubernetesVersionValues : defaultVmSkuValues;
  const resource = make(cl.id, existing ? 'Updating' : 'Accepted', existing ? (p(existing).values as unknown[] | undefined) : undefined);
  ctx.world.put(resource);
  const { outcome, error } = lroOutcomeFor(ctx);
  const op = ctx.lro.start({
    kind: 'put', subscriptionId: sub, namespace: NS, apiVersion: ctx.apiVersion, resourceId: id, location: String(cl.location),
    outcome, error,
    onSucceeded: () => ctx.world.put(make(cl.id, 'Succeeded', values())),
    onFailed: () => {
      const current = ctx.world.get(id);
      if (current) p(current).provisioningState = 'Failed';
    },
  });
  return json(existing ? 200 : 201, resource, lroHeaders(ctx, op, false));
}

export function registerHybridContainerServiceRoutes(router: Router): void {
  const v = HYBRID_CONTAINER_SERVICE_API_VERSIONS;
  const instances = `${CLUSTER}/providers/Microsoft.HybridContainerService/provisionedClusterInstances`;
  // Params: [clusterId, sub, rg, clusterName]
  router.add('GET', instances, v, (ctx, [, sub, rg, name]) => {
    const cluster = getClusterOrThrow(ctx, sub, rg, name);
    const instance = ctx.world.get(instanceId(cluster.id));
    return page(ctx, instance ? [instance] : []);
  });
  router.add('GET', `${instances}/default`, v, (ctx, [, sub, rg, name]) => json(200, getInstanceOrThrow(ctx, sub, rg, name).instance));
  router.add('PUT', `${instances}/default`, v, (ctx, [, sub, rg, name]) => putInstance(ctx, sub, rg, name));
  router.add('DELETE', `${instances}/default`, v, (ctx, [, sub, rg, name]) => deleteInstance(ctx, sub, rg, name));
  router.add('POST', `${instances}/default/listAdminKubeconfig`, v, (ctx, [, sub, rg, name]) => listKubeconfig(ctx, sub, rg, name, true));
  router.add('POST', `${instances}/default/listUserKubeconfig`, v, (ctx, [, sub, rg, name]) => listKubeconfig(ctx, sub, rg, name, false));
  registerAgentPoolRoutes(router, CLUSTER, v);
  // The versions a cluster can move to: its version's `upgrades` in the demo catalog (1.30 is a preview).
  router.add('GET', `${instances}/default/upgradeProfiles/default`, v, (ctx, [, sub, rg, name]) => {
    const { instance } = getInstanceOrThrow(ctx, sub, rg, name);
    const current = String(p(instance).kubernetesVersion ?? DEFAULT_K8S);
    const catalog = defaultKubernetesVersionValues() as { isPreview?: boolean; patchVersions: Record<string, { upgrades?: string[] }> }[];
    const previews = new Set(catalog.filter((m) => m.isPreview).flatMap((m) => Object.keys(m.patchVersions)));
    const upgrades = catalog.flatMap((m) => Object.entries(m.patchVersions)).find(([version]) => version === current)?.[1].upgrades ?? [];
    return json(200, {
      id: `${instance.id}/upgradeProfiles/default`,
      name: 'default',
      type: `${NS}/provisionedClusterInstances/upgradeProfiles`,
      properties: {
        provisioningState: 'Succeeded',
        controlPlaneProfile: { kubernetesVersion: current, osType: 'Linux', upgrades: upgrades.map((version) => ({ kubernetesVersion: version, ...(previews.has(version) ? { isPreview: true } : {}) })) },
      },
    });
  });

  for (const kind of ['kubernetesVersions', 'skus'] as const) {
    const base = `${CUSTOM_LOCATION}/providers/Microsoft.HybridContainerService/${kind}`;
    router.add('GET', base, v, (ctx, [, sub, rg, cl]) => {
      const custom = getCustomLocationOrThrow(ctx, sub, rg, cl);
      const found = ctx.world.get(profileId(custom.id, kind));
      return page(ctx, found ? [found] : []);
    });
    router.add('GET', `${base}/default`, v, (ctx, [, sub, rg, cl]) => {
      const custom = getCustomLocationOrThrow(ctx, sub, rg, cl);
      const found = ctx.world.get(profileId(custom.id, kind));
      if (!found) throw notFound(`${TYPES.customLocation}/${cl}/providers/${NS}/${kind}`, 'default', rg);
      return json(200, found);
    });
    router.add('PUT', `${base}/default`, v, (ctx, [, sub, rg, cl]) => putProfile(ctx, kind, sub, rg, cl));
  }
}

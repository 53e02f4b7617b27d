/**
 * Microsoft.Kubernetes connectedClusters, api-version 2024-01-01: ListBySubscription, ListByResourceGroup, Get,
 * Create (PUT, LRO via Azure-AsyncOperation), Delete (LRO, Location), ListClusterUserCredential.
 * The 2024-01-01 paths spell `resourcegroups`; routes match any case.
 */
import {
  ArmError, deepClone, ensureResourceGroup, ensureSubscription, invalidContent, json, lroHeaders, lroOutcomeFor, notFound,
  optionalEnum, optionalObject, optionalString, optionalTags, page, requireObject, requireString, RG, SEG, SUB,
  type RequestContext, type Router,
} from '../http';
import { connectedClusterResource, kubeconfigBase64, TYPES, type ArmResource } from '../world';

export const CONNECTED_CLUSTERS_API_VERSIONS = ['2024-01-01'];

const TYPE = TYPES.connectedCluster;
const BUSY_STATES = new Set(['Accepted', 'Provisioning', 'Updating', 'Deleting']);

function clusterId(sub: string, rg: string, name: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${TYPE}/${name}`;
}

export function getClusterOrThrow(ctx: RequestContext, sub: string, rg: string, name: string): ArmResource {
  ensureResourceGroup(ctx, sub, rg);
  const found = ctx.world.get(clusterId(sub, rg, name));
  if (!found) throw notFound(TYPE, name, rg);
  return found;
}

function props(resource: ArmResource): Record<string, unknown> {
  return resource.properties as Record<string, unknown>;
}

function createOrUpdate(ctx: RequestContext, sub: string, rg: string, name: string) {
  ensureResourceGroup(ctx, sub, rg);
  const id = clusterId(sub, rg, name);
  if (ctx.world.deleting.has(id.toLowerCase())) {
    throw new ArmError(409, 'Conflict', `The connected cluster '${name}' is being deleted. Retry after the deletion completes.`);
  }
  const body = requireObject(ctx.body, 'body');
  const location = requireString(body.location, 'location');
  const tags = optionalTags(body.tags);
  const kind = optionalEnum(body.kind, 'kind', ['ProvisionedCluster'] as const);
  const identity = requireObject(body.identity, 'identity');
  const identityType = optionalEnum(identity.type, 'identity.type', ['None', 'SystemAssigned'] as const);
  if (!identityType) throw invalidContent('identity.type', 'is required (None or SystemAssigned).');
  const p = requireObject(body.properties, 'properties');
  const agentPublicKeyCertificate = requireString(p.agentPublicKeyCertificate, 'properties.agentPublicKeyCertificate', true);

  const existing = ctx.world.get(id);
  if (existing) {
    if (BUSY_STATES.has(String(props(existing).provisioningState))) {
      throw new ArmError(409, 'Conflict', `Another operation is in progress on connected cluster '${name}' (provisioningState ${String(props(existing).provisioningState)}).`);
    }
    if (String(existing.location).toLowerCase() !== location.toLowerCase()) {
      throw new ArmError(409, 'InvalidResourceLocation', `The resource '${name}' already exists in location '${String(existing.location)}'; it cannot be moved to '${location}'.`);
    }
  }

  const newProps: Record<string, unknown> = existing ? deepClone(props(existing)) : { connectivityStatus: 'Connecting' };
  newProps.agentPublicKeyCertificate = agentPublicKeyCertificate;
  for (const key of ['distribution', 'distributionVersion', 'infrastructure', 'privateLinkScopeResourceId'] as const) {
    const v = optionalString(p[key], `properties.${key}`);
    if (v !== undefined) newProps[key] = v;
  }
  newProps.privateLinkState = optionalEnum(p.privateLinkState, 'properties.privateLinkState', ['Enabled', 'Disabled'] as const) ?? newProps.privateLinkState ?? 'Disabled';
  newProps.azureHybridBenefit = optionalEnum(p.azureHybridBenefit, 'properties.azureHybridBenefit', ['True', 'False', 'NotApplicable'] as const) ?? newProps.azureHybridBenefit ?? 'NotApplicable';
  const aad = optionalObject(p.aadProfile, 'properties.aadProfile');
  if (aad) newProps.aadProfile = deepClone(aad);
  const arc = optionalObject(p.arcAgentProfile, 'properties.arcAgentProfile');
  if (arc) newProps.arcAgentProfile = deepClone(arc);
  newProps.provisioningState = existing ? 'Updating' : 'Accepted';

  const resource = connectedClusterResource(id, existing ? String(existing.location) : location, newProps, {
    tags: tags ?? (existing?.tags as Record<string, string> | undefined),
    kind: kind ?? (existing?.kind as string | undefined),
    identityType,
  });
  ctx.world.put(resource);

  const { outcome, error } = lroOutcomeFor(ctx);
  const op = ctx.lro.start({
    kind: 'put', subscriptionId: sub, namespace: 'Microsoft.Kubernetes', apiVersion: ctx.apiVersion, resourceId: id,
    location, outcome, error,
    onSucceeded: () => {
      const current = ctx.world.get(id);
      if (!current) return;
      const cp = props(current);
      cp.provisioningState = 'Succeeded';
      if (!existing) cp.connectivityStatus = current.kind === 'ProvisionedCluster' ? 'Connecting' : 'Connected';
    },
    onFailed: () => {
      const current = ctx.world.get(id);
      if (current) props(current).provisioningState = 'Failed';
    },
  });
  return json(existing ? 200 : 201, resource, lroHeaders(ctx, op, false));
}

function remove(ctx: RequestContext, sub: string, rg: string, name: string) {
  ensureResourceGroup(ctx, sub, rg);
  const id = clusterId(sub, rg, name);
  const existing = ctx.world.get(id);
  if (!existing) return json(204);
  props(existing).provisioningState = 'Deleting';
  const instance = ctx.world.get(`${id}/providers/${TYPES.provisionedCluster}/default`);
  if (instance) (instance.properties as Record<string, unknown>).provisioningState = 'Deleting';
  ctx.world.deleting.add(id.toLowerCase());
  const { outcome, error } = lroOutcomeFor(ctx);
  const op = ctx.lro.start({
    kind: 'delete', subscriptionId: sub, namespace: 'Microsoft.Kubernetes', apiVersion: ctx.apiVersion, resourceId: id,
    location: String(existing.location), outcome, error,
    onSucceeded: () => ctx.world.remove(id),
    onFailed: () => {
      ctx.world.deleting.delete(id.toLowerCase());
      const current = ctx.world.get(id);
      if (current) props(current).provisioningState = 'Failed';
      if (instance) (instance.properties as Record<string, unknown>).provisioningState = 'Failed';
    },
  });
  return json(202, undefined, lroHeaders(ctx, op, true));
}

function listUserCredential(ctx: RequestContext, sub: string, rg: string, name: string) {
  const cluster = getClusterOrThrow(ctx, sub, rg, name);
  const body = requireObject(ctx.body, 'body');
  const method = optionalEnum(body.authenticationMethod, 'authenticationMethod', ['Token', 'AAD'] as const);
  if (!method) throw invalidContent('authenticationMethod', 'is required (Token or AAD).');
  if (typeof body.clientProxy !== 'boolean') throw invalidContent('clientProxy', 'is required and must be a boolean.');
  const result: Record<string, unknown> = {
    kubeconfigs: [{ name: 'credentialUser', value: kubeconfigBase64(cluster.name, method === 'AAD' ? 'clusterUser' : 'tokenUser') }],
  };
  if (body.clientProxy) {
    result.hybridConnectionConfig = {
      expirationTime: Math.floor(Date.now() / 1000) + 3600,
      hybridConnectionName: `microsoft.kubernetes/connectedclusters/${cluster.name}`,
      relay: 'azgnrelay-eastus-l1',
      token: 'SharedAccessSignature sr=emulator&sig=not-a-secret',
    };
  }
  return json(200, result);
}

export function registerConnectedClusterRoutes(router: Router): void {
  const v = CONNECTED_CLUSTERS_API_VERSIONS;
  const item = `${RG}/providers/Microsoft.Kubernetes/connectedClusters/${SEG}`;
  router.add('GET', `${SUB}/providers/Microsoft.Kubernetes/connectedClusters`, v, (ctx, [sub]) => {
    ensureSubscription(ctx, sub);
    return page(ctx, ctx.world.list(TYPE, `/subscriptions/${sub}`));
  });
  router.add('GET', `${RG}/providers/Microsoft.Kubernetes/connectedClusters`, v, (ctx, [sub, rg]) => {
    ensureResourceGroup(ctx, sub, rg);
    return page(ctx, ctx.world.list(TYPE, `/subscriptions/${sub}/resourceGroups/${rg}`));
  });
  router.add('GET', item, v, (ctx, [sub, rg, name]) => json(200, getClusterOrThrow(ctx, sub, rg, name)));
  router.add('PUT', item, v, (ctx, [sub, rg, name]) => createOrUpdate(ctx, sub, rg, name));
  router.add('DELETE', item, v, (ctx, [sub, rg, name]) => remove(ctx, sub, rg, name));
  // `az connectedk8s proxy` calls it at 2021-10-01 (seen from the real CLI, FIELD-NOTES); the extension at 2024-01-01.
  router.add('POST', `${item}/listClusterUserCredential`, [...v, '2021-10-01'], (ctx, [sub, rg, name]) => listUserCredential(ctx, sub, rg, name));
}

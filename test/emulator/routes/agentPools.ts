/**
 * Microsoft.HybridContainerService agentPools (2024-01-01): ListByProvisionedCluster, Get, CreateOrUpdate (LRO),
 * Delete (LRO). The emulator keeps one truth: an agent pool *is* its entry in the instance's `agentPoolProfiles`, so a
 * change through agentPools shows in the instance and the other way round. The latest operation's state per pool is
 * kept beside it (agentPoolProfiles has no field for it).
 */
import { ArmError, invalidContent, json, lroHeaders, lroOutcomeFor, notFound, optionalObject, page, requireObject, SEG, type RequestContext, type Router } from '../http';
import { getClusterOrThrow } from './connectedClusters';

const NS = 'Microsoft.HybridContainerService';
const TYPE = 'Microsoft.HybridContainerService/provisionedClusterInstances/agentPools';
const NAME = /^[a-z][a-z0-9]{2,11}$/;
/** Pool id (lower-cased) → the state of its latest operation. */
const states = new Map<string, string>();

type Profile = Record<string, unknown> & { name?: string };

function instanceOf(ctx: RequestContext, sub: string, rg: string, cluster: string) {
  const connected = getClusterOrThrow(ctx, sub, rg, cluster);
  const id = `${connected.id}/providers/${NS}/provisionedClusterInstances/default`;
  const instance = ctx.world.get(id);
  if (!instance) throw notFound(`${NS}/provisionedClusterInstances`, 'default', rg);
  const props = instance.properties as Record<string, unknown>;
  if (!Array.isArray(props.agentPoolProfiles)) props.agentPoolProfiles = [];
  return { instance, id, location: String(connected.location), profiles: props.agentPoolProfiles as Profile[], props };
}

function resource(instanceId: string, extendedLocation: unknown, profile: Profile) {
  const id = `${instanceId}/agentPools/${profile.name}`;
  const { name, ...fields } = profile;
  const state = states.get(id.toLowerCase()) ?? 'Succeeded';
  return {
    id,
    name,
    type: TYPE,
    extendedLocation,
    properties: { ...fields, provisioningState: state, status: { currentState: state, readyReplicas: [{ count: profile.count ?? 1, vmSize: profile.vmSize }] } },
  };
}

function put(ctx: RequestContext, sub: string, rg: string, cluster: string, name: string) {
  if (!NAME.test(name)) throw new ArmError(400, 'InvalidAgentPoolName', `Agent pool name '${name}' must match ^[a-z][a-z0-9]{2,11}$.`);
  const { instance, id, location, profiles, props } = instanceOf(ctx, sub, rg, cluster);
  const body = requireObject(ctx.body, 'body');
  const p = optionalObject(body.properties, 'properties') ?? {};
  const count = p.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw invalidContent('properties.count', 'must be an integer of at least 1.');
  const poolId = `${id}/agentPools/${name}`;
  if (['Creating', 'Updating', 'Deleting'].includes(states.get(poolId.toLowerCase()) ?? '')) {
    throw new ArmError(409, 'Conflict', `Another operation is in progress on agent pool '${name}'.`);
  }
  const existing = profiles.find((x) => x.name === name);
  const profile: Profile = existing ?? { name, osType: 'Linux', osSKU: 'CBLMariner' };
  for (const key of ['count', 'vmSize', 'osType', 'osSKU', 'nodeLabels', 'nodeTaints', 'enableAutoScaling', 'minCount', 'maxCount', 'maxPods'] as const) {
    if (p[key] !== undefined) profile[key] = p[key];
  }
  profile.kubernetesVersion = props.kubernetesVersion;
  if (!existing) profiles.push(profile);
  const state = existing ? 'Updating' : 'Creating';
  states.set(poolId.toLowerCase(), state);
  const { outcome, error } = lroOutcomeFor(ctx);
  const op = ctx.lro.start({
    kind: 'put', subscriptionId: sub, namespace: NS, apiVersion: ctx.apiVersion, resourceId: poolId, location, outcome, error,
    onSucceeded: () => states.set(poolId.toLowerCase(), 'Succeeded'),
    onFailed: () => states.set(poolId.toLowerCase(), 'Failed'),
  });
  return json(existing ? 200 : 201, resource(id, instance.extendedLocation, profile), lroHeaders(ctx, op, false));
}

function remove(ctx: RequestContext, sub: string, rg: string, cluster: string, name: string) {
  const { id, location, profiles } = instanceOf(ctx, sub, rg, cluster);
  const poolId = `${id}/agentPools/${name}`;
  if (!profiles.some((x) => x.name === name)) return json(204);
  states.set(poolId.toLowerCase(), 'Deleting');
  const { outcome, error } = lroOutcomeFor(ctx);
  const op = ctx.lro.start({
    kind: 'delete', subscriptionId: sub, namespace: NS, apiVersion: ctx.apiVersion, resourceId: poolId, location, outcome, error,
    onSucceeded: () => {
      const at = profiles.findIndex((x) => x.name === name);
      if (at >= 0) profiles.splice(at, 1);
      states.delete(poolId.toLowerCase());
    },
    onFailed: () => states.set(poolId.toLowerCase(), 'Failed'),
  });
  return json(202, undefined, lroHeaders(ctx, op, true));
}

/** Forget the per-pool states (the world was reset). */
export function resetAgentPools(): void {
  states.clear();
}

export function registerAgentPoolRoutes(router: Router, cluster: string, versions: string[]): void {
  const pools = `${cluster}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default/agentPools`;
  // Params: [clusterId, sub, rg, clusterName, pool]
  router.add('GET', pools, versions, (ctx, [, sub, rg, name]) => {
    const { id, instance, profiles } = instanceOf(ctx, sub, rg, name);
    return page(ctx, profiles.map((profile) => resource(id, instance.extendedLocation, profile)));
  });
  router.add('GET', `${pools}/${SEG}`, versions, (ctx, [, sub, rg, name, pool]) => {
    const { id, instance, profiles } = instanceOf(ctx, sub, rg, name);
    const profile = profiles.find((x) => x.name === pool);
    if (!profile) throw notFound(TYPE, pool, rg);
    return json(200, resource(id, instance.extendedLocation, profile));
  });
  router.add('PUT', `${pools}/${SEG}`, versions, (ctx, [, sub, rg, name, pool]) => put(ctx, sub, rg, name, pool));
  router.add('DELETE', `${pools}/${SEG}`, versions, (ctx, [, sub, rg, name, pool]) => remove(ctx, sub, rg, name, pool));
}

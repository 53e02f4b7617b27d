/**
 * Microsoft.Resources resource groups and providers, api-version 2025-04-01 (the version @azure/arm-resources 7.0.0 sends):
 * ResourceGroups_List / Get / CreateOrUpdate / CheckExistence, Providers_Get / Register.
 */
import {
  ArmError, ensureResourceGroup, ensureSubscription, invalidContent, json, optionalTags, page, requireObject, requireString,
  RG, SEG, SUB, type RequestContext, type Router,
} from '../http';
import { KNOWN_PROVIDERS } from '../world';

export const RESOURCES_API_VERSIONS = ['2025-04-01'];

// ARM is .NET: `\w` in the swagger's `^[-\w\._\(\)]+$` is Unicode (letters of any script, marks, digits, connectors).
const RG_NAME = /^[-\p{L}\p{Mn}\p{Nd}\p{Pc}._()]+$/u;

const PROVIDER_TYPES: Record<string, { resourceType: string; apiVersions: string[] }[]> = {
  'microsoft.extendedlocation': [{ resourceType: 'customLocations', apiVersions: ['2021-08-15'] }],
  'microsoft.azurestackhci': [{ resourceType: 'logicalNetworks', apiVersions: ['2024-01-01'] }],
  'microsoft.kubernetes': [{ resourceType: 'connectedClusters', apiVersions: ['2024-01-01'] }],
  'microsoft.hybridcontainerservice': [
    { resourceType: 'provisionedClusterInstances', apiVersions: ['2024-01-01'] },
    { resourceType: 'kubernetesVersions', apiVersions: ['2024-01-01'] },
    { resourceType: 'skus', apiVersions: ['2024-01-01'] },
  ],
  'microsoft.resources': [{ resourceType: 'resourceGroups', apiVersions: ['2025-04-01'] }],
};

function providerBody(ctx: RequestContext, sub: string, namespace: string) {
  const state = ctx.world.getProvider(sub, namespace);
  const canonical = KNOWN_PROVIDERS.find((n) => n.toLowerCase() === namespace.toLowerCase());
  if (!state || !canonical) {
    throw new ArmError(404, 'InvalidResourceNamespace', `The resource namespace '${namespace}' is invalid.`);
  }
  return {
    id: `/subscriptions/${ctx.world.getSubscription(sub)?.subscriptionId ?? sub}/providers/${canonical}`,
    namespace: canonical,
    registrationState: state.registrationState,
    registrationPolicy: 'RegistrationRequired',
    resourceTypes: (PROVIDER_TYPES[canonical.toLowerCase()] ?? []).map((t) => ({
      resourceType: t.resourceType,
      locations: ['East US', 'West Europe', 'Australia East'],
      apiVersions: t.apiVersions,
    })),
  };
}

export function registerResourceRoutes(router: Router): void {
  router.add('GET', `${SUB}/resourcegroups`, RESOURCES_API_VERSIONS, (ctx, [sub]) => {
    ensureSubscription(ctx, sub);
    return page(ctx, ctx.world.listResourceGroups(sub));
  });

  router.add('GET', RG, RESOURCES_API_VERSIONS, (ctx, [sub, rg]) => {
    ensureResourceGroup(ctx, sub, rg);
    return json(200, ctx.world.getResourceGroup(sub, rg));
  });

  router.add('HEAD', RG, RESOURCES_API_VERSIONS, (ctx, [sub, rg]) => {
    ensureSubscription(ctx, sub);
    return json(ctx.world.getResourceGroup(sub, rg) ? 204 : 404);
  });

  router.add('PUT', RG, RESOURCES_API_VERSIONS, (ctx, [sub, rg]) => {
    ensureSubscription(ctx, sub);
    if (rg.length > 90 || !RG_NAME.test(rg) || rg.endsWith('.')) {
      throw new ArmError(400, 'InvalidResourceGroupName', `Resource group name '${rg}' is invalid: 1-90 characters of letters, digits, '-', '_', '.', '(' and ')', not ending in '.'.`);
    }
    const body = requireObject(ctx.body, 'body');
    const location = requireString(body.location, 'location');
    const tags = optionalTags(body.tags);
    const existing = ctx.world.getResourceGroup(sub, rg);
    if (existing && existing.location.toLowerCase() !== location.toLowerCase()) {
      throw invalidContent('location', `cannot be changed from '${existing.location}' for an existing resource group.`);
    }
    const created = ctx.world.putResourceGroup(sub, rg, location, tags);
    return json(existing ? 200 : 201, created);
  });

  router.add('GET', `${SUB}/providers/${SEG}`, RESOURCES_API_VERSIONS, (ctx, [sub, ns]) => {
    ensureSubscription(ctx, sub);
    const state = ctx.world.getProvider(sub, ns);
    if (state && state.registrationState === 'Registering') {
      if (state.pendingPolls > 0) state.pendingPolls--;
      else state.registrationState = 'Registered';
    }
    return json(200, providerBody(ctx, sub, ns));
  });

  router.add('POST', `${SUB}/providers/${SEG}/register`, RESOURCES_API_VERSIONS, (ctx, [sub, ns]) => {
    ensureSubscription(ctx, sub);
    const state = ctx.world.getProvider(sub, ns);
    if (state && state.registrationState !== 'Registered') {
      state.registrationState = 'Registering';
      state.pendingPolls = ctx.config.lroPollsToComplete;
    }
    return json(200, providerBody(ctx, sub, ns));
  });
}

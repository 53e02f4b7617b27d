/** Microsoft.AzureStackHCI logicalNetworks, api-version 2024-01-01: ListAll, List (by resource group), Get. */
import { ensureResourceGroup, ensureSubscription, json, notFound, page, RG, SEG, SUB, type Router } from '../http';
import { TYPES } from '../world';

export const LOGICAL_NETWORKS_API_VERSIONS = ['2024-01-01'];

export function registerLogicalNetworkRoutes(router: Router): void {
  const type = TYPES.logicalNetwork;
  router.add('GET', `${SUB}/providers/Microsoft.AzureStackHCI/logicalNetworks`, LOGICAL_NETWORKS_API_VERSIONS, (ctx, [sub]) => {
    ensureSubscription(ctx, sub);
    return page(ctx, ctx.world.list(type, `/subscriptions/${sub}`));
  });
  router.add('GET', `${RG}/providers/Microsoft.AzureStackHCI/logicalNetworks`, LOGICAL_NETWORKS_API_VERSIONS, (ctx, [sub, rg]) => {
    ensureResourceGroup(ctx, sub, rg);
    return page(ctx, ctx.world.list(type, `/subscriptions/${sub}/resourceGroups/${rg}`));
  });
  router.add('GET', `${RG}/providers/Microsoft.AzureStackHCI/logicalNetworks/${SEG}`, LOGICAL_NETWORKS_API_VERSIONS, (ctx, [sub, rg, name]) => {
    ensureResourceGroup(ctx, sub, rg);
    const found = ctx.world.get(`/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${name}`);
    if (!found) throw notFound(type, name, rg);
    return json(200, found);
  });
}

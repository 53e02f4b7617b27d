/** Microsoft.ExtendedLocation customLocations, api-version 2021-08-15: ListBySubscription, ListByResourceGroup, Get. */
import { ensureResourceGroup, ensureSubscription, json, notFound, page, RG, SEG, SUB, type Router } from '../http';
import { TYPES } from '../world';

export const CUSTOM_LOCATIONS_API_VERSIONS = ['2021-08-15'];

export function registerCustomLocationRoutes(router: Router): void {
  const type = TYPES.customLocation;
  router.add('GET', `${SUB}/providers/Microsoft.ExtendedLocation/customLocations`, CUSTOM_LOCATIONS_API_VERSIONS, (ctx, [sub]) => {
    ensureSubscription(ctx, sub);
    return page(ctx, ctx.world.list(type, `/subscriptions/${sub}`));
  });
  router.add('GET', `${RG}/providers/Microsoft.ExtendedLocation/customLocations`, CUSTOM_LOCATIONS_API_VERSIONS, (ctx, [sub, rg]) => {
    ensureResourceGroup(ctx, sub, rg);
    return page(ctx, ctx.world.list(type, `/subscriptions/${sub}/resourceGroups/${rg}`));
  });
  router.add('GET', `${RG}/providers/Microsoft.ExtendedLocation/customLocations/${SEG}`, CUSTOM_LOCATIONS_API_VERSIONS, (ctx, [sub, rg, name]) => {
    ensureResourceGroup(ctx, sub, rg);
    const found = ctx.world.get(`/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${name}`);
    if (!found) throw notFound(type, name, rg);
    return json(200, found);
  });
}

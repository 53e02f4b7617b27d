/** Microsoft.Resources subscriptions, api-version 2022-12-01 (Subscriptions_List, Subscriptions_Get, Subscriptions_ListLocations). */
import { ArmError, json, page, SEG, type Router } from '../http';

export const SUBSCRIPTIONS_API_VERSIONS = ['2022-12-01'];

export function registerSubscriptionRoutes(router: Router): void {
  // A token lists the subscriptions of its own tenant only, as ARM does.
  router.add('GET', '/subscriptions', SUBSCRIPTIONS_API_VERSIONS, (ctx) => page(ctx, ctx.world.subscriptions.filter((s) => s.tenantId === ctx.tenantId)));
  // Every tenant the user belongs to (Tenants_List), whichever tenant the token is for.
  router.add('GET', '/tenants', SUBSCRIPTIONS_API_VERSIONS, (ctx) =>
    page(ctx, ctx.world.tenants.map((t) => ({ id: `/tenants/${t.tenantId}`, tenantId: t.tenantId, tenantCategory: t.tenantId === ctx.world.tenantId ? 'Home' : 'ProjectedBy', displayName: t.displayName, defaultDomain: t.defaultDomain, domains: [t.defaultDomain] }))),
  );
  router.add('GET', `/subscriptions/${SEG}`, SUBSCRIPTIONS_API_VERSIONS, (ctx, [sub]) => {
    const found = ctx.world.getSubscription(sub);
    if (!found) throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
    return json(200, found);
  });
  router.add('GET', `/subscriptions/${SEG}/locations`, SUBSCRIPTIONS_API_VERSIONS, (ctx, [sub]) => {
    if (!ctx.world.getSubscription(sub)) throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
    // LocationListResult has no nextLink: one page, as ARM sends it.
    return json(200, {
      value: REGIONS.map(([name, displayName]) => ({
        id: `/subscriptions/${sub}/locations/${name}`,
        subscriptionId: sub,
        name,
        type: 'Region',
        displayName,
        regionalDisplayName: `(${displayName.includes('Europe') ? 'Europe' : displayName.includes('Australia') ? 'Asia Pacific' : 'US'}) ${displayName}`,
      })),
    });
  });
}

const REGIONS: [string, string][] = [
  ['eastus', 'East US'],
  ['westus2', 'West US 2'],
  ['westeurope', 'West Europe'],
  ['australiaeast', 'Australia East'],
];

/** Microsoft.Resources subscriptions, api-version 2022-12-01 (Subscriptions_List, Subscriptions_Get). */
import { ArmError, json, page, SEG, type Router } from '../http';

export const SUBSCRIPTIONS_API_VERSIONS = ['2022-12-01'];

export function registerSubscriptionRoutes(router: Router): void {
  router.add('GET', '/subscriptions', SUBSCRIPTIONS_API_VERSIONS, (ctx) => page(ctx, ctx.world.subscriptions));
  router.add('GET', `/subscriptions/${SEG}`, SUBSCRIPTIONS_API_VERSIONS, (ctx, [sub]) => {
    const found = ctx.world.getSubscription(sub);
    if (!found) throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
    return json(200, found);
  });
}

/**
 * Which tenant's token a request needs. Every request goes through the one pipeline; its token policy asks this
 * directory: a tenant named for the request (`nameTenant`: lists that are not under a subscription: `/subscriptions` of a tenant,
 * Resource Graph queries) wins, else the tenant of the subscription in the URL, learned from the subscription lists,
 * else none (the credential's default tenant). Plain TypeScript: no `vscode`.
 */
const named = new WeakMap<object, string>();

/** Names the tenant of one request (kept beside the request, across its retries; nothing is sent on the wire). */
export function nameTenant(request: object, tenantId: string): void {
  named.set(request, tenantId);
}

export function namedTenant(request: object): string | undefined {
  return named.get(request);
}

export class TenantDirectory {
  private readonly bySubscription = new Map<string, string>();

  /** What a subscription list said: each subscription's tenant. */
  learn(subscriptions: readonly { subscriptionId?: unknown; tenantId?: unknown }[]): void {
    for (const s of subscriptions) {
      if (typeof s?.subscriptionId === 'string' && typeof s.tenantId === 'string' && s.tenantId) this.bySubscription.set(s.subscriptionId.toLowerCase(), s.tenantId);
    }
  }

  tenantOfSubscription(subscriptionId: string): string | undefined {
    return this.bySubscription.get(subscriptionId.toLowerCase());
  }

  /** The tenant for a request URL (and the tenant named for it, if any). */
  tenantFor(url: string, named?: string): string | undefined {
    if (named) return named;
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
    const sub = /^\/subscriptions\/([^/?]+)/i.exec(path)?.[1];
    return sub ? this.tenantOfSubscription(decodeURIComponent(sub)) : undefined;
  }
}

import type { ArmClient } from './armClient';

/** The resource providers an AKS Arc cluster needs registered in its subscription. */
export const AKS_ARC_PROVIDERS = [
  'Microsoft.Kubernetes',
  'Microsoft.KubernetesConfiguration',
  'Microsoft.ExtendedLocation',
  'Microsoft.HybridContainerService',
  'Microsoft.AzureStackHCI',
] as const;

/** Namespaces (of `namespaces`) whose registrationState is not Registered. */
export async function unregisteredProviders(client: ArmClient, subscriptionId: string, namespaces: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const states = await Promise.all(
    namespaces.map(async (ns) => ({ ns, state: (await client.resources(subscriptionId, (rm) => rm.providers.get(ns, { abortSignal: signal }))).registrationState })),
  );
  return states.filter((s) => s.state?.toLowerCase() !== 'registered').map((s) => s.ns);
}

/**
 * Registers the namespaces and waits until each reports Registered (registration is asynchronous: the POST answers
 * "Registering" and the provider's GET flips later).
 */
export async function registerProviders(
  client: ArmClient,
  subscriptionId: string,
  namespaces: readonly string[],
  options: { signal?: AbortSignal; pollMs?: number; onStatus?: (pending: string[]) => void } = {},
): Promise<void> {
  for (const ns of namespaces) await client.resources(subscriptionId, (rm) => rm.providers.register(ns, { abortSignal: options.signal }));
  let pending = [...namespaces];
  while (pending.length) {
    options.onStatus?.(pending);
    await client.clock.sleep(options.pollMs ?? 5000, options.signal);
    pending = await unregisteredProviders(client, subscriptionId, pending, options.signal);
  }
}

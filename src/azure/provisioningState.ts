/**
 * Which provisioning states will change on their own. The one classifier: the tree's re-reads, the settled-state
 * reads after an interruption and the day-two commands all ask it.
 *
 * Transitional, from the swagger enums of the resources this extension touches (ProvisioningState of
 * Microsoft.HybridContainerService 2024-01-01 — Accepted, Creating, Deleting, Pending, Updating, Upgrading, InProgress —,
 * ConnectedCluster 2024-01-01 — Accepted, Provisioning, Updating, Deleting —, and the ARM operation status InProgress).
 * Everything else is settled: Succeeded, Failed, Canceled, and `NotApplicable` (in Microsoft's generated examples), or
 * a state this list does not know — a re-read loop must not spin on a value nobody will ever change.
 */
const TRANSITIONAL = new Set(['accepted', 'creating', 'updating', 'deleting', 'pending', 'provisioning', 'upgrading', 'inprogress']);

export function isTransitionalState(state: unknown): boolean {
  return typeof state === 'string' && TRANSITIONAL.has(state.trim().toLowerCase());
}

/** `properties.provisioningState`, when it is a non-empty string. */
export function provisioningStateOf(resource: unknown): string | undefined {
  const state = (resource as { properties?: { provisioningState?: unknown } } | undefined)?.properties?.provisioningState;
  return typeof state === 'string' && state.trim() ? state.trim() : undefined;
}

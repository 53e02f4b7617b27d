/**
 * The choices a custom location offers for a new cluster: `kubernetesVersions/default` and `skus/default`
 * (Microsoft.HybridContainerService 2024-01-01, extension resources on the custom location). Pure: unit-tested
 * without VS Code.
 */

export interface KubernetesVersionReadiness {
  osType?: 'Linux' | 'Windows' | string;
  osSku?: string;
  ready?: boolean;
  errorMessage?: string;
}

export interface KubernetesPatchVersion {
  readiness?: KubernetesVersionReadiness[];
  upgrades?: string[];
}

export interface KubernetesVersionProperties {
  /** major.minor, e.g. "1.29" */
  version?: string;
  isPreview?: boolean;
  /** Keyed by the full patch version, e.g. "1.29.4". */
  patchVersions?: Record<string, KubernetesPatchVersion>;
}

export interface KubernetesVersionsResource {
  id?: string;
  name?: string;
  type?: string;
  properties?: { provisioningState?: string; values?: KubernetesVersionProperties[] };
}

export interface VmSkuProperties {
  resourceType?: string;
  name?: string;
  tier?: string;
  size?: string;
  capabilities?: { name?: string; value?: string }[];
}

export interface VmSkusResource {
  id?: string;
  name?: string;
  type?: string;
  properties?: { provisioningState?: string; values?: VmSkuProperties[] };
}

export interface KubernetesVersionChoice {
  version: string;
  isPreview: boolean;
  readiness: { osSku: string; ready: boolean; errorMessage?: string }[];
}

export interface VmSizeChoice {
  name: string;
  vCpu?: number;
  memoryMb?: number;
}

/** Numeric compare of dotted versions ("1.29.10" > "1.29.4"); a pre-release suffix ranks below its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = splitVersion(a);
  const [coreB, preB] = splitVersion(b);
  for (let i = 0; i < Math.max(coreA.length, coreB.length); i++) {
    const diff = (coreA[i] ?? 0) - (coreB[i] ?? 0);
    if (diff) return diff;
  }
  if (preA === preB) return 0;
  if (!preA) return 1;
  if (!preB) return -1;
  return preA < preB ? -1 : 1;
}

function splitVersion(version: string): [number[], string] {
  const dash = version.indexOf('-');
  const core = dash < 0 ? version : version.slice(0, dash);
  return [core.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : 0)), dash < 0 ? '' : version.slice(dash + 1)];
}

/** Every patch version, newest first, with its per-OS image readiness (an image may still be downloading). */
export function kubernetesVersionChoices(resource: KubernetesVersionsResource): KubernetesVersionChoice[] {
  const choices = (resource.properties?.values ?? []).flatMap((minor) =>
    Object.entries(minor.patchVersions ?? {}).map(([version, patch]) => ({
      version,
      isPreview: minor.isPreview === true,
      readiness: (patch.readiness ?? []).map((r) => ({
        osSku: r.osSku ?? r.osType ?? 'unknown',
        ready: r.ready === true,
        ...(r.errorMessage ? { errorMessage: r.errorMessage } : {}),
      })),
    })),
  );
  return choices.sort((a, b) => compareVersions(b.version, a.version));
}

/**
 * VM sizes in the service's order, with vCPUs and memory when the capabilities give them as numbers. The capability
 * names are Microsoft's (`vCpu`, `MemoryMb`: the skus/default examples of the 2024-01-01 swagger).
 */
export function vmSizeChoices(resource: VmSkusResource): VmSizeChoice[] {
  return (resource.properties?.values ?? [])
    .filter((sku): sku is VmSkuProperties & { name: string } => typeof sku.name === 'string' && sku.name !== '')
    .map((sku) => {
      const capability = (name: string) => {
        const raw = sku.capabilities?.find((c) => c.name?.toLowerCase() === name.toLowerCase())?.value?.trim();
        const value = raw ? Number(raw) : NaN; // Number('') would be 0
        return Number.isFinite(value) ? value : undefined;
      };
      const vCpu = capability('vCpu');
      const memoryMb = capability('MemoryMb');
      return { name: sku.name, ...(vCpu !== undefined ? { vCpu } : {}), ...(memoryMb !== undefined ? { memoryMb } : {}) };
    });
}

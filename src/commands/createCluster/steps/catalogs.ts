import { createCatalog, getCatalog, type CatalogResource, type CustomLocationCatalog } from '../../../azure/provisionedClusters';
import type { Prompter } from '../../../wizard/prompter';
import type { CreateClusterContext } from '../wizardContext';

const CATALOG_NAMES: Record<CustomLocationCatalog, string> = { kubernetesVersions: 'Kubernetes versions', skus: 'VM sizes' };

/**
 * A custom location's catalog of Kubernetes versions or VM sizes. The first cluster on a custom location finds none:
 * then it is created (a one-time PUT and its long-running operation) under a cancellable progress notification.
 */
export async function loadCatalog<V>(context: CreateClusterContext, prompter: Prompter, catalog: CustomLocationCatalog): Promise<CatalogResource<V>> {
  const customLocation = context.customLocation!;
  const key = `${customLocation.id.toLowerCase()}|${catalog}`;
  context.catalogs ??= new Map();
  const cached = context.catalogs.get(key) as CatalogResource<V> | undefined;
  if (cached) return cached;
  const loaded = await readOrCreate<V>(context, prompter, catalog);
  context.catalogs.set(key, loaded);
  return loaded;
}

async function readOrCreate<V>(context: CreateClusterContext, prompter: Prompter, catalog: CustomLocationCatalog): Promise<CatalogResource<V>> {
  const customLocation = context.customLocation!;
  const existing = await prompter.withProgress(`Reading ${CATALOG_NAMES[catalog]} of ${customLocation.name}…`, (_report, signal) =>
    getCatalog<V>(context.client, customLocation.id, catalog, signal),
  );
  if (existing?.properties?.values?.length) return existing;
  return prompter.withProgress(`Preparing ${CATALOG_NAMES[catalog]} on ${customLocation.name} (once per custom location)`, (report, signal) =>
    createCatalog<V>(context.client, customLocation.id, catalog, { signal, onStatus: (status) => report(status) }),
  );
}

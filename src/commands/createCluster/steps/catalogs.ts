import * as l10n from '@vscode/l10n';
import { createCatalog, getCatalog, type CatalogResource, type CustomLocationCatalog } from '../../../azure/provisionedClusters';
import type { Prompter } from '../../../wizard/prompter';
import type { CreateClusterContext } from '../wizardContext';

/** A catalog's name for the progress titles (translated when shown, after the bundle is configured). */
const catalogName = (catalog: CustomLocationCatalog): string => (catalog === 'kubernetesVersions' ? l10n.t('Kubernetes versions') : l10n.t('VM sizes'));

/**
 * A custom location's catalog of Kubernetes versions or VM sizes. The first cluster on a custom location finds none:
 * then it is created (a one-time PUT and its long-running operation) under a cancellable progress notification; the read
 * itself shows where the prompts are.
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
  const existing = await prompter.loading(
    l10n.t({ message: 'Reading {0} of {1}…', args: [catalogName(catalog), customLocation.name], comment: ['{0} is "Kubernetes versions" or "VM sizes", {1} a custom location.'] }),
    (signal) => getCatalog<V>(context.client, customLocation.id, catalog, signal),
  );
  if (existing?.properties?.values?.length) return existing;
  return prompter.withProgress(
    l10n.t({ message: 'Preparing {0} on {1} (once per custom location)', args: [catalogName(catalog), customLocation.name], comment: ['{0} is "Kubernetes versions" or "VM sizes", {1} a custom location.'] }),
    (report, signal) => createCatalog<V>(context.client, customLocation.id, catalog, { signal, onStatus: (status) => report(status) }),
  );
}

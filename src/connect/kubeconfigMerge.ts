/**
 * Kubeconfig merging on the JSON form (`kubectl config view --raw -o json`), so that no YAML parser is needed and
 * kubectl stays the one that reads and writes YAML. Pure: unit-tested.
 */
export interface NamedEntry {
  name: string;
  [key: string]: unknown;
}

export interface Kubeconfig {
  apiVersion?: string;
  kind?: string;
  clusters?: NamedEntry[] | null;
  contexts?: (NamedEntry & { context?: { cluster?: string; user?: string; namespace?: string } })[] | null;
  users?: NamedEntry[] | null;
  'current-context'?: string;
  preferences?: unknown;
  [key: string]: unknown;
}

export type ConflictChoice = 'overwrite' | 'keepBoth';

/** Names in `incoming` that `existing` already has, by section. */
export function kubeconfigConflicts(existing: Kubeconfig, incoming: Kubeconfig): string[] {
  const conflicts: string[] = [];
  for (const section of ['clusters', 'contexts', 'users'] as const) {
    const names = new Set((existing[section] ?? []).map((e) => e.name));
    for (const entry of incoming[section] ?? []) if (names.has(entry.name)) conflicts.push(`${section.slice(0, -1)} ${entry.name}`);
  }
  return conflicts;
}

/**
 * `incoming` merged into `existing`. Overwrite replaces same-named entries; keep both renames the incoming ones
 * (`name-2`, `-3`, …) and rewires its contexts to the renamed cluster and user. The current context is left alone.
 */
export function mergeKubeconfigs(existing: Kubeconfig, incoming: Kubeconfig, choice: ConflictChoice): Kubeconfig {
  const renamed: Record<'clusters' | 'contexts' | 'users', Map<string, string>> = { clusters: new Map(), contexts: new Map(), users: new Map() };
  const merged: Kubeconfig = { apiVersion: 'v1', kind: 'Config', ...existing };
  for (const section of ['clusters', 'users', 'contexts'] as const) {
    const current = [...(existing[section] ?? [])] as NamedEntry[];
    const taken = new Set(current.map((e) => e.name));
    for (const original of (incoming[section] ?? []) as NamedEntry[]) {
      const entry = structuredClone(original);
      if (section === 'contexts') {
        const context = (entry as { context?: { cluster?: string; user?: string } }).context;
        if (context?.cluster) context.cluster = renamed.clusters.get(context.cluster) ?? context.cluster;
        if (context?.user) context.user = renamed.users.get(context.user) ?? context.user;
      }
      if (taken.has(entry.name)) {
        if (choice === 'overwrite') {
          current.splice(current.findIndex((e) => e.name === entry.name), 1, entry);
          continue;
        }
        let n = 2;
        while (taken.has(`${entry.name}-${n}`)) n++;
        renamed[section].set(entry.name, `${entry.name}-${n}`);
        entry.name = `${entry.name}-${n}`;
      }
      taken.add(entry.name);
      current.push(entry);
    }
    (merged as Record<string, unknown>)[section] = current;
  }
  return merged;
}

/** The context a merged file gives the incoming cluster (after any renaming). */
export function incomingContextName(existing: Kubeconfig, incoming: Kubeconfig, choice: ConflictChoice): string | undefined {
  const name = incoming['current-context'] ?? incoming.contexts?.[0]?.name;
  if (!name || choice === 'overwrite') return name;
  const merged = mergeKubeconfigs(existing, incoming, choice);
  const added = (merged.contexts ?? []).slice((existing.contexts ?? []).length);
  return added.find((c) => c.name === name || c.name.startsWith(`${name}-`))?.name ?? name;
}

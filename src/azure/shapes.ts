import * as l10n from '@vscode/l10n';
import { normalizeResourceId } from './resourceId';

/**
 * Items of a list as the service returned them, checked before anything reads them: an item that is not the swagger's
 * shape (no id, no name, nulls where objects belong) or that repeats an id already seen becomes a warning — one row in
 * the tree, naming what was wrong — and the rest renders. Pure.
 */
export interface ShapeWarning {
  /** The row's text: "logical network lnet-x: properties.subnets[0] is null". */
  label: string;
  /** For the output channel: both names of a duplicated id, the raw value of a broken field. */
  detail: string;
}

export interface Checked<T> {
  items: T[];
  warnings: ShapeWarning[];
}

export function checkResources<T extends { id: string; name: string }>(kind: string, values: readonly unknown[], problemOf?: (item: T) => string | undefined): Checked<T> {
  const items: T[] = [];
  const warnings: ShapeWarning[] = [];
  const seen = new Map<string, T>();
  values.forEach((value, index) => {
    const item = value as Partial<T> | null;
    const where = `${kind} #${index + 1}`;
    const shown = kindLabel(kind);
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      warnings.push({ label: l10n.t({ message: '{0} #{1}: not an object', args: [shown, index + 1], comment: '{0} is a kind of resource ("logical network"), {1} its position in the list' }), detail: `${where} was ${JSON.stringify(value)?.slice(0, 200)}` });
      return;
    }
    const name = typeof item.name === 'string' && item.name ? item.name : undefined;
    if (typeof item.id !== 'string' || !item.id.startsWith('/')) {
      warnings.push({ label: l10n.t({ message: '{0} {1}: no resource id', args: [shown, name ?? `#${index + 1}`], comment: '{0} is a kind of resource ("logical network"), {1} its name' }), detail: `${where} has id ${JSON.stringify(item.id)}` });
      return;
    }
    if (!name) {
      warnings.push({ label: l10n.t({ message: '{0} {1}: no name', args: [shown, `${item.id.split('/').pop()}`], comment: '{0} is a kind of resource ("logical network"), {1} the last segment of its id' }), detail: `${item.id} has name ${JSON.stringify(item.name)}` });
      return;
    }
    const key = normalizeResourceId(item.id);
    const first = seen.get(key);
    if (first) {
      warnings.push({
        label: l10n.t({ message: '{0} {1}: another resource with the same id was returned; showing the first', args: [shown, name], comment: '{0} is a kind of resource ("logical network"), {1} its name' }),
        detail: `${kind} id ${item.id} was returned twice: first as "${first.name}", again as "${name}"`,
      });
      return;
    }
    const problem = problemOf?.(item as T);
    if (problem) {
      warnings.push({ label: l10n.t({ message: '{0} {1}: {2}', args: [shown, name, problem], comment: '{0} is a kind of resource ("logical network"), {1} its name, {2} what is wrong with it' }), detail: `${item.id}: ${problem}` });
      return;
    }
    seen.set(key, item as T);
    items.push(item as T);
  });
  return { items, warnings };
}

/** The kind as the warning row names it; the output channel's detail keeps the English `kind`. */
function kindLabel(kind: string): string {
  switch (kind) {
    case 'subscription':
      return l10n.t('subscription');
    case 'custom location':
      return l10n.t('custom location');
    case 'logical network':
      return l10n.t('logical network');
    case 'AKS Arc cluster':
      return l10n.t('AKS Arc cluster');
    default:
      return kind;
  }
}

/** Subscriptions carry no ARM `name`: checked on their own fields. */
export function checkSubscriptions<T extends { id: string; subscriptionId: string; displayName: string }>(values: readonly unknown[]): Checked<T> {
  const named = values.map((value) => {
    const s = value as Partial<T> | null;
    return s && typeof s === 'object' ? { ...s, name: s.displayName } : value;
  });
  const checked = checkResources<T & { name: string }>('subscription', named, (s) =>
    typeof s.subscriptionId === 'string' && s.subscriptionId ? undefined : 'no subscriptionId',
  );
  return checked;
}

/** The first part of an AKS Arc instance that is not the swagger's shape, or undefined. */
export function instanceShapeProblem(instance: unknown): string | undefined {
  if (!instance || typeof instance !== 'object') return 'the AKS Arc instance is not an object';
  const properties = (instance as { properties?: unknown }).properties;
  if (properties === undefined) return undefined;
  if (!properties || typeof properties !== 'object') return 'properties is not an object';
  const p = properties as Record<string, unknown>;
  if (p.agentPoolProfiles !== undefined && !Array.isArray(p.agentPoolProfiles)) return 'properties.agentPoolProfiles is not a list';
  for (const [i, pool] of (Array.isArray(p.agentPoolProfiles) ? p.agentPoolProfiles : []).entries()) {
    if (!pool || typeof pool !== 'object') return `properties.agentPoolProfiles[${i}] is ${JSON.stringify(pool)}`;
  }
  if (p.controlPlane !== undefined && (!p.controlPlane || typeof p.controlPlane !== 'object')) return 'properties.controlPlane is not an object';
  return undefined;
}

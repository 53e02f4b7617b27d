/**
 * Input rules for a node pool's labels and taints, typed as comma-separated lists (`env=dev, tier=web` and
 * `gpu=true:NoSchedule, spot:PreferNoSchedule`, the forms `kubectl label` and `kubectl taint` take). They are
 * Kubernetes' own rules, since AKS Arc hands both to the nodes: a key is a qualified name (an optional DNS-subdomain
 * prefix and `/`, then a name of at most 63 characters), a value at most 63 characters of the label-value class, a
 * taint's effect one of the three. Each returns undefined when fine, or a message naming the field and the rule.
 */
import * as l10n from '@vscode/l10n';
import type { NodeRoom } from '../azure/agentPools';
import { AKS_ARC_LIMITS } from '../azure/limits';
import { parseNodeCount, validateNodeCount } from './createCluster/validators';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

const items = (value: string) => (value.trim() ? value.split(',').map((item) => item.trim()) : []);

/** Why a key is not a Kubernetes qualified name, or undefined. */
function keyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const [prefix, name] = slash >= 0 ? [key.slice(0, slash), key.slice(slash + 1)] : [undefined, key];
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !SUBDOMAIN.test(prefix))) {
    return l10n.t('the prefix of "{0}" must be a lowercase DNS subdomain (example.com/) of at most 253 characters', key);
  }
  if (name.length === 0 || name.length > 63 || !NAME.test(name)) {
    return l10n.t('the key "{0}" must be 1 to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit', key);
  }
  return undefined;
}

const valueProblem = (key: string, value: string) =>
  value.length > 63 || !VALUE.test(value) ? l10n.t('the value of "{0}" must be at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit', key) : undefined;

type Parsed<T> = { value: T } | { problem: string };

function readLabels(text: string): Parsed<Record<string, string>> {
  const labels: Record<string, string> = {};
  for (const item of items(text)) {
    const eq = item.indexOf('=');
    if (eq < 0) return { problem: l10n.t({ message: '"{0}" is not key=value', args: [item], comment: 'key=value is the syntax of a label; keep it as it is' }) };
    const key = item.slice(0, eq);
    const value = item.slice(eq + 1);
    const problem = keyProblem(key) ?? valueProblem(key, value);
    if (problem) return { problem };
    if (Object.prototype.hasOwnProperty.call(labels, key)) return { problem: l10n.t('"{0}" is given twice', key) };
    labels[key] = value;
  }
  return { value: labels };
}

function readTaints(text: string): Parsed<string[]> {
  const taints: string[] = [];
  const seen = new Set<string>();
  for (const item of items(text)) {
    const colon = item.lastIndexOf(':');
    if (colon < 0) return { problem: l10n.t({ message: '"{0}" has no effect (key=value:{1})', args: [item, TAINT_EFFECTS.join(' | ')], comment: 'A taint is key=value:effect; {1} lists the effects (NoSchedule | PreferNoSchedule | NoExecute); keep key=value: as it is' }) };
    const effect = item.slice(colon + 1);
    if (!(TAINT_EFFECTS as readonly string[]).includes(effect)) return { problem: l10n.t({ message: 'the effect of "{0}" must be {1}', args: [item, TAINT_EFFECTS.join(', ')], comment: '{0} is a taint as typed; {1} lists the allowed effects: NoSchedule, PreferNoSchedule, NoExecute' }) };
    const keyValue = item.slice(0, colon);
    const eq = keyValue.indexOf('=');
    const [key, value] = eq >= 0 ? [keyValue.slice(0, eq), keyValue.slice(eq + 1)] : [keyValue, ''];
    const problem = keyProblem(key) ?? valueProblem(key, value);
    if (problem) return { problem };
    if (seen.has(`${key}:${effect}`)) return { problem: l10n.t({ message: '"{0}" with {1} is given twice', args: [key, effect], comment: '{0} is a taint\'s key, {1} its effect (NoSchedule…)' }) };
    seen.add(`${key}:${effect}`);
    taints.push(item);
  }
  return { value: taints };
}

export function validateNodeLabels(value: string): string | undefined {
  const read = readLabels(value);
  return 'problem' in read ? l10n.t('Node labels: {0}.', read.problem) : undefined;
}

export function validateNodeTaints(value: string): string | undefined {
  const read = readTaints(value);
  return 'problem' in read ? l10n.t('Node taints: {0}.', read.problem) : undefined;
}

/** The labels of an accepted list; undefined when none were given (the body then carries none). */
export function parseNodeLabels(value: string): Record<string, string> | undefined {
  const read = readLabels(value);
  if ('problem' in read) throw new Error(l10n.t('Node labels: {0}.', read.problem));
  return Object.keys(read.value).length ? read.value : undefined;
}

export function parseNodeTaints(value: string): string[] | undefined {
  const read = readTaints(value);
  if ('problem' in read) throw new Error(l10n.t('Node taints: {0}.', read.problem));
  return read.value.length ? read.value : undefined;
}

/**
 * A pool's node count: the per-pool rule of `validateNodeCount`, then the room the cluster's other pools leave
 * (`nodeRoom`), said with why when that is what binds.
 */
export function validatePoolNodeCount(value: string, room: NodeRoom): string | undefined {
  const rule = validateNodeCount(value, AKS_ARC_LIMITS.nodePoolMaxNodes);
  if (rule) return rule;
  return parseNodeCount(value) > room.max ? l10n.t('Node count: at most {0} here: {1}.', room.max, `${room.why}`) : undefined;
}

/** An autoscaler maximum: a pool's node count, and at least the minimum. */
export function validateAutoscaleMax(value: string, minCount: number, room: NodeRoom): string | undefined {
  return validatePoolNodeCount(value, room) ?? (parseNodeCount(value) < minCount ? l10n.t('Node count: the maximum must be at least the minimum ({0}).', minCount) : undefined);
}

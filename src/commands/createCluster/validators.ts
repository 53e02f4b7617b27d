import * as l10n from '@vscode/l10n';
import { AKS_ARC_LIMITS } from '../../azure/limits';

/**
 * Input rules for the create-cluster wizard. Each returns undefined when the value is fine, or a message that names
 * the field and the rule (shown inline by the quick pick / input box).
 */

/**
 * Resource group names: the swagger's `^[-\w\._\(\)]+$` with 1–90 characters, where `\w` is .NET's (ARM's) Unicode
 * word class — letters of any script, combining marks, digits, connector punctuation — and no trailing period.
 */
const RESOURCE_GROUP_NAME = /^[-\p{L}\p{Mn}\p{Nd}\p{Pc}._()]+$/u;

export function validateResourceGroupName(value: string): string | undefined {
  const length = [...value].length;
  if (length < 1 || length > 90) return l10n.t('Resource group name: 1 to 90 characters.');
  if (!RESOURCE_GROUP_NAME.test(value)) return l10n.t('Resource group name: only letters, digits, underscores, hyphens, periods and parentheses.');
  if (value.endsWith('.')) return l10n.t('Resource group name: cannot end with a period.');
  return undefined;
}

/**
 * Cluster names: the connectedClusters swagger sets no pattern, so until AKS Arc's own rule is confirmed this uses a
 * DNS-1123 label (the cluster name becomes Kubernetes and VM names): lowercase letters, digits and hyphens, starting
 * with a letter, ending with a letter or digit, at most 63 characters.
 */
export function validateClusterName(value: string): string | undefined {
  if (value.length < 1 || value.length > 63) return l10n.t('Cluster name: 1 to 63 characters.');
  if (!/^[a-z]/.test(value)) return l10n.t('Cluster name: must start with a lowercase letter.');
  if (!/^[a-z0-9-]+$/.test(value)) return l10n.t('Cluster name: only lowercase letters, digits and hyphens.');
  if (!/[a-z0-9]$/.test(value)) return l10n.t('Cluster name: must end with a lowercase letter or digit.');
  return undefined;
}

/** Node pool names: the swagger's `^[a-z][a-z0-9]{2,11}$`. */
export function validateNodePoolName(value: string): string | undefined {
  return /^[a-z][a-z0-9]{2,11}$/.test(value)
    ? undefined
    : l10n.t('Node pool name: 3 to 12 characters, lowercase letters and digits, starting with a letter.');
}

/**
 * The node pool created with the cluster: a whole number from 1 to AKS Arc's published limit. Read digit by digit
 * (as a BigInt), so "99999999999999999999" is refused, never rounded to 1e20 or sent as null.
 */
export function validateNodeCount(value: string, max: number = AKS_ARC_LIMITS.defaultNodePoolMaxNodes): string | undefined {
  const text = value.trim();
  const rule = l10n.t({
    message: "Node count: a whole number from 1 to {0} (AKS Arc's limit, {1}).",
    args: [max, AKS_ARC_LIMITS.source],
    comment: ['{0} is the largest node count; {1} is the URL of the page that publishes the limit.'],
  });
  if (!/^\d+$/.test(text)) return rule;
  const count = BigInt(text);
  return count >= 1n && count <= BigInt(max) ? undefined : rule;
}

/** The count of a value that validateNodeCount accepted. */
export function parseNodeCount(value: string): number {
  const message = validateNodeCount(value, Number.MAX_SAFE_INTEGER);
  if (message) throw new Error(message);
  return Number(value.trim());
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Comma-separated Entra group object IDs. */
export function validateAdminGroupIds(value: string): string | undefined {
  const bad = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id && !GUID.test(id));
  return bad.length ? l10n.t('Admin group object IDs: "{0}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).', bad[0]) : undefined;
}

/** RSA keys shorter than this are refused (OpenSSH's own minimum for new keys is 1024; NIST retired below 2048). */
export const MIN_RSA_BITS = 2048;

/** The key types AKS Arc refuses, named for the message (translated when asked, after the bundle is configured). */
const KEY_TYPE_NAMES: Record<string, () => string> = {
  'ssh-ed25519': () => l10n.t({ message: 'an ed25519', comment: ['An SSH key type, completing "this is {0} key."'] }),
  'ssh-dss': () => l10n.t({ message: 'a DSA', comment: ['An SSH key type, completing "this is {0} key."'] }),
  'ecdsa-sha2-nistp256': () => l10n.t({ message: 'an ECDSA', comment: ['An SSH key type, completing "this is {0} key."'] }),
  'ecdsa-sha2-nistp384': () => l10n.t({ message: 'an ECDSA', comment: ['An SSH key type, completing "this is {0} key."'] }),
  'ecdsa-sha2-nistp521': () => l10n.t({ message: 'an ECDSA', comment: ['An SSH key type, completing "this is {0} key."'] }),
  'sk-ssh-ed25519@openssh.com': () => l10n.t({ message: 'a security-key ed25519', comment: ['An SSH key type, completing "this is {0} key."'] }),
  'sk-ecdsa-sha2-nistp256@openssh.com': () => l10n.t({ message: 'a security-key ECDSA', comment: ['An SSH key type, completing "this is {0} key."'] }),
};

/**
 * One OpenSSH RSA public key line — `ssh-rsa <base64> [comment]` — parsed whole: the base64 strictly, the embedded
 * type, exponent and modulus (at least 2048 bits), nothing after them, one line. AKS Arc takes RSA keys (what Az.AksArc
 * generates); another type gets a message saying so.
 */
export function validateSshRsaPublicKey(value: string): string | undefined {
  const line = value.replace(/\r?\n$/, '');
  const required = l10n.t('SSH public key: one OpenSSH RSA key on one line ("ssh-rsa AAAA… comment") is required.');
  if (/[\r\n]/.test(line)) return l10n.t('SSH public key: one key on one line; this holds several lines.');
  // eslint-disable-next-line no-control-regex -- control characters are what this check looks for
  if (/[\0-\x08\x0b-\x1f\x7f]/.test(line)) return l10n.t('SSH public key: contains a control character.');
  const type = line.split(/[ \t]/, 1)[0];
  const typeName = Object.prototype.hasOwnProperty.call(KEY_TYPE_NAMES, type) ? KEY_TYPE_NAMES[type]() : undefined;
  if (typeName) {
    return l10n.t({ message: 'SSH public key: AKS Arc takes RSA keys ("ssh-rsa …"); this is {0} key.', args: [typeName], comment: ['{0} is a key type with its article, e.g. "an ed25519".'] });
  }
  if (!line.startsWith('ssh-rsa ')) return required;
  const data = line.slice('ssh-rsa '.length).trimStart().split(/[ \t]/, 1)[0];
  if (!data || data.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return l10n.t('SSH public key: the key data is not valid base64.');
  const blob = Buffer.from(data, 'base64');
  const fields = readSshFields(blob, 3);
  if (!fields) return l10n.t('SSH public key: the key data is truncated or has extra bytes.');
  if (fields[0].toString('latin1') !== 'ssh-rsa') return l10n.t('SSH public key: the key data is not an RSA key (its embedded type differs).');
  const modulus = fields[2];
  const bits = modulusBits(modulus);
  if (bits < MIN_RSA_BITS) return l10n.t('SSH public key: the RSA key has {0} bits; at least {1} are required.', bits, MIN_RSA_BITS);
  return undefined;
}

/** Exactly `count` SSH wire-format strings (uint32 length + bytes) filling `blob`, or undefined. */
function readSshFields(blob: Buffer, count: number): Buffer[] | undefined {
  const fields: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 4 > blob.length) return undefined;
    const length = blob.readUInt32BE(at);
    at += 4;
    if (length === 0 || at + length > blob.length) return undefined;
    fields.push(blob.subarray(at, at + length));
    at += length;
  }
  return at === blob.length ? fields : undefined;
}

/** Bit length of an SSH mpint (big-endian, a leading 0x00 when the high bit is set). */
function modulusBits(mpint: Buffer): number {
  let i = 0;
  while (i < mpint.length && mpint[i] === 0) i++;
  if (i === mpint.length) return 0;
  return (mpint.length - i - 1) * 8 + (32 - Math.clz32(mpint[i]));
}

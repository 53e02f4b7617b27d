/**
 * Input rules for the create-cluster wizard. Each returns undefined when the value is fine, or a message that names
 * the field and the rule (shown inline by the quick pick / input box).
 */

/** Resource group names: common-types v2/v3 (1–90 characters, `^[-\w\._\(\)]+$`), and ARM rejects a trailing period. */
export function validateResourceGroupName(value: string): string | undefined {
  if (value.length < 1 || value.length > 90) return 'Resource group name: 1 to 90 characters.';
  if (!/^[-\w._()]+$/.test(value)) return 'Resource group name: only letters, digits, underscores, hyphens, periods and parentheses.';
  if (value.endsWith('.')) return 'Resource group name: cannot end with a period.';
  return undefined;
}

/**
 * Cluster names: the connectedClusters swagger sets no pattern, so until AKS Arc's own rule is confirmed this uses a
 * DNS-1123 label (the cluster name becomes Kubernetes and VM names): lowercase letters, digits and hyphens, starting
 * with a letter, ending with a letter or digit, at most 63 characters.
 */
export function validateClusterName(value: string): string | undefined {
  if (value.length < 1 || value.length > 63) return 'Cluster name: 1 to 63 characters.';
  if (!/^[a-z]/.test(value)) return 'Cluster name: must start with a lowercase letter.';
  if (!/^[a-z0-9-]+$/.test(value)) return 'Cluster name: only lowercase letters, digits and hyphens.';
  if (!/[a-z0-9]$/.test(value)) return 'Cluster name: must end with a lowercase letter or digit.';
  return undefined;
}

/** Node pool names: the swagger's `^[a-z][a-z0-9]{2,11}$`. */
export function validateNodePoolName(value: string): string | undefined {
  return /^[a-z][a-z0-9]{2,11}$/.test(value)
    ? undefined
    : 'Node pool name: 3 to 12 characters, lowercase letters and digits, starting with a letter.';
}

export function validateNodeCount(value: string): string | undefined {
  return /^[1-9]\d*$/.test(value.trim()) ? undefined : 'Node count: a whole number of at least 1.';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Comma-separated Entra group object IDs. */
export function validateAdminGroupIds(value: string): string | undefined {
  const bad = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id && !GUID.test(id));
  return bad.length ? `Admin group object IDs: "${bad[0]}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).` : undefined;
}

/** An OpenSSH RSA public key line: `ssh-rsa <base64 whose first field is "ssh-rsa"> [comment]`. */
export function validateSshRsaPublicKey(value: string): string | undefined {
  const [type, data] = value.trim().split(/\s+/);
  if (type !== 'ssh-rsa' || !data) return 'SSH public key: an OpenSSH RSA key ("ssh-rsa AAAA… comment") is required.';
  const decoded = Buffer.from(data, 'base64');
  const length = decoded.length >= 4 ? decoded.readUInt32BE(0) : -1;
  if (length !== 7 || decoded.subarray(4, 11).toString('latin1') !== 'ssh-rsa') {
    return 'SSH public key: the key data is not a valid OpenSSH RSA key.';
  }
  return undefined;
}

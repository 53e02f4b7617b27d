/**
 * IPv4 arithmetic and the logical-network checks AKS Arc needs before a cluster is created. Pure: unit-tested without
 * VS Code. Addresses are unsigned 32-bit numbers so ranges compare with plain `<=`.
 */
import type { IPPool, LogicalNetwork } from '../../azure/models';

/**
 * A strict dotted quad: four decimal parts of 0–255. Leading zeros are refused because some parsers read them as octal
 * ("010" = 8), so the same text could mean two addresses.
 */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.');
}

/** First and last address of an IPv4 CIDR prefix ("10.20.0.0/24"); host bits in the address are masked off. */
export function cidrRange(prefix: string): { start: number; end: number } | undefined {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(prefix.trim());
  if (!match) return undefined;
  const address = parseIPv4(match[1]);
  const length = Number(match[2]);
  if (address === undefined || length > 32) return undefined;
  // Plain arithmetic rather than bit shifts: `1 << 32` and `~0` are signed 32-bit in JavaScript.
  const size = 2 ** (32 - length);
  const start = address - (address % size);
  return { start, end: start + size - 1 };
}

function addressPrefixes(network: LogicalNetwork): string[] {
  return (network.properties?.subnets ?? []).flatMap(
    (s) => s.properties?.addressPrefixes ?? (s.properties?.addressPrefix ? [s.properties.addressPrefix] : []),
  );
}

function ipPools(network: LogicalNetwork): IPPool[] {
  return (network.properties?.subnets ?? []).flatMap((s) => s.properties?.ipPools ?? []);
}

/** A pool's range, or undefined when either end is not an IPv4 address or start > end. */
function poolRange(pool: IPPool): { start: number; end: number } | undefined {
  const start = parseIPv4(pool.start ?? '');
  const end = parseIPv4(pool.end ?? '');
  return start !== undefined && end !== undefined && start <= end ? { start, end } : undefined;
}

const poolText = (pool: IPPool) => `${pool.start ?? '?'} – ${pool.end ?? '?'}`;

// Mirrors Az.AksArc: azure-powershell src/AksArc/AksArc.Autorest/custom/helpers/ValidateLogicalNetwork.ps1
export function logicalNetworkProblem(network: LogicalNetwork): string | undefined {
  const subnets = network.properties?.subnets ?? [];
  if (addressPrefixes(network).length === 0) return 'No address prefix.';
  if (subnets.some((s) => s.properties?.ipAllocationMethod?.toLowerCase() === 'dynamic')) {
    return 'Dynamic IP allocation is not supported; AKS Arc needs a Static logical network.';
  }
  if (!network.properties?.dhcpOptions?.dnsServers?.length) return 'No DNS server; AKS Arc needs at least one.';
  const pools = ipPools(network);
  if (pools.length === 0) return 'No IP pool; AKS Arc needs at least one.';
  const bad = pools.find((p) => !poolRange(p));
  if (bad) return `IP pool ${poolText(bad)} is not a valid range.`;
  return undefined;
}

/**
 * The optional control plane IP (controlPlaneEndpoint.hostIP): inside the network's address prefix, outside its IP
 * pools (the pools hand out node and load-balancer addresses, which would collide with it).
 */
export function validateControlPlaneIp(value: string, network: LogicalNetwork): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  const ip = parseIPv4(text);
  if (ip === undefined) return `Control plane IP: "${value}" is not an IPv4 address.`;
  const prefixes = addressPrefixes(network);
  const inPrefix = prefixes.some((p) => {
    const range = cidrRange(p);
    return range !== undefined && range.start <= ip && ip <= range.end;
  });
  if (!inPrefix) return `Control plane IP: must be inside the address prefix ${prefixes.join(', ') || 'none'} of ${network.name}.`;
  const pool = ipPools(network).find((p) => {
    const range = poolRange(p);
    return range !== undefined && range.start <= ip && ip <= range.end;
  });
  if (pool) return `Control plane IP: must be outside the IP pool ${poolText(pool)}.`;
  return undefined;
}

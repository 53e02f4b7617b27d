/**
 * Logical networks as a developer and AKS Arc see them: what the tree shows, whether a cluster can use one, and where
 * its control-plane IP may be. Read defensively — the service's bodies (and Microsoft's own examples) can hold nulls,
 * strings where lists belong, or both `addressPrefix` and `addressPrefixes` — and pure: unit-tested without VS Code.
 */
import * as l10n from '@vscode/l10n';
import { cidrRange, inRange, parseIPv4, type Ipv4Range } from './ipv4';
import type { IPPool, LogicalNetwork } from './models';

export { cidrRange, formatIPv4, parseIPv4 } from './ipv4';

/** A logical network reduced to what a developer choosing one needs to see. */
export interface LogicalNetworkSummary {
  addressPrefix: string;
  allocation: string;
  /** "10.20.0.100 – 10.20.0.199", with the pool's type and name beside it. */
  ipPools: { range: string; detail: string }[];
  dnsServers: string[];
  vlan: string;
  gateway?: string;
  vmSwitch?: string;
  provisioningState?: string;
  /** The service's error for a network that failed (`status.errorCode: errorMessage`). */
  error?: string;
}

interface Facts {
  prefixes: string[];
  allocations: string[];
  pools: IPPool[];
  dnsServers: string[];
  vlans: string[];
  gateway?: string;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const unique = (values: string[]) => [...new Set(values)];

/**
 * The first thing about a network's body that is not the swagger's shape (null subnets or pools, a string where a
 * list belongs), or undefined. Such a network gets a warning row instead of its own; the rest of the tree renders.
 */
export function logicalNetworkShapeProblem(network: LogicalNetwork): string | undefined {
  const properties = (network as { properties?: unknown }).properties;
  if (properties === undefined) return undefined;
  if (!properties || typeof properties !== 'object') return 'properties is not an object';
  const p = properties as Record<string, unknown>;
  if (p.subnets !== undefined && !Array.isArray(p.subnets)) return 'properties.subnets is not a list';
  for (const [i, subnet] of list(p.subnets).entries()) {
    if (!subnet || typeof subnet !== 'object') return `properties.subnets[${i}] is ${JSON.stringify(subnet)}`;
    const sp = (subnet as { properties?: unknown }).properties;
    if (sp === undefined) continue;
    if (!sp || typeof sp !== 'object') return `properties.subnets[${i}].properties is not an object`;
    const s = sp as Record<string, unknown>;
    for (const key of ['addressPrefixes', 'ipPools'] as const) {
      if (s[key] !== undefined && !Array.isArray(s[key])) return `properties.subnets[${i}].properties.${key} is not a list`;
    }
    for (const [j, pool] of list(s.ipPools).entries()) {
      if (!pool || typeof pool !== 'object') return `properties.subnets[${i}].properties.ipPools[${j}] is ${JSON.stringify(pool)}`;
    }
  }
  const dns = record(p.dhcpOptions).dnsServers;
  if (dns !== undefined && !Array.isArray(dns)) return 'properties.dhcpOptions.dnsServers is not a list';
  return undefined;
}

function facts(network: LogicalNetwork): Facts {
  const p = record((network as { properties?: unknown }).properties);
  const subnets = list(p.subnets).map((s) => record(record(s).properties));
  // Both fields can be present: every prefix either names counts.
  const prefixes = unique(subnets.flatMap((s) => [...list(s.addressPrefixes), s.addressPrefix]).filter((x): x is string => typeof x === 'string' && x !== ''));
  const routes = subnets.flatMap((s) => list(record(record(s.routeTable).properties).routes)).map((r) => record(record(r).properties));
  return {
    prefixes,
    allocations: unique(subnets.map((s) => text(s.ipAllocationMethod)).filter((m): m is string => !!m)),
    pools: subnets.flatMap((s) => list(s.ipPools)).filter((pool): pool is IPPool => !!pool && typeof pool === 'object'),
    dnsServers: list(record(p.dhcpOptions).dnsServers).map((d) => (typeof d === 'string' ? d : JSON.stringify(d))),
    vlans: unique(subnets.map((s) => s.vlan).filter((v): v is number => typeof v === 'number').map(String)),
    gateway: text(routes.find((r) => r.addressPrefix === '0.0.0.0/0')?.nextHopIpAddress),
  };
}

export function summarizeLogicalNetwork(network: LogicalNetwork): LogicalNetworkSummary {
  const f = facts(network);
  const p = record((network as { properties?: unknown }).properties);
  const status = record(p.status);
  const error = [text(status.errorCode), text(status.errorMessage)].filter(Boolean).join(': ');
  return {
    addressPrefix: f.prefixes.join(', ') || l10n.t('none'),
    allocation: f.allocations.join(', ') || l10n.t('unknown'),
    ipPools: f.pools.map((pool) => ({ range: poolText(pool), detail: [pool.ipPoolType, pool.name].filter((x) => typeof x === 'string' && x).join(' · ') })),
    dnsServers: f.dnsServers,
    vlan: f.vlans.join(', ') || l10n.t('none'),
    gateway: f.gateway,
    vmSwitch: text(p.vmSwitchName),
    provisioningState: text(p.provisioningState),
    error: error || undefined,
  };
}

/** A pool's range, or undefined when either end is not an IPv4 address or start > end. */
function poolRange(pool: IPPool): Ipv4Range | undefined {
  const start = parseIPv4(typeof pool.start === 'string' ? pool.start : '');
  const end = parseIPv4(typeof pool.end === 'string' ? pool.end : '');
  return start !== undefined && end !== undefined && start <= end ? { start, end } : undefined;
}

const poolText = (pool: IPPool) => `${text(pool.start) ?? '?'} – ${text(pool.end) ?? '?'}`;

/**
 * Why AKS Arc cannot use this network, or undefined. Az.AksArc's checks (azure-powershell
 * src/AksArc/AksArc.Autorest/custom/helpers/ValidateLogicalNetwork.ps1: DNS servers, Static allocation, an IP pool),
 * plus the ranges making sense: IPv4 prefixes, DNS servers that are addresses, pools inside a prefix that do not overlap.
 */
export function logicalNetworkProblem(network: LogicalNetwork): string | undefined {
  const shape = logicalNetworkShapeProblem(network);
  if (shape) return l10n.t('Its description from Azure is malformed: {0}.', shape);
  const f = facts(network);
  if (f.prefixes.length === 0) return l10n.t('No address prefix.');
  const ranges: Ipv4Range[] = [];
  for (const prefix of f.prefixes) {
    const range = cidrRange(prefix);
    if (!range) return l10n.t('Address prefix "{0}" is not an IPv4 prefix (a.b.c.d/n); AKS Arc needs IPv4.', prefix);
    ranges.push(range);
  }
  if (f.allocations.some((m) => m.toLowerCase() === 'dynamic')) return l10n.t('Dynamic IP allocation is not supported; AKS Arc needs a Static logical network.');
  if (!f.allocations.some((m) => m.toLowerCase() === 'static')) return l10n.t('IP allocation is not Static; AKS Arc needs a Static logical network.');
  if (!f.dnsServers.length) return l10n.t('No DNS server; AKS Arc needs at least one.');
  const badDns = f.dnsServers.find((d) => parseIPv4(d) === undefined);
  if (badDns !== undefined) return l10n.t('DNS server "{0}" is not an IPv4 address.', badDns);
  if (f.pools.length === 0) return l10n.t('No IP pool; AKS Arc needs at least one.');
  const pools: { pool: IPPool; range: Ipv4Range }[] = [];
  for (const pool of f.pools) {
    const range = poolRange(pool);
    if (!range) return l10n.t('IP pool {0} is not a valid IPv4 range.', poolText(pool));
    if (!ranges.some((r) => inRange(range.start, r) && inRange(range.end, r))) return l10n.t('IP pool {0} is outside the address prefix {1}.', poolText(pool), f.prefixes.join(', '));
    pools.push({ pool, range });
  }
  pools.sort((a, b) => a.range.start - b.range.start);
  for (let i = 1; i < pools.length; i++) {
    if (pools[i].range.start <= pools[i - 1].range.end) return l10n.t('IP pools {0} and {1} overlap.', poolText(pools[i - 1].pool), poolText(pools[i].pool));
  }
  return undefined;
}

/**
 * The optional control plane IP (controlPlaneEndpoint.hostIP): inside the network's address prefix, and none of the
 * addresses already spoken for — the prefix's network and broadcast addresses, the gateway, a DNS server, or an IP
 * pool (the pools hand out node and load-balancer addresses, which would collide with it).
 */
export function validateControlPlaneIp(value: string, network: LogicalNetwork): string | undefined {
  const input = value.trim();
  if (!input) return undefined;
  const ip = parseIPv4(input);
  if (ip === undefined) return l10n.t('Control plane IP: "{0}" is not an IPv4 address.', value);
  const f = facts(network);
  const prefix = f.prefixes.map(cidrRange).find((range) => range !== undefined && inRange(ip, range));
  if (!prefix) return l10n.t('Control plane IP: must be inside the address prefix {0} of {1}.', f.prefixes.join(', ') || l10n.t('none'), `${network.name}`);
  if (prefix.length <= 30 && (ip === prefix.start || ip === prefix.end)) {
    return ip === prefix.start
      ? l10n.t('Control plane IP: {0} is the network address of the prefix; choose a host address.', input)
      : l10n.t('Control plane IP: {0} is the broadcast address of the prefix; choose a host address.', input);
  }
  if (f.gateway === input) return l10n.t("Control plane IP: {0} is the network's gateway.", input);
  if (f.dnsServers.includes(input)) return l10n.t("Control plane IP: {0} is one of the network's DNS servers.", input);
  const pool = f.pools.find((p) => {
    const range = poolRange(p);
    return range !== undefined && inRange(ip, range);
  });
  if (pool) return l10n.t('Control plane IP: must be outside the IP pool {0}.', poolText(pool));
  return undefined;
}

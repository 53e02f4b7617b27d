/**
 * Bad input, fuzzed: every validator and parser against inputs a user (or a tasks.json, or a hostile paste) can give,
 * each verdict taken from an oracle that is not the code under test — `ssh-keygen -l` for keys, `net.isIPv4` and
 * `net.BlockList` for addresses, the swaggers' own patterns (read from test/specs), ARM's documented resource-group
 * rule, AKS Arc's published scale limits, the real `kubectl taint` for node labels and taints. A validator must refuse with a message that names the field, never throw,
 * and never accept what the oracle refuses.
 *
 * Prints `bad input: <N> tried, <W> accepted wrongly, <R> refused wrongly, <C> crashed`.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { AKS_ARC_LIMITS } from '../../src/azure/limits';
import { logicalNetworkProblem, validateControlPlaneIp } from '../../src/azure/logicalNetwork';
import type { LogicalNetwork } from '../../src/azure/models';
import { parseResourceId } from '../../src/azure/resourceId';
import { openSshRsaPublicKey } from '../../src/commands/createCluster/sshKey';
import {
  parseNodeCount,
  validateAdminGroupIds,
  validateClusterName,
  validateNodeCount,
  validateNodePoolName,
  validateResourceGroupName,
  validateSshRsaPublicKey,
} from '../../src/commands/createCluster/validators';
import { validateTaskDefinition } from '../../src/connect/taskDefinition';
import { nodeRoom, type AgentPool } from '../../src/azure/agentPools';
import { validateAutoscaleMax, validateNodeLabels, validateNodeTaints, validatePoolNodeCount } from '../../src/commands/nodePoolInput';

const SPECS = path.resolve(__dirname, '../../../test/specs/specification');

// ---------------------------------------------------------------- the oracles (none of them calls product code)

/** A swagger `pattern`, found by the property it constrains, as a JS regex with .NET's Unicode `\w`. */
function swaggerPattern(file: string, near: string): RegExp {
  const text = fs.readFileSync(path.join(SPECS, file), 'utf8');
  const at = text.indexOf(near);
  assert.ok(at >= 0, `${near} not in ${file}`);
  const match = /"pattern":\s*"((?:[^"\\]|\\.)*)"/.exec(text.slice(at));
  assert.ok(match, `no pattern after ${near} in ${file}`);
  const source = JSON.parse(`"${match[1]}"`) as string;
  // ARM is .NET: `\w` there is [\p{L}\p{Mn}\p{Nd}\p{Pc}], not JavaScript's ASCII class.
  return new RegExp(source.replace(/\\w/g, '\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}'), 'u');
}

const NODE_POOL_NAME = swaggerPattern(
  'hybridaks/resource-manager/Microsoft.HybridContainerService/HybridContainerService/stable/2024-01-01/provisionedClusterInstances.json',
  '"agentPoolName"',
);
const RESOURCE_GROUP = swaggerPattern('resources/resource-manager/Microsoft.Resources/resources/stable/2025-04-01/resources.json', '"resourceGroupName"');

/** ARM's documented rule: 1–90 characters of the swagger's class, not ending in a period. */
const resourceGroupOracle = (v: string) => [...v].length >= 1 && [...v].length <= 90 && RESOURCE_GROUP.test(v) && !v.endsWith('.');

/** The documented cluster-name rule (README): a DNS-1123 label that starts with a letter, at most 63. */
function clusterNameOracle(v: string): boolean {
  if (v.length < 1 || v.length > 63) return false;
  const lower = (c: string) => c >= 'a' && c <= 'z';
  const digit = (c: string) => c >= '0' && c <= '9';
  if (!lower(v[0])) return false;
  if (v[v.length - 1] === '-') return false;
  for (const c of v) if (!lower(c) && !digit(c) && c !== '-') return false;
  return true;
}

/** A whole number within AKS Arc's published limits (read as a BigInt: no float rounding). */
function countOracle(v: string, max: number): boolean {
  const t = v.trim();
  if (!/^\d+$/.test(t)) return false;
  const n = BigInt(t);
  return n >= 1n && n <= BigInt(max);
}

function guidOracle(v: string): boolean {
  const hex = '0123456789abcdefABCDEF';
  const groups = v.split('-');
  return groups.length === 5 && [8, 4, 4, 4, 12].every((len, i) => groups[i].length === len && [...groups[i]].every((c) => hex.includes(c)));
}

const guidListOracle = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean).every(guidOracle);

const SSH_KEYGEN = '/usr/bin/ssh-keygen';
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-keys-'));
let keyFile = 0;

/** ssh-keygen decides: one line, starting with the type, one RSA key of at least 2048 bits. */
function sshKeyOracle(v: string): boolean {
  const line = v.replace(/\r?\n$/, '');
  if (/[\r\n\0]/.test(line) || !line.startsWith('ssh-rsa ')) return false;
  const file = path.join(keyDir, `k${keyFile++}.pub`);
  fs.writeFileSync(file, line + '\n');
  try {
    const out = execFileSync(SSH_KEYGEN, ['-l', '-f', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n');
    if (out.length !== 1) return false;
    const m = /^(\d+) \S+ .*\((\w+)\)$/.exec(out[0]);
    return !!m && m[2] === 'RSA' && Number(m[1]) >= 2048;
  } catch {
    return false;
  }
}

/**
 * Kubernetes decides: `kubectl taint` parses and validates its arguments (qualified-name keys, label values, the
 * effect, no key+effect twice) before it contacts a server, so against a closed port a refusal is "error: …" and an
 * accepted list gets as far as the connection. A label key=value is valid exactly when the taint key=value:NoSchedule is
 * (the same key and value rules); a label list also needs distinct keys (it is a map). The list format — items split at
 * commas and trimmed — is this extension's, so the oracle splits the same way.
 */
const KUBECTL = '/usr/bin/kubectl';
const listItems = (v: string) => (v.trim() ? v.split(',').map((item) => item.trim()) : []);
function kubectlAcceptsTaints(taints: string[]): Promise<boolean> {
  if (taints.length === 0) return Promise.resolve(true);
  if (taints.some((t) => t.endsWith('-') || !t.includes(':') || t.includes('\0'))) return Promise.resolve(false); // "k-" removes; no effect adds nothing
  return new Promise((resolve, reject) => {
    execFile(KUBECTL, ['taint', 'nodes', 'n', '--dry-run=client', '-s', 'http://127.0.0.1:1', '--request-timeout=2s', '--', ...taints], { env: { PATH: process.env.PATH, KUBECONFIG: '/nonexistent', HOME: os.tmpdir() }, encoding: 'utf8' }, (_error, stdout, stderr) => {
      const refused = /^error: (invalid taint|duplicated taints|at least one taint)/m.test(stderr);
      const reachedServer = /127\.0\.0\.1:1/.test(stderr + stdout);
      if (!refused && !reachedServer) reject(new Error(`kubectl gave neither a verdict nor a connection attempt: ${stderr}`));
      else resolve(!refused);
    });
  });
}
function kubectlAcceptsLabels(value: string): Promise<boolean> {
  const items = listItems(value);
  if (items.some((item) => !item.includes('='))) return Promise.resolve(false);
  const keys = items.map((item) => item.slice(0, item.indexOf('=')));
  if (new Set(keys).size !== keys.length) return Promise.resolve(false);
  return kubectlAcceptsTaints(items.map((item) => `${item}:NoSchedule`));
}

/** At most `width` promises at a time. */
async function inBatches<T>(inputs: T[], width: number, each: (input: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < inputs.length; i += width) await Promise.all(inputs.slice(i, i + width).map(each));
}

const ipv4 = (v: string) => net.isIPv4(v);

/** An IPv4 CIDR: a dotted quad and a length 0–32. */
function cidrOracle(v: unknown): { address: string; length: number } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^([^/]+)\/(\d{1,2})$/.exec(v);
  if (!m || !ipv4(m[1]) || Number(m[2]) > 32) return undefined;
  return { address: m[1], length: Number(m[2]) };
}

const toNumber = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

interface NetworkFacts {
  prefixes: { address: string; length: number }[];
  pools: { start: string; end: string }[];
  dns: unknown[];
  allocation: unknown;
}

/** What AKS Arc needs of a logical network (Az.AksArc's ValidateLogicalNetwork, plus the ranges making sense). */
function networkOracle(facts: NetworkFacts | undefined): boolean {
  if (!facts) return false;
  const { prefixes, pools, dns, allocation } = facts;
  // Az.AksArc compares with PowerShell's -eq, which ignores case.
  if (!prefixes.length || typeof allocation !== 'string' || allocation.toLowerCase() !== 'static') return false;
  if (!dns.length || !dns.every((d) => typeof d === 'string' && ipv4(d))) return false;
  if (!pools.length) return false;
  const inside = new net.BlockList();
  for (const p of prefixes) inside.addSubnet(p.address, p.length);
  for (const pool of pools) {
    if (!ipv4(pool.start) || !ipv4(pool.end) || toNumber(pool.start) > toNumber(pool.end)) return false;
    if (!inside.check(pool.start) || !inside.check(pool.end)) return false;
  }
  const sorted = [...pools].sort((a, b) => toNumber(a.start) - toNumber(b.start));
  for (let i = 1; i < sorted.length; i++) if (toNumber(sorted[i].start) <= toNumber(sorted[i - 1].end)) return false;
  return true;
}

/** The control-plane IP: an address of the prefix that is not its network or broadcast address, the gateway, a DNS server, or pooled. */
function controlPlaneIpOracle(v: string, facts: NetworkFacts & { gateway?: string }): boolean {
  if (v.trim() === '') return true; // optional: assigned automatically since Azure Local 2411
  const ip = v.trim();
  if (!ipv4(ip)) return false;
  const prefix = facts.prefixes.find((p) => {
    const list = new net.BlockList();
    list.addSubnet(p.address, p.length);
    return list.check(ip);
  });
  if (!prefix) return false;
  if (prefix.length <= 30) {
    const size = 2 ** (32 - prefix.length);
    const first = toNumber(prefix.address) - (toNumber(prefix.address) % size);
    if (toNumber(ip) === first || toNumber(ip) === first + size - 1) return false;
  }
  if (ip === facts.gateway || facts.dns.includes(ip)) return false;
  const pooled = new net.BlockList();
  for (const pool of facts.pools) pooled.addRange(pool.start, pool.end);
  return !pooled.check(ip);
}

/** ARM's id grammar: /subscriptions/{guid}[/resourceGroups/{rg}[/providers/{ns}/{type}/{name}(/{type}/{name})*]]. */
function resourceIdOracle(v: string): boolean {
  if (!v.startsWith('/')) return false;
  const s = v.slice(1).split('/');
  if (s.some((x) => x === '')) return false;
  if (s.length < 2 || s[0].toLowerCase() !== 'subscriptions' || !guidOracle(s[1])) return false;
  let i = 2;
  if (i === s.length) return true;
  if (s[i].toLowerCase() === 'resourcegroups') {
    if (i + 1 >= s.length) return false;
    i += 2;
    if (i === s.length) return true;
  }
  if (s[i].toLowerCase() !== 'providers' || i + 1 >= s.length) return false;
  const rest = s.slice(i + 2);
  return rest.length >= 2 && rest.length % 2 === 0;
}

// ---------------------------------------------------------------- the inputs

/** A seeded PRNG (mulberry32): the same inputs on every run. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20261202);
const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
const ALPHABET = ['a', 'z', 'A', 'Z', '0', '9', '-', '_', '.', '(', ')', ' ', 'é', 'ß', 'Ж', '中', '\u0301', '‿', '٣', '/', '\\', ';', '$', "'", '"', '\0', '\n', '\t', '😀', ','];
const randomString = (max: number) => Array.from({ length: Math.floor(rnd() * max) }, () => pick(ALPHABET)).join('');

const NAMES = [
  '', 'a', 'ab', 'abc', 'abcdefghijkl', 'abcdefghijklm', 'a1', 'a12', '1abc', 'Abc', 'abc-', '-abc', 'ab-c', 'a--b', 'a_b', 'a.b', 'a b', ' abc', 'abc ',
  'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(90), 'a'.repeat(91), 'rg(test)', 'rg.', 'rg..x', '.rg', 'rg-é', 'Résumé', 'грп', '组', 'e\u0301', 'a‿b', 'a٣',
  'a/b', 'a\\b', 'a;b', 'a\0b', 'a\nb', 'ＡＢＣ', '😀', 'aks-new01', 'nodepool1', 'np', 'NP1', 'x'.repeat(12),
];
for (let i = 0; i < 60; i++) NAMES.push(randomString(14));
for (let i = 0; i < 10; i++) NAMES.push('a'.repeat(85 + i) + pick(['.', 'b', 'é', '_']));

const COUNTS = ['', '0', '1', '2', '64', '65', '199', '200', '201', '-1', '+1', '1.0', '1e2', '0x10', ' 3 ', '3 4', '03', '٣', '１', 'NaN', 'Infinity', '99999999999999999999', '9'.repeat(400), '2147483648', '1,000', 'one'];

const LABEL_KEYS = ['env', 'a', 'A1', 'x.y_z-1', 'example.com/tier', 'kubernetes.io/os', 'Example.com/x', '-a', 'a-', '_a', 'a.', '', 'a/b/c', '/a', 'a/', 'k'.repeat(63), 'k'.repeat(64), `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(61)}/n`, `${'d'.repeat(250)}.com/n`, 'a b', 'é', 'a:b', 'a=b', '中'];
const LABEL_VALUES = ['', 'dev', 'v1.2', 'a_b-c.d', '-x', 'x-', '.x', 'v'.repeat(63), 'v'.repeat(64), 'a b', 'a:b', 'a=b', 'é', 'a,b', 'A'];
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute', 'noschedule', '', 'NoSchedule ', 'Evict'];
function labelLists(): string[] {
  const lists = ['', ' ', 'env=dev', 'env=dev, tier=web', 'env=dev,env=prod', 'env', 'env=dev,', ',env=dev', 'env=dev,,tier=web', ' env = dev ', 'env=dev tier=web'];
  for (const key of LABEL_KEYS) lists.push(`${key}=${pick(LABEL_VALUES)}`);
  for (const value of LABEL_VALUES) lists.push(`env=${value}`);
  for (let i = 0; i < 30; i++) lists.push(randomString(12));
  for (let i = 0; i < 15; i++) lists.push(`${pick(LABEL_KEYS)}=${pick(LABEL_VALUES)},${pick(LABEL_KEYS)}=${pick(LABEL_VALUES)}`);
  return lists;
}
function taintLists(): string[] {
  const lists = ['', 'gpu=true:NoSchedule', 'spot:PreferNoSchedule', 'a=b:NoSchedule, a=c:NoSchedule', 'a:NoSchedule,a:NoExecute', 'a=b', 'a', 'a-', 'a=b:NoSchedule-', 'a=b:c:NoSchedule', 'a=b=c:NoSchedule', ':NoSchedule', 'a=b:NoSchedule,', 'a = b:NoSchedule'];
  for (const key of LABEL_KEYS) lists.push(`${key}=${pick(LABEL_VALUES)}:${pick(EFFECTS)}`);
  for (const value of LABEL_VALUES) lists.push(`k=${value}:NoExecute`);
  for (const effect of EFFECTS) lists.push(`k=v:${effect}`, `k:${effect}`);
  for (let i = 0; i < 30; i++) lists.push(randomString(14) + pick(['', ':NoSchedule']));
  return lists;
}

/** Node pools whose counts leave a given room in the cluster (AKS Arc: 200 nodes across pools, 64 in one). */
const poolsHolding = (...counts: [number, boolean?, number?][]): AgentPool[] =>
  counts.map(([count, autoscale, max], i) => ({ id: `p${i}`, name: `pool${i}`, properties: { count, enableAutoScaling: autoscale, maxCount: max } }));

const GUIDS = [
  'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c', 'E2C1B7A4-3F5D-4A9E-8B6C-1D0F2E3A4B5C', 'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5', 'e2c1b7a43f5d4a9e8b6c1d0f2e3a4b5c',
  '{e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c}', 'g2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c', 'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c,e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5d',
  'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c, x', ' e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c ', 'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c\n', '', ',', 'é2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c',
];

function sshKeys(): string[] {
  const rsa2048 = openSshRsaPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey, 'dev@contoso');
  const rsa1024 = openSshRsaPublicKey(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey, 'old@contoso');
  const rsa4096 = openSshRsaPublicKey(generateKeyPairSync('rsa', { modulusLength: 4096 }).publicKey, 'dev with spaces');
  const [, data] = rsa2048.split(' ');
  const ed25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl dev@contoso';
  const ecdsa = 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg= dev';
  const keys = [
    rsa2048, rsa4096, rsa1024, `${rsa2048}\n`, 'ssh-rsa', 'ssh-rsa ', `ssh-rsa ${data.slice(0, 11)}`, `ssh-rsa ${data.slice(0, data.length - 40)}`,
    `ssh-rsa ${data.slice(0, 100)}!!${data.slice(100)}`, `ssh-rsa ${data}junk`, `ssh-rsa ${data}=`, `${rsa2048}\n${rsa4096}`, `ssh-rsa ${data}\0 x`,
    `ssh-rsa  ${data}`, ` ${rsa2048}`, `command="ls" ${rsa2048}`, `ssh-dss ${data}`, `ssh-rsa ${ed25519.split(' ')[1]}`, ed25519, ecdsa, '', 'AAAAB3NzaC1yc2E=',
    'ssh-rsa AAAAB3NzaC1yc2E= dev@contoso', `ssh-rsa ${Buffer.from('junk').toString('base64')}`, `${rsa2048}\r\n`, `ssh-rsa\t${data}`,
  ];
  // Random corruptions of one base64 character.
  for (let i = 0; i < 12; i++) {
    const at = 20 + Math.floor(rnd() * (data.length - 40));
    keys.push(`ssh-rsa ${data.slice(0, at)}${pick(['#', '*', ' ', '-', 'A'])}${data.slice(at + 1)} dev`);
  }
  return keys;
}

const PREFIXES = ['10.20.0.0/24', '10.20.0.0/16', '10.20.0.0/30', '10.20.0.0/31', '10.20.0.0/32', '10.20.0.0/33', '10.20.0/24', '10.20.0.0', 'fd00::/64', '10.20.0.256/24', 'x/24', '', '10.020.0.0/24', '10.20.0.0/-1', ' 10.20.0.0/24'];
const POOLS: { start: string; end: string }[][] = [
  [{ start: '10.20.0.100', end: '10.20.0.199' }],
  [{ start: '10.20.0.199', end: '10.20.0.100' }],
  [{ start: '10.20.1.100', end: '10.20.1.199' }],
  [{ start: '10.20.0.100', end: '10.20.1.5' }],
  [{ start: '10.20.0.100', end: '10.20.0.150' }, { start: '10.20.0.150', end: '10.20.0.199' }],
  [{ start: '10.20.0.100', end: '10.20.0.149' }, { start: '10.20.0.150', end: '10.20.0.199' }],
  [{ start: 'fd00::1', end: 'fd00::9' }],
  [{ start: '10.20.0.100', end: '' }],
  [],
];
const DNS: unknown[][] = [['10.20.0.1'], [], ['dns.contoso.local'], ['10.20.0.1', 'fd00::53'], ['10.20.0.1', 7], ['10.20.0.1', '10.20.0.2']];

function network(prefixes: unknown[], pools: { start: string; end: string }[], dns: unknown[], allocation: unknown, gateway?: string): LogicalNetwork {
  return {
    id: '/subscriptions/3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01/resourceGroups/rg/providers/Microsoft.AzureStackHCI/logicalNetworks/lnet',
    name: 'lnet',
    type: 'Microsoft.AzureStackHCI/logicalNetworks',
    location: 'eastus',
    properties: {
      dhcpOptions: { dnsServers: dns as string[] },
      subnets: [
        {
          name: 's',
          properties: {
            addressPrefixes: prefixes as string[],
            ipAllocationMethod: allocation as 'Static',
            ipPools: pools,
            ...(gateway ? { routeTable: { properties: { routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopIpAddress: gateway } }] } } } : {}),
          },
        },
      ],
    },
  };
}

const CONTROL_PLANE_IPS = ['', '10.20.0.0', '10.20.0.1', '10.20.0.2', '10.20.0.50', '10.20.0.99', '10.20.0.100', '10.20.0.150', '10.20.0.199', '10.20.0.200', '10.20.0.254', '10.20.0.255', '10.20.1.5', '10.20.0.050', '10.20.0', 'fd00::5', ' 10.20.0.60 ', '10.20.0.60/32', 'localhost', '10.20.0.53'];

const SUB = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const RESOURCE_IDS = [
  `/subscriptions/${SUB}`, `/subscriptions/${SUB}/resourceGroups/rg`, `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1`,
  `/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.kubernetes/connectedclusters/c1/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`,
  `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1/agentPools/np1`,
  '', '/', '/subscriptions', '/subscriptions/', `subscriptions/${SUB}`, '/subscriptions/not-a-guid/resourceGroups/rg', `/subscriptions/${SUB}/resourceGroups`, `/subscriptions/${SUB}/resourceGroups/`,
  `/subscriptions/${SUB}/resourceGroups/rg/providers`, `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes`, `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters`,
  `/subscriptions/${SUB}//resourceGroups/rg`, `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1/`, `/subscriptions/${SUB}/foo/bar`, `https://management.azure.com/subscriptions/${SUB}`,
];

// ---------------------------------------------------------------- the run

interface Verdict {
  validator: string;
  input: string;
  oracle: boolean;
  accepted?: boolean;
  message?: string;
  crash?: string;
}

const verdicts: Verdict[] = [];

/** Runs one validator on one input: accepted when it returns no message (or does not throw, for parsers). */
function tryOne(validator: string, input: unknown, oracle: boolean, run: () => string | undefined, field?: RegExp): void {
  const verdict: Verdict = { validator, input: JSON.stringify(input)?.slice(0, 80) ?? String(input), oracle };
  try {
    const message = run();
    verdict.accepted = message === undefined;
    verdict.message = message;
    if (message !== undefined && field && !field.test(message)) verdict.crash = `message does not name the field: ${message}`;
  } catch (error) {
    verdict.crash = (error as Error).stack?.split('\n').slice(0, 2).join(' ') ?? String(error);
  }
  verdicts.push(verdict);
}

const refusalOf = (parse: () => unknown) => () => {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw error;
    return (error as Error).message;
  }
};

describe('bad input', () => {
  after(() => {
    fs.rmSync(keyDir, { recursive: true, force: true });
    const wrongAccept = verdicts.filter((v) => !v.crash && v.accepted && !v.oracle);
    const wrongRefuse = verdicts.filter((v) => !v.crash && !v.accepted && v.oracle);
    const crashed = verdicts.filter((v) => v.crash);
    const byValidator = new Map<string, { tried: number; accepted: number; refused: number; crashed: number }>();
    for (const v of verdicts) {
      const row = byValidator.get(v.validator) ?? { tried: 0, accepted: 0, refused: 0, crashed: 0 };
      row.tried++;
      if (v.crash) row.crashed++;
      else if (v.accepted && !v.oracle) row.accepted++;
      else if (!v.accepted && v.oracle) row.refused++;
      byValidator.set(v.validator, row);
    }
    console.log('validator            | tried | accepted wrongly | refused wrongly | crashed');
    for (const [name, r] of byValidator) console.log(`${name.padEnd(20)} | ${String(r.tried).padStart(5)} | ${String(r.accepted).padStart(16)} | ${String(r.refused).padStart(15)} | ${String(r.crashed).padStart(7)}`);
    for (const v of [...wrongAccept, ...wrongRefuse, ...crashed].slice(0, 60)) {
      console.log(`  ${v.crash ? 'CRASH' : v.accepted ? 'ACCEPTED WRONGLY' : 'REFUSED WRONGLY'} ${v.validator} ${v.input}${v.message ? ` — ${v.message}` : ''}${v.crash ? ` — ${v.crash}` : ''}`);
    }
    console.log(`bad input: ${verdicts.length} tried, ${wrongAccept.length} accepted wrongly, ${wrongRefuse.length} refused wrongly, ${crashed.length} crashed`);
  });

  it('names: cluster, node pool, resource group', () => {
    for (const name of NAMES) {
      tryOne('cluster name', name, clusterNameOracle(name), () => validateClusterName(name), /^Cluster name: /);
      tryOne('node pool name', name, NODE_POOL_NAME.test(name), () => validateNodePoolName(name), /^Node pool name: /);
      tryOne('resource group name', name, resourceGroupOracle(name), () => validateResourceGroupName(name), /^Resource group name: /);
    }
  });

  it('counts: a whole number within AKS Arc\'s limits, parsed exactly', () => {
    for (const count of COUNTS) {
      tryOne('node count', count, countOracle(count, AKS_ARC_LIMITS.defaultNodePoolMaxNodes), () => {
        const message = validateNodeCount(count);
        // An accepted count must reach the request body as exactly that number.
        if (message === undefined && BigInt(parseNodeCount(count)) !== BigInt(count.trim())) return undefined;
        return message;
      }, /^Node count: /);
    }
  });

  it('node labels and taints, as kubectl reads them', async () => {
    assert.ok(fs.existsSync(KUBECTL), `${KUBECTL} is the oracle for labels and taints`);
    await inBatches(labelLists(), 8, async (list) => {
      const oracle = await kubectlAcceptsLabels(list);
      tryOne('node labels', list, oracle, () => validateNodeLabels(list), /^Node labels: /);
    });
    await inBatches(taintLists(), 8, async (list) => {
      const oracle = await kubectlAcceptsTaints(listItems(list));
      tryOne('node taints', list, oracle, () => validateNodeTaints(list), /^Node taints: /);
    });
  });

  it('a pool\'s count and autoscaler bounds, within the room the other pools leave', () => {
    const clusters: [string, AgentPool[], string?][] = [
      ['alone', []],
      ['150 elsewhere', poolsHolding([100], [50])],
      ['full', poolsHolding([64], [64], [64], [8])],
      ['autoscaled elsewhere', poolsHolding([2, true, 60], [100])],
      ['itself excluded', poolsHolding([64], [64], [64], [8]), 'pool3'],
    ];
    for (const [world, pools, except] of clusters) {
      const others = pools.filter((p) => p.name !== except).reduce((sum, p) => sum + Math.max(p.properties!.count!, p.properties!.enableAutoScaling ? p.properties!.maxCount! : 0), 0);
      const max = Math.min(AKS_ARC_LIMITS.nodePoolMaxNodes, AKS_ARC_LIMITS.clusterMaxNodes - others);
      const room = nodeRoom(pools, except);
      for (const count of COUNTS) {
        tryOne('pool node count', { world, count }, countOracle(count, max), () => validatePoolNodeCount(count, room), /^Node count: /);
        for (const min of [1, 3, 50]) {
          tryOne('autoscale maximum', { world, min, count }, countOracle(count, max) && BigInt(count.trim()) >= BigInt(min), () => validateAutoscaleMax(count, min, room), /^Node count: /);
        }
      }
    }
  });

  it('GUIDs: admin group object ids', () => {
    for (const ids of GUIDS) tryOne('admin group ids', ids, guidListOracle(ids), () => validateAdminGroupIds(ids), /^Admin group object IDs: /);
  });

  it('SSH public keys, as ssh-keygen reads them', () => {
    for (const key of sshKeys()) tryOne('ssh key', key, sshKeyOracle(key), () => validateSshRsaPublicKey(key), /^SSH public key: /);
  });

  it('logical networks: prefixes, pools, DNS servers, allocation', () => {
    for (const prefix of PREFIXES) {
      for (const pools of POOLS) {
        for (const dns of [DNS[0], pick(DNS)]) {
          for (const allocation of ['Static', pick(['Dynamic', 'static', undefined])]) {
            const cidr = cidrOracle(prefix);
            const facts = cidr ? { prefixes: [cidr], pools, dns, allocation } : undefined;
            tryOne('network check', { prefix, pools, dns, allocation }, networkOracle(facts), () => logicalNetworkProblem(network([prefix], pools, dns, allocation)));
          }
        }
      }
    }
  });

  it('control-plane IPs on a usable network', () => {
    const pools = [{ start: '10.20.0.100', end: '10.20.0.199' }];
    for (const ip of CONTROL_PLANE_IPS) {
      for (const gateway of [undefined, '10.20.0.1']) {
        const dns = ['10.20.0.53'];
        tryOne('control-plane IP', { ip, gateway }, controlPlaneIpOracle(ip, { prefixes: [{ address: '10.20.0.0', length: 24 }], pools, dns, allocation: 'Static', gateway }), () =>
          validateControlPlaneIp(ip, network(['10.20.0.0/24'], pools, dns, 'Static', gateway)), /^Control plane IP: /);
      }
    }
  });

  it('resource ids', () => {
    for (const id of RESOURCE_IDS) tryOne('resource id', id, resourceIdOracle(id), refusalOf(() => parseResourceId(id)));
  });

  it('tasks.json definitions', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-kube-'));
    const outside = path.join(os.tmpdir(), 'fuzz-outside.yaml');
    fs.writeFileSync(outside, '');
    fs.symlinkSync(outside, path.join(folder, 'link.yaml'));
    const base = { type: 'azure-local', action: 'proxy', cluster: 'aks-seattle-prod01', resourceGroup: 'rg-hci-seattle', subscription: SUB };
    const cases: [Record<string, unknown>, boolean][] = [
      [base, true],
      [{ ...base, subscription: undefined }, true],
      [{ ...base, action: 'nodes' }, true],
      [{ ...base, action: 'delete' }, false],
      [{ ...base, cluster: '' }, false],
      [{ ...base, cluster: 'a/b' }, false],
      [{ ...base, cluster: 'x'.repeat(64) }, false],
      [{ ...base, cluster: 'Aks_Prod.01' }, true],
      [{ ...base, resourceGroup: 'rg(test)' }, true],
      [{ ...base, resourceGroup: 'rg.' }, false],
      [{ ...base, resourceGroup: 'грп' }, true],
      [{ ...base, subscription: '../../.b' }, false],
      [{ ...base, subscription: 'not-a-guid' }, false],
      [{ ...base, port: 47011 }, true],
      [{ ...base, port: 1025 }, true],
      [{ ...base, port: 1024 }, false],
      [{ ...base, port: 65535 }, true],
      [{ ...base, port: 65536 }, false],
      [{ ...base, port: 0 }, false],
      [{ ...base, port: -1 }, false],
      [{ ...base, port: 4.5 }, false],
      [{ ...base, port: '47011' }, false],
      [{ ...base, port: 1e20 }, false],
      [{ ...base, kubeconfig: path.join(folder, 'c.yaml') }, true],
      [{ ...base, kubeconfig: 'c.yaml' }, true],
      [{ ...base, kubeconfig: path.join(folder, 'link.yaml') }, false],
      [{ ...base, kubeconfig: outside }, false],
      [{ ...base, kubeconfig: path.join(folder, '..', 'escape.yaml') }, false],
      [{ ...base, kubeconfig: os.homedir() + '/.ssh/id_rsa' }, false],
      [{ ...base, kubeconfig: '' }, false],
      [{ ...base, kubeconfig: 7 }, false],
      [{ ...base, cluster: 7 }, false],
    ];
    for (const [definition, oracle] of cases) {
      tryOne('task definition', definition, oracle, () => validateTaskDefinition(definition, folder), /^tasks\.json: /);
    }
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(outside, { force: true });
  });

  it('no validator accepts wrongly, refuses wrongly or crashes', () => {
    const wrong = verdicts.filter((v) => v.crash || v.accepted !== v.oracle);
    assert.ok(verdicts.length > 500, `only ${verdicts.length} inputs`);
    assert.deepEqual(wrong.map((v) => `${v.validator} ${v.input}: ${v.crash ?? (v.accepted ? 'accepted' : `refused (${v.message})`)}`), []);
  });
});

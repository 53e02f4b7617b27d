import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogicalNetwork, LogicalNetworkSubnet } from '../../src/azure/models';
import { cidrRange, formatIPv4, logicalNetworkProblem, parseIPv4, validateControlPlaneIp } from '../../src/azure/logicalNetwork';

/** Shaped like the emulator's lnet-seattle-prod; `dnsServers` null leaves out dhcpOptions. */
function network(subnet: LogicalNetworkSubnet['properties'] = {}, dnsServers: string[] | null = ['10.20.0.2']): LogicalNetwork {
  return {
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.AzureStackHCI/logicalNetworks/lnet-seattle-prod',
    name: 'lnet-seattle-prod',
    type: 'Microsoft.AzureStackHCI/logicalNetworks',
    location: 'eastus',
    properties: {
      ...(dnsServers ? { dhcpOptions: { dnsServers } } : {}),
      subnets: [
        {
          name: 'default',
          properties: {
            addressPrefix: '10.20.0.0/24',
            ipAllocationMethod: 'Static',
            ipPools: [
              { name: 'vm', ipPoolType: 'vm', start: '10.20.0.100', end: '10.20.0.199' },
              { name: 'vip', ipPoolType: 'vippool', start: '10.20.0.200', end: '10.20.0.250' },
            ],
            ...subnet,
          },
        },
      ],
    },
  };
}

describe('IPv4 parsing', () => {
  const cases: [string, number | undefined][] = [
    ['0.0.0.0', 0],
    ['10.20.0.1', 0x0a140001],
    ['255.255.255.255', 0xffffffff],
    ['192.168.50.10', 0xc0a8320a],
    ['256.0.0.1', undefined],
    ['10.20.0', undefined],
    ['10.20.0.1.5', undefined],
    ['10..0.1', undefined],
    ['10.20.0.', undefined],
    ['+10.20.0.1', undefined],
    ['10.+20.0.1', undefined],
    ['-1.0.0.0', undefined],
    ['010.20.0.1', undefined],
    [' 10.20.0.1', undefined],
    ['1e1.0.0.0', undefined],
    ['0x0a.0.0.1', undefined],
    ['', undefined],
    ['::1', undefined],
  ];
  for (const [text, expected] of cases) it(`parseIPv4(${JSON.stringify(text)})`, () => assert.equal(parseIPv4(text), expected));

  it('round-trips through formatIPv4', () => {
    for (const text of ['0.0.0.0', '10.20.0.1', '128.0.0.1', '255.255.255.255']) assert.equal(formatIPv4(parseIPv4(text)!), text);
  });
});

describe('cidrRange', () => {
  const range = (prefix: string) => {
    const r = cidrRange(prefix);
    return r && `${formatIPv4(r.start)}-${formatIPv4(r.end)}`;
  };
  it('/24', () => assert.equal(range('10.20.0.0/24'), '10.20.0.0-10.20.0.255'));
  it('/22 masks host bits', () => assert.equal(range('10.30.9.7/22'), '10.30.8.0-10.30.11.255'));
  it('/32', () => assert.equal(range('10.20.0.5/32'), '10.20.0.5-10.20.0.5'));
  it('/0 covers everything (no signed-shift overflow)', () => assert.deepEqual(cidrRange('0.0.0.0/0'), { start: 0, end: 0xffffffff, length: 0 }));
  it('/1 high half', () => assert.equal(range('200.0.0.0/1'), '128.0.0.0-255.255.255.255'));
  for (const bad of ['10.20.0.0/33', '10.20.0.0', '10.20.0.0/', '10.20.0.0/-1', '10.20.0.0/+8', '10.20.0/24', 'fd00::/64', '10.20.0.0/24/1']) {
    it(`rejects ${bad}`, () => assert.equal(cidrRange(bad), undefined));
  }
});

describe('logicalNetworkProblem', () => {
  it('accepts a static network with DNS and pools', () => assert.equal(logicalNetworkProblem(network()), undefined));
  it('accepts addressPrefixes instead of addressPrefix', () =>
    assert.equal(logicalNetworkProblem(network({ addressPrefix: undefined, addressPrefixes: ['10.20.0.0/24'] })), undefined));

  const cases: [string, LogicalNetwork, string][] = [
    ['no subnets', { ...network(), properties: { dhcpOptions: { dnsServers: ['10.20.0.2'] } } }, 'No address prefix.'],
    ['no prefix', network({ addressPrefix: undefined }), 'No address prefix.'],
    ['no prefix comes before dynamic', network({ addressPrefix: '', ipAllocationMethod: 'Dynamic' }), 'No address prefix.'],
    ['dynamic', network({ ipAllocationMethod: 'Dynamic' }), 'Dynamic IP allocation is not supported; AKS Arc needs a Static logical network.'],
    [
      'dynamic, any case, before DNS',
      network({ ipAllocationMethod: 'dynamic' as 'Dynamic' }, null),
      'Dynamic IP allocation is not supported; AKS Arc needs a Static logical network.',
    ],
    ['no dhcpOptions', network({}, null), 'No DNS server; AKS Arc needs at least one.'],
    ['empty dnsServers', network({}, []), 'No DNS server; AKS Arc needs at least one.'],
    ['DNS comes before pools', network({ ipPools: [] }, []), 'No DNS server; AKS Arc needs at least one.'],
    ['no ipPools', network({ ipPools: undefined }), 'No IP pool; AKS Arc needs at least one.'],
    ['empty ipPools', network({ ipPools: [] }), 'No IP pool; AKS Arc needs at least one.'],
    ['pool start not IPv4', network({ ipPools: [{ start: '10.20.0.x', end: '10.20.0.199' }] }), 'IP pool 10.20.0.x – 10.20.0.199 is not a valid IPv4 range.'],
    ['pool end missing', network({ ipPools: [{ start: '10.20.0.100' }] }), 'IP pool 10.20.0.100 – ? is not a valid IPv4 range.'],
    [
      'pool reversed (second pool)',
      network({ ipPools: [{ start: '10.20.0.100', end: '10.20.0.199' }, { start: '10.20.0.250', end: '10.20.0.200' }] }),
      'IP pool 10.20.0.250 – 10.20.0.200 is not a valid IPv4 range.',
    ],
  ];
  for (const [title, lnet, expected] of cases) it(title, () => assert.equal(logicalNetworkProblem(lnet), expected));
});

describe('validateControlPlaneIp', () => {
  const lnet = network();
  const cases: [string, string, string | undefined][] = [
    ['empty is fine (optional)', '', undefined],
    ['whitespace is fine (optional)', '   ', undefined],
    ['inside prefix, outside pools', '10.20.0.60', undefined],
    ['surrounding spaces are ignored', ' 10.20.0.60 ', undefined],
    ['between the pools', '10.20.0.251', undefined],
    ['not IPv4', '10.20.0', 'Control plane IP: "10.20.0" is not an IPv4 address.'],
    ['hostname', 'cp.contoso.com', 'Control plane IP: "cp.contoso.com" is not an IPv4 address.'],
    ['outside prefix', '10.20.1.60', 'Control plane IP: must be inside the address prefix 10.20.0.0/24 of lnet-seattle-prod.'],
    ['in the vm pool (start)', '10.20.0.100', 'Control plane IP: must be outside the IP pool 10.20.0.100 – 10.20.0.199.'],
    ['in the vm pool (end)', '10.20.0.199', 'Control plane IP: must be outside the IP pool 10.20.0.100 – 10.20.0.199.'],
    ['in the vip pool', '10.20.0.220', 'Control plane IP: must be outside the IP pool 10.20.0.200 – 10.20.0.250.'],
  ];
  for (const [title, value, expected] of cases) it(`${title}: ${JSON.stringify(value)}`, () => assert.equal(validateControlPlaneIp(value, lnet), expected));

  it('lists every prefix when there are several', () => {
    const two = network({ addressPrefix: undefined, addressPrefixes: ['10.20.0.0/24', '10.21.0.0/24'] });
    assert.equal(validateControlPlaneIp('10.21.0.9', two), undefined);
    assert.equal(validateControlPlaneIp('10.22.0.9', two), 'Control plane IP: must be inside the address prefix 10.20.0.0/24, 10.21.0.0/24 of lnet-seattle-prod.');
  });
});

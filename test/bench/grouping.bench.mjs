#!/usr/bin/env node
// Benchmark (measures; not a test): groupByCustomLocation on one subscription of 10,000 and 100,000 resources, against
// the earlier quadratic shape (a linear search per resource, localeCompare with options per comparison) kept here.
// usage: npm run compile && npm run bench:grouping
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { groupByCustomLocation } = require(path.join(REPO, 'out/src/azure/grouping.js'));
const { sameResourceId } = require(path.join(REPO, 'out/src/azure/resourceId.js'));

const SUB = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
function world(resources, locations) {
  const cl = Array.from({ length: locations }, (_, i) => ({ id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ExtendedLocation/customLocations/cl-${i}`, name: `cl-${i}` }));
  const half = Math.floor(resources / 2);
  const networks = Array.from({ length: half }, (_, i) => ({ id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.AzureStackHCI/logicalNetworks/lnet-${i}`, name: `lnet-${(i * 7919) % half}`, extendedLocation: { name: cl[i % locations].id.toUpperCase() } }));
  const clusters = Array.from({ length: resources - half }, (_, i) => ({ cluster: { id: `/c/${i}`, name: `aks-${(i * 7919) % half}` }, instance: { extendedLocation: { name: cl[i % locations].id } } }));
  return [cl, networks, clusters];
}

/** The earlier shape, for the ratio. */
function quadratic(customLocations, logicalNetworks, clusters) {
  const sort = (items, name) => [...items].sort((a, b) => (name(a) ?? '').localeCompare(name(b) ?? '', undefined, { sensitivity: 'base' }));
  const groups = sort(customLocations, (c) => c.name).map((customLocation) => ({ customLocation, logicalNetworks: [], clusters: [] }));
  const find = (name) => groups.find((g) => sameResourceId(g.customLocation.id, name));
  const loose = [];
  for (const n of sort(logicalNetworks, (n) => n.name)) (find(n.extendedLocation?.name)?.logicalNetworks ?? loose).push(n);
  for (const c of sort(clusters, (c) => c.cluster.name)) (find(c.instance?.extendedLocation?.name)?.clusters ?? loose).push(c);
  return groups;
}

const time = (fn) => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

for (const resources of [10_000, 100_000]) {
  const [cl, networks, clusters] = world(resources, 40);
  groupByCustomLocation(cl.slice(0, 2), networks.slice(0, 10), clusters.slice(0, 10)); // warm up
  const linear = time(() => groupByCustomLocation(cl, networks, clusters));
  const before = resources <= 10_000 ? time(() => quadratic(cl, networks, clusters)) : undefined;
  console.log(`grouping R=${resources} L=${cl.length}: ${linear.toFixed(1)} ms${before !== undefined ? ` | before ${before.toFixed(1)} ms | ${(before / linear).toFixed(1)}x` : ''}`);
}

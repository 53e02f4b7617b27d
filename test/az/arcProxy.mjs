// Stand-in for the Arc connectivity proxy helper that `az connectedk8s proxy` downloads to ~/.clientproxy and runs
// (arcProxy_linux_amd64_<version>). Started by ./az, never by hand. It serves a tiny read-only Kubernetes API over
// plain HTTP on 127.0.0.1:<api port> (enough for the real kubectl: discovery, /version, nodes, namespaces) and
// holds the internal port idle (404 for everything), like the real helper which uses port-1 internally.
//
// Like the real helper it does not watch its parent: when only `az` is killed, this process keeps running.
// It dies on SIGINT/SIGTERM/SIGHUP (Node's defaults), e.g. from a kill of the whole process group.
//
// argv: --api-port P --internal-port Q --title TITLE
// env:  AZ_STANDIN_NODES_NOT_READY  '1' (any value but ''/0/false/no/off): 2nd node Ready=False (KubeletNotReady);
//                                   'unknown': 2nd node Ready=Unknown (NodeStatusUnknown, as when a node is unreachable)
import http from 'node:http';
import { randomUUID } from 'node:crypto';

const TOKEN = 'emulated-token-not-a-secret';
const K8S_VERSION = { major: '1', minor: '29', gitVersion: 'v1.29.4', gitCommit: '55019c83b0fd51ef4ced8c29eec2c4847f896e74',
  gitTreeState: 'clean', buildDate: '2024-04-16T15:03:05Z', goVersion: 'go1.21.9', compiler: 'gc', platform: 'linux/amd64' };

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const apiPort = Number(arg('--api-port'));
const internalPort = Number(arg('--internal-port'));
const title = arg('--title');
// The title replaces what `ps` shows as args; Node/libuv truncates it to the space of the original argv, and --title
// itself is in argv, so it always fits.
if (title) process.title = title;

// ---------------------------------------------------------------------------------------------------------------
// World
const startedAt = Date.now();
const DAY = 24 * 3600 * 1000;
const iso = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const notReadyMode = (() => {
  const v = (process.env.AZ_STANDIN_NODES_NOT_READY || '').trim();
  if (!v || ['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return undefined;
  return v.toLowerCase() === 'unknown' ? 'Unknown' : 'False';
})();

const NODE_SPECS = [
  { name: 'moc-l1a2b3c4d5', ip: '172.16.0.21', controlPlane: true, ageDays: 12.3, podCIDR: '10.244.0.0/24' },
  { name: 'moc-l6e7f8a9b0', ip: '172.16.0.22', controlPlane: false, ageDays: 12.2, podCIDR: '10.244.1.0/24' },
  { name: 'moc-lc1d2e3f4a', ip: '172.16.0.23', controlPlane: false, ageDays: 11.9, podCIDR: '10.244.2.0/24' },
];

function makeNode(spec, index) {
  const created = startedAt - spec.ageDays * DAY;
  const heartbeat = iso(startedAt - 20 * 1000);
  const since = iso(created + 60 * 1000);
  const labels = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
    'msft.microsoft/nodepool-name': spec.controlPlane ? 'control-plane' : 'nodepool1',
  };
  if (spec.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const taints = spec.controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [];
  const cond = (type, status, reason, message) =>
    ({ type, status, lastHeartbeatTime: heartbeat, lastTransitionTime: since, reason, message });
  let ready = cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status');
  const pressure = [
    cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
  ];
  if (index === 1 && notReadyMode === 'False') {
    ready = cond('Ready', 'False', 'KubeletNotReady',
      'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized');
    ready.lastTransitionTime = iso(startedAt - 5 * 60 * 1000);
    taints.push({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule', timeAdded: ready.lastTransitionTime });
  } else if (index === 1 && notReadyMode === 'Unknown') {
    const t = iso(startedAt - 5 * 60 * 1000);
    for (const c of [...pressure]) Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: t });
    ready = cond('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.');
    ready.lastTransitionTime = t;
    taints.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: t });
    taints.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: t });
  }
  const uid = `6c0f${index}e7a-1b2c-4d3e-8f4a-5b6c7d8e9f${String(index).padStart(2, '0')}`;
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: {
      name: spec.name,
      uid,
      resourceVersion: String(481200 + index * 17),
      creationTimestamp: iso(created),
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
      },
    },
    spec: {
      podCIDR: spec.podCIDR,
      podCIDRs: [spec.podCIDR],
      providerID: `moc://${spec.name}`,
      ...(taints.length ? { taints } : {}),
    },
    status: {
      capacity: { cpu: '4', 'ephemeral-storage': '102687672Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16365192Ki', pods: '110' },
      allocatable: { cpu: '4', 'ephemeral-storage': '94636958328', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '14174344Ki', pods: '110' },
      conditions: [...pressure, ready],
      addresses: [{ type: 'InternalIP', address: spec.ip }, { type: 'Hostname', address: spec.name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: `a1b2c3d4e5f60718293a4b5c6d7e8f9${index}`,
        systemUUID: `4c4c4544-0048-3510-8052-b4c04f53${index}a32`,
        bootID: `0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f${index}`,
        kernelVersion: '5.15.153.1-2.cm2',
        osImage: 'CBL-Mariner/Linux',
        containerRuntimeVersion: 'containerd://1.6.26',
        kubeletVersion: 'v1.29.4',
        kubeProxyVersion: 'v1.29.4',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
const NODES = NODE_SPECS.map(makeNode);

const NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'azure-arc'].map((name, i) => ({
  kind: 'Namespace',
  apiVersion: 'v1',
  metadata: {
    name,
    uid: `9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b${String(i).padStart(2, '0')}`,
    resourceVersion: String(20 + i),
    creationTimestamp: iso(startedAt - (name === 'azure-arc' ? 12.1 : 12.3) * DAY),
    labels: { 'kubernetes.io/metadata.name': name },
  },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
}));

// ---------------------------------------------------------------------------------------------------------------
// Table rendering (what kubectl asks for with Accept: application/json;as=Table;v=v1;g=meta.k8s.io)

// Same buckets as k8s.io/apimachinery/pkg/util/duration.HumanDuration.
function humanDuration(ms) {
  const s = Math.floor(ms / 1000);
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(s / 3600);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  if (h < 24 * 8) return h % 24 === 0 ? `${Math.floor(h / 24)}d` : `${Math.floor(h / 24)}d${h % 24}h`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24)}d`;
  const y = Math.floor(h / 24 / 365);
  if (y < 8) { const d = Math.floor(h / 24) - y * 365; return d === 0 ? `${y}y` : `${y}y${d}d`; }
  return `${y}y`;
}
const age = (obj) => humanDuration(Date.now() - Date.parse(obj.metadata.creationTimestamp));

const col = (name, type, description, priority = 0, format = '') => ({ name, type, format, description, priority });
const NAME_COL = col('Name', 'string', 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names', 0, 'name');
const AGE_COL = col('Age', 'string', 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata');

function nodeStatusCell(node) {
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  const parts = [ready && ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}
function nodeRoles(node) {
  const roles = Object.keys(node.metadata.labels || {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean)
    .sort();
  return roles.length ? roles.join(',') : '<none>';
}
const addr = (node, type) => (node.status.addresses.find((a) => a.type === type) || {}).address || '<none>';

const TABLES = {
  nodes: {
    columns: [
      NAME_COL,
      col('Status', 'string', 'The status of the node'),
      col('Roles', 'string', 'The roles of the node'),
      AGE_COL,
      col('Version', 'string', 'Kubelet Version reported by the node.'),
      col('Internal-IP', 'string', 'List of addresses reachable to the node. Queried from cloud provider, if available.', 1),
      col('External-IP', 'string', 'List of addresses reachable to the node. Queried from cloud provider, if available.', 1),
      col('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
      col('Kernel-Version', 'string', 'Kernel Version reported by the node from \'uname -r\' (e.g. 3.16.0-0.bpo.4-amd64).', 1),
      col('Container-Runtime', 'string', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', 1),
    ],
    cells: (n) => [n.metadata.name, nodeStatusCell(n), nodeRoles(n), age(n), n.status.nodeInfo.kubeletVersion,
      addr(n, 'InternalIP'), addr(n, 'ExternalIP'), n.status.nodeInfo.osImage, n.status.nodeInfo.kernelVersion,
      n.status.nodeInfo.containerRuntimeVersion],
  },
  namespaces: {
    columns: [NAME_COL, col('Status', 'string', 'The status of the namespace'), AGE_COL],
    cells: (ns) => [ns.metadata.name, ns.status.phase, age(ns)],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Discovery

const RESOURCES = {
  nodes: { items: NODES, kind: 'Node', singularName: 'node', shortNames: ['no'] },
  namespaces: { items: NAMESPACES, kind: 'Namespace', singularName: 'namespace', shortNames: ['ns'] },
};
const API_RESOURCE_LIST = {
  kind: 'APIResourceList',
  groupVersion: 'v1',
  resources: Object.entries(RESOURCES).map(([name, r]) => ({
    name,
    singularName: r.singularName,
    namespaced: false,
    kind: r.kind,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    shortNames: r.shortNames,
    storageVersionHash: name === 'nodes' ? 'XwShjMxG9Fs=' : 'Q3oi5N2YM8M=',
  })),
};

// ---------------------------------------------------------------------------------------------------------------
// HTTP

function status(code, reason, message, details) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : { details: {} }), code };
}
function send(res, code, body, contentType = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache, private',
    'X-Kubernetes-Pf-Flowschema-Uid': '0b5c0e4f-2f2a-4b6e-9a55-0c3d2e1f4a5b',
    'Audit-Id': randomUUID(),
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

// Which Table version the client accepts, if any ('v1' preferred, then 'v1beta1').
function tableVersion(accept) {
  const offers = String(accept || '').split(',').map((s) => s.trim().toLowerCase().replace(/\s+/g, ''));
  for (const v of ['v1', 'v1beta1']) {
    if (offers.some((o) => o.startsWith('application/json') && o.includes('as=table') && o.includes('g=meta.k8s.io') && o.split(';').includes(`v=${v}`))) return v;
  }
  return undefined;
}

// labelSelector subset: "k", "!k", "k=v", "k==v", "k!=v", "k in (a,b)", "k notin (a,b)", comma = AND.
function parseLabelSelector(sel) {
  if (!sel) return () => true;
  const terms = [];
  let depth = 0, cur = '';
  for (const ch of sel) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { terms.push(cur); cur = ''; } else cur += ch;
  }
  terms.push(cur);
  const preds = terms.map((t) => t.trim()).filter(Boolean).map((t) => {
    let m;
    if ((m = /^!\s*([^\s=!]+)$/.exec(t))) return (l) => !(m[1] in l);
    if ((m = /^([^\s=!]+)\s*(==|=|!=)\s*(.*)$/.exec(t))) {
      const [, k, op, v] = m;
      return op === '!=' ? (l) => l[k] !== v.trim() : (l) => l[k] === v.trim();
    }
    if ((m = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(t))) {
      const vals = m[3].split(',').map((s) => s.trim());
      return m[2] === 'in' ? (l) => m[1] in l && vals.includes(l[m[1]]) : (l) => !(m[1] in l && vals.includes(l[m[1]]));
    }
    if (/^[^\s=!()]+$/.test(t)) return (l) => t in l;
    throw new Error(`unable to parse requirement: ${t}`);
  });
  return (obj) => preds.every((p) => p(obj.metadata.labels || {}));
}
// fieldSelector subset: metadata.name=/==/!= (what clients use for a single object).
function parseFieldSelector(sel) {
  if (!sel) return () => true;
  const preds = sel.split(',').map((t) => t.trim()).filter(Boolean).map((t) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(t);
    if (!m || !['metadata.name', 'metadata.namespace'].includes(m[1])) throw new Error(`field label not supported: ${m ? m[1] : t}`);
    const get = (o) => (m[1] === 'metadata.name' ? o.metadata.name : '');
    return m[2] === '!=' ? (o) => get(o) !== m[3] : (o) => get(o) === m[3];
  });
  return (obj) => preds.every((p) => p(obj));
}

function respondObjects(req, res, resource, items, single, query) {
  const tv = tableVersion(req.headers.accept);
  if (tv) {
    const t = TABLES[resource];
    const include = query.get('includeObject') || 'Metadata';
    const rowObject = (o) => (include === 'None' ? undefined : include === 'Object' ? o
      : { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${tv}`, metadata: o.metadata });
    const table = {
      kind: 'Table',
      apiVersion: `meta.k8s.io/${tv}`,
      metadata: { resourceVersion: single ? items[0].metadata.resourceVersion : '481260' },
      columnDefinitions: t.columns,
      rows: items.map((o) => {
        const row = { cells: t.cells(o) };
        const obj = rowObject(o);
        if (obj) row.object = obj;
        return row;
      }),
    };
    return send(res, 200, table, `application/json;as=Table;v=${tv};g=meta.k8s.io`);
  }
  if (single) return send(res, 200, items[0]);
  return send(res, 200, { kind: `${RESOURCES[resource].kind}List`, apiVersion: 'v1', metadata: { resourceVersion: '481260' }, items });
}

function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const p = url.pathname.replace(/\/+$/, '') || '/';

  // Unauthenticated probes answer like kube-apiserver's (anonymous is allowed for these by default RBAC).
  if (['/healthz', '/livez', '/readyz'].includes(p)) return send(res, 200, 'ok', 'text/plain; charset=utf-8');

  // kubectl (client-go's clientcmd) only applies a kubeconfig user's credentials when the server URL is https, so over
  // this plain-http stand-in it sends no Authorization at all; other clients may send the token anyway. Accept both,
  // reject a wrong credential.
  const auth = req.headers.authorization;
  if (auth !== undefined && auth !== `Bearer ${TOKEN}`) return send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, status(405, 'MethodNotAllowed', `the az stand-in's Kubernetes API is read-only (${req.method} ${p})`));
  }

  if (p === '/version') return send(res, 200, K8S_VERSION);
  if (p === '/api') {
    return send(res, 200, { kind: 'APIVersions', versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${apiPort}` }] });
  }
  if (p === '/apis') return send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
  if (p === '/api/v1') return send(res, 200, API_RESOURCE_LIST);

  const m = /^\/api\/v1\/(nodes|namespaces)(?:\/([^/]+))?$/.exec(p);
  if (m) {
    const resource = m[1];
    const name = m[2] && decodeURIComponent(m[2]);
    if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
      return send(res, 405, status(405, 'MethodNotAllowed', 'watch is not supported by the az stand-in'));
    }
    const all = RESOURCES[resource].items;
    if (name) {
      const obj = all.find((o) => o.metadata.name === name);
      if (!obj) return send(res, 404, status(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource }));
      return respondObjects(req, res, resource, [obj], true, url.searchParams);
    }
    let items;
    try {
      const byLabel = parseLabelSelector(url.searchParams.get('labelSelector'));
      const byField = parseFieldSelector(url.searchParams.get('fieldSelector'));
      items = all.filter((o) => byLabel(o) && byField(o));
    } catch (e) {
      return send(res, 400, status(400, 'BadRequest', String(e.message)));
    }
    return respondObjects(req, res, resource, items, false, url.searchParams);
  }
  return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource', {}));
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
}

const api = http.createServer((req, res) => {
  try { handle(req, res); } catch (e) { send(res, 500, status(500, 'InternalError', String(e && e.stack || e))); }
});
const internal = http.createServer((req, res) => send(res, 404, '404 page not found\n', 'text/plain; charset=utf-8'));
try {
  await listen(internal, internalPort);
  await listen(api, apiPort);
} catch (e) {
  process.stderr.write(`arcProxy: listen failed: ${e.message}\n`);
  process.exit(1);
}

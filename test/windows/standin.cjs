// Windows stand-ins, built into one Node single-executable application (test/windows/setup.sh) and copied under the
// names of the programs they stand for; each copy acts by its own file name:
//   python.exe   the Azure CLI's Python, run as `python.exe -IBm azure.cli connectedk8s proxy …` (by az.cmd, or by the
//                extension directly): prints the real lines in the real order and starts the arcProxy child
//   arcProxy_windows_amd64_1_3_022011.exe   the child that holds both ports and serves the nodes kubectl lists
//   kubectl.exe  `get node -A --kubeconfig FILE`: lists the nodes through the proxy, as kubectl prints them
//   taskkill.exe `/PID n /T /F` over Wine's process table (`wmic`, UTF-16), since Wine's own taskkill refuses /T
// Only Node built-ins: a single-executable application cannot load modules from disk.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const self = path.win32.basename(process.execPath).toLowerCase();
// As in a script run by node: [executable, executable (or the script), ...arguments].
const argv = process.argv.slice(2);
const ARC_PROXY = 'arcProxy_windows_amd64_1_3_022011.exe';
const NODES = ['moc-l1a2b3c4d5', 'moc-l6e7f8a9b0', 'moc-lc1d2e3f4a'];

function fail(message, code = 1) {
  process.stderr.write(`ERROR: ${message}\n`);
  process.exit(code);
}

function option(args, names) {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function connects(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function python() {
  if (argv[0] !== '-IBm' || argv[1] !== 'azure.cli') fail(`python.exe stand-in: expected -IBm azure.cli, got ${JSON.stringify(argv.slice(0, 2))}`, 2);
  const args = argv.slice(2);
  if (process.env.AZ_STANDIN_LOG) fs.appendFileSync(process.env.AZ_STANDIN_LOG, JSON.stringify({ argv: args, pid: process.pid }) + '\n');
  if (args[0] !== 'connectedk8s' || args[1] !== 'proxy') fail(`'${args[0]}' is misspelled or not recognized by the system.`, 2);
  const name = option(args, ['--name', '-n']);
  const file = option(args, ['--file', '-f']) ?? path.join(os.homedir(), '.kube', 'config');
  const port = Number(option(args, ['--port']) ?? 47011);
  if (!(await portFree(port))) fail(`Port ${port} is already in use. Please select a different port with --port option.`);
  if (!(await portFree(port - 1))) fail(`Port ${port - 1} is already in use for a different purpose. This is a port which is used by arc proxy internally. Please ensure that this port is open before running 'az connectedk8s proxy'.`);
  const child = spawn(path.join(os.homedir(), '.clientproxy', ARC_PROXY), ['--api-port', String(port), '--internal-port', String(port - 1)], { stdio: 'ignore', windowsHide: true });
  let stopping = false;
  child.once('exit', () => {
    if (!stopping) fail('Proxy closed externally.');
  });
  process.on('SIGINT', () => ((stopping = true), process.exit(0)));
  process.stdout.write(`Proxy is listening on port ${port}\n`);
  await sleep(Number(process.env.AZ_STANDIN_READY_DELAY_MS ?? 400));
  for (let i = 0; !(await connects(port)); i++) {
    if (i > 200) fail('Failed to post access token to client proxy');
    await sleep(50);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    ['apiVersion: v1', 'clusters:', '- cluster:', `    server: http://127.0.0.1:${port}`, `  name: ${JSON.stringify(name)}`, 'contexts:', '- context:', `    cluster: ${JSON.stringify(name)}`, '    user: clusterUser', `  name: ${JSON.stringify(name)}`, `current-context: ${JSON.stringify(name)}`, 'kind: Config', 'users:', '- name: clusterUser', '  user:', '    token: not-a-secret', ''].join('\r\n'),
  );
  process.stdout.write(`Merged "${name}" as current context in ${file}\n`);
  process.stdout.write(`Start sending kubectl requests on '${name}' context using kubeconfig at ${file}\n`);
  process.stdout.write('Press Ctrl+C to close proxy.\n');
  setInterval(() => undefined, 1 << 30);
}

function arcProxy() {
  const apiPort = Number(option(argv, ['--api-port']));
  const internalPort = Number(option(argv, ['--internal-port']));
  const nodes = { kind: 'NodeList', apiVersion: 'v1', items: NODES.map((name, i) => ({ metadata: { name, labels: i === 0 ? { 'node-role.kubernetes.io/control-plane': '' } : {} }, status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.29.4' } } })) };
  http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url.startsWith('/api/v1/nodes') ? nodes : {}));
  }).listen(apiPort, '127.0.0.1');
  net.createServer((socket) => socket.end()).listen(internalPort, '127.0.0.1');
}

function kubectl() {
  const file = option(argv, ['--kubeconfig']);
  if (argv[0] !== 'get' || !/^nodes?$/.test(argv[1] ?? '') || !file) fail(`kubectl.exe stand-in: only "get node -A --kubeconfig FILE", got ${JSON.stringify(argv)}`, 2);
  const server = /server:\s*(\S+)/.exec(fs.readFileSync(file, 'utf8'))?.[1];
  http
    .get(`${server}/api/v1/nodes`, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        const rows = JSON.parse(body).items.map((n) => [n.metadata.name, n.status.conditions.find((c) => c.type === 'Ready').status === 'True' ? 'Ready' : 'NotReady', 'node-role.kubernetes.io/control-plane' in n.metadata.labels ? 'control-plane' : '<none>', '12d', n.status.nodeInfo.kubeletVersion]);
        const table = [['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], ...rows];
        const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
        process.stdout.write(table.map((r) => r.map((cell, c) => (c < r.length - 1 ? cell.padEnd(widths[c] + 3) : cell)).join('')).join('\n') + '\n');
      });
    })
    .on('error', (e) => fail(`Unable to connect to the server: ${e.message}`));
}

/** Wine's process table: "ParentProcessId  ProcessId" rows from wmic (UTF-16). */
function processTable() {
  const out = execFileSync('wmic', ['process', 'get', 'ParentProcessId,ProcessId'], { encoding: 'buffer', windowsHide: true });
  const text = out[0] === 0xff && out[1] === 0xfe ? out.subarray(2).toString('utf16le') : out.includes(0) ? out.toString('utf16le') : out.toString('utf8');
  return text.split(/\r?\n/).map((l) => l.trim().split(/\s+/).map(Number)).filter((r) => r.length === 2 && r.every(Number.isInteger));
}

function taskkill() {
  const pid = Number(option(argv.map((a) => a.toUpperCase()), ['/PID']));
  const tree = argv.some((a) => a.toUpperCase() === '/T');
  const table = processTable();
  if (!table.some(([, p]) => p === pid)) fail(`The process "${pid}" not found.`, 128);
  const victims = [pid];
  for (let i = 0; tree && i < victims.length; i++) for (const [parent, child] of table) if (parent === victims[i] && !victims.includes(child)) victims.push(child);
  for (const victim of victims.reverse()) {
    try {
      process.kill(victim);
      const parent = table.find(([, p]) => p === victim)?.[0];
      process.stdout.write(`SUCCESS: The process with PID ${victim} (child process of PID ${parent}) has been terminated.\n`);
    } catch (e) {
      process.stderr.write(`ERROR: The process with PID ${victim} could not be terminated: ${e.message}\n`);
    }
  }
}

const roles = { 'python.exe': python, [ARC_PROXY.toLowerCase()]: arcProxy, 'kubectl.exe': kubectl, 'taskkill.exe': taskkill };
const role = roles[self];
if (!role) fail(`Windows stand-in: no role for ${self}`, 2);
Promise.resolve(role()).catch((e) => fail(e.stack ?? String(e)));

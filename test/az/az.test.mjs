// Tests for the `az` stand-in (./az + ./arcProxy.mjs). Run: node --test test/az/
// Needs the real kubectl at /usr/bin/kubectl (KUBECTL overrides) and `ps`.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const AZ = path.join(HERE, 'az');
const KUBECTL = process.env.KUBECTL || '/usr/bin/kubectl';
const TENANT = '6b1f3c2a-9d4e-4f7a-8c5b-2e0d1a9f7c31';
const SUBSCRIPTION = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const NODE_NAMES = ['moc-l1a2b3c4d5', 'moc-l6e7f8a9b0', 'moc-lc1d2e3f4a'];

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'az-standin-test-'));
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AZ_STANDIN_') && k !== 'KUBECONFIG'));
const BASE_ENV = { ...cleanEnv, HOME: TMP, AZ_STANDIN_READY_DELAY_MS: '800' };

const spawnedGroups = new Set(); // az pids, each leading its own process group (detached: true)

after(() => {
  for (const pgid of spawnedGroups) {
    try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
  }
  fs.rmSync(TMP, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// helpers

function az(args, env = {}) {
  const r = spawnSync(AZ, args, { env: { ...BASE_ENV, ...env }, encoding: 'utf8', timeout: 30000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function kubectl(args, home = TMP) {
  const r = spawnSync(KUBECTL, args, { env: { ...cleanEnv, HOME: home }, encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 0, `kubectl ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ port, host: '127.0.0.1', exclusive: true }, () => s.close(() => resolve(true)));
  });
}
const usedPorts = new Set();
// A random high port P with P and P-1 free (the proxy uses both).
async function pickPort() {
  for (;;) {
    const p = 40001 + Math.floor(Math.random() * 19000);
    if (usedPorts.has(p) || usedPorts.has(p - 1) || usedPorts.has(p + 1)) continue;
    if ((await portFree(p)) && (await portFree(p - 1))) {
      usedPorts.add(p);
      return p;
    }
  }
}
// Processes of a group, zombies excluded (an orphan is reaped by pid 1 a little later).
function groupMembers(pgid) {
  const out = spawnSync('ps', ['-eo', 'pid,pgid,stat,args'], { encoding: 'utf8' }).stdout;
  return out.split('\n').slice(1).map((l) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(l)).filter(Boolean)
    .map(([, pid, g, stat, args]) => ({ pid: Number(pid), pgid: Number(g), stat, args }))
    .filter((p) => p.pgid === pgid && !p.stat.startsWith('Z'));
}
async function waitUntil(fn, what, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// A running `az connectedk8s proxy`, read line by line as the lines arrive.
class ProxyRun {
  constructor(args, env = {}, onLine = () => {}) {
    this.child = spawn(AZ, args, { env: { ...BASE_ENV, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    spawnedGroups.add(this.child.pid);
    this.pid = this.child.pid;
    this.lines = [];
    this.stderr = '';
    this.waiters = [];
    this.exit = new Promise((resolve) => this.child.once('exit', (code, signal) => {
      this.exited = { code, signal };
      for (const w of this.waiters) w.reject(new Error(`az exited (${code ?? signal}) before a line matched ${w.re}\nstdout:\n${this.lines.join('\n')}\nstderr:\n${this.stderr}`));
      this.waiters = [];
      resolve({ code, signal });
    }));
    let buf = '';
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        onLine(line, this.lines.slice());
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.re.test(line) ? (w.resolve(line), false) : true));
      }
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (d) => { this.stderr += d; });
  }
  waitFor(re) {
    const hit = this.lines.find((l) => re.test(l));
    if (hit) return Promise.resolve(hit);
    if (this.exited) return Promise.reject(new Error(`az already exited; no line matched ${re}\n${this.stderr}`));
    return new Promise((resolve, reject) => this.waiters.push({ re, resolve, reject }));
  }
  ready() { return this.waitFor(/^Press Ctrl\+C to close proxy\.$/); }
  arcProxy() { return groupMembers(this.pid).find((p) => p.pid !== this.pid && /arcProxy_/.test(p.args)); }
}

function parseNodeTable(text) {
  const [header, ...rows] = text.trim().split('\n');
  return { header: header.trim().split(/\s+/), rows: rows.map((r) => r.trim().split(/\s+/)) };
}

// ---------------------------------------------------------------------------------------------------------------

describe('az version / extension / account', () => {
  const expectedVersion = { 'azure-cli': '2.67.0', 'azure-cli-core': '2.67.0', 'azure-cli-telemetry': '1.1.0', extensions: { connectedk8s: '1.10.5' } };

  test('az version prints the version JSON, with and without -o/--output json', () => {
    for (const args of [['version'], ['version', '-o', 'json'], ['version', '--output', 'json'], ['version', '--output=json']]) {
      const r = az(args);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), expectedVersion, args.join(' '));
      assert.equal(r.stderr, '');
    }
  });

  test('az version has no connectedk8s key when the extension is not installed', () => {
    const r = az(['version'], { AZ_STANDIN_NO_CONNECTEDK8S: '1' });
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), { ...expectedVersion, extensions: {} });
  });

  test('az extension show --name connectedk8s', () => {
    for (const args of [['extension', 'show', '--name', 'connectedk8s'], ['extension', 'show', '-n', 'connectedk8s', '-o', 'json']]) {
      const r = az(args);
      assert.equal(r.code, 0, r.stderr);
      const ext = JSON.parse(r.stdout);
      assert.equal(ext.name, 'connectedk8s');
      assert.equal(ext.version, '1.10.5');
      assert.equal(ext.extensionType, 'whl');
    }
  });

  test('az extension show fails with exit 1 when connectedk8s is not installed', () => {
    const r = az(['extension', 'show', '--name', 'connectedk8s', '-o', 'json'], { AZ_STANDIN_NO_CONNECTEDK8S: '1' });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'ERROR: The extension connectedk8s is not installed.\n');
    const other = az(['extension', 'show', '--name', 'aksarc']);
    assert.equal(other.code, 1);
    assert.equal(other.stderr, 'ERROR: The extension aksarc is not installed.\n');
  });

  test('az account show prints the signed-in subscription', () => {
    const r = az(['account', 'show', '-o', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout);
    assert.equal(a.id, SUBSCRIPTION);
    assert.equal(a.tenantId, TENANT);
    assert.equal(a.state, 'Enabled');
    assert.equal(a.isDefault, true);
    assert.equal(a.environmentName, 'AzureCloud');
    assert.equal(a.user.type, 'user');
    assert.equal(typeof a.user.name, 'string');
    assert.equal(typeof a.name, 'string');
  });

  test('account knobs: AZ_STANDIN_TENANT / AZ_STANDIN_SUBSCRIPTION, and --query with -o tsv', () => {
    const env = { AZ_STANDIN_TENANT: '11111111-2222-3333-4444-555555555555', AZ_STANDIN_SUBSCRIPTION: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' };
    const a = JSON.parse(az(['account', 'show'], env).stdout);
    assert.equal(a.tenantId, env.AZ_STANDIN_TENANT);
    assert.equal(a.id, env.AZ_STANDIN_SUBSCRIPTION);
    assert.equal(az(['account', 'show', '--query', 'tenantId', '-o', 'tsv'], env).stdout, `${env.AZ_STANDIN_TENANT}\n`);
  });

  test('az account show when logged out: exit 1 and the login hint', () => {
    const r = az(['account', 'show'], { AZ_STANDIN_LOGGED_OUT: '1' });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, "ERROR: Please run 'az login' to setup account.\n");
  });

  test('unknown commands exit 2 as misspelled', () => {
    const r = az(['foo']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "ERROR: 'foo' is misspelled or not recognized by the system.\n");
    assert.equal(az(['account', 'bar']).stderr, "ERROR: 'bar' is misspelled or not recognized by the system.\n");
  });
});

describe('az connectedk8s proxy: argument errors', () => {
  test('missing --name / --resource-group exits 2 with an argparse-style error', () => {
    let r = az(['connectedk8s', 'proxy']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^ERROR: the following arguments are required: --name\/-n, --resource-group\/-g\n/);
    r = az(['connectedk8s', 'proxy', '-n', 'c1']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^ERROR: the following arguments are required: --resource-group\/-g\n/);
    r = az(['connectedk8s', 'proxy', '--resource-group', 'rg']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^ERROR: the following arguments are required: --name\/-n\n/);
    assert.equal(r.stdout, '');
  });

  test('logged out: exit 1 before anything starts', () => {
    const r = az(['connectedk8s', 'proxy', '-n', 'c1', '-g', 'rg'], { AZ_STANDIN_LOGGED_OUT: '1' });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, "ERROR: Please run 'az login' to setup account.\n");
    assert.equal(r.stdout, '');
  });

  test('a busy port (P or the internal P-1) is reported and nothing is started', async () => {
    for (const busy of ['api', 'internal']) {
      const port = await pickPort();
      const blocker = net.createServer();
      await new Promise((r) => blocker.listen(busy === 'api' ? port : port - 1, '127.0.0.1', r));
      try {
        const r = az(['connectedk8s', 'proxy', '-n', 'c1', '-g', 'rg', '-f', path.join(TMP, `busy-${busy}`), '--port', String(port)]);
        assert.equal(r.code, 1, r.stderr);
        assert.equal(r.stdout, '');
        if (busy === 'api') {
          assert.equal(r.stderr, `ERROR: Port ${port} is already in use. Please select a different port with --port option.\n`);
        } else {
          assert.match(r.stderr, new RegExp(`^ERROR: Port ${port - 1} is already in use for a different purpose\\. This is a port which is used by arc proxy internally\\.`));
        }
        assert.equal(fs.existsSync(path.join(TMP, `busy-${busy}`)), false);
      } finally {
        await new Promise((r) => blocker.close(r));
      }
    }
  });
});

describe('az connectedk8s proxy: lifecycle with the real kubectl', { timeout: 120000 }, () => {
  const name = `Cluster "one"; it's spaced`;
  const group = `rg; with 'quotes' & $HOME`;
  const log = path.join(TMP, 'argv.log');
  const kc = path.join(TMP, 'kube dir', 'config; weird');
  let port;
  let run;
  let atListening;

  before(async () => {
    port = await pickPort();
    run = new ProxyRun(['connectedk8s', 'proxy', '-n', name, '-g', group, '--subscription', SUBSCRIPTION, '-f', kc, '--port', String(port)],
      { AZ_STANDIN_LOG: log },
      (line, earlier) => {
        if (line.startsWith('Proxy is listening')) {
          atListening = { kubeconfigExists: fs.existsSync(kc), earlierLines: earlier };
        }
      });
    await run.ready();
  });

  test('prints "Proxy is listening" first and "Press Ctrl+C to close proxy." last; kubeconfig appears in between', () => {
    assert.deepEqual(run.lines, [
      `Proxy is listening on port ${port}`,
      `Merged "${name}" as current context in ${kc}`,
      `Start sending kubectl requests on '${name}' context using kubeconfig at ${kc}`,
      'Press Ctrl+C to close proxy.',
    ]);
    assert.deepEqual(atListening.earlierLines, []);
    assert.equal(atListening.kubeconfigExists, false, 'the kubeconfig must not exist yet when "Proxy is listening" is printed');
    const st = fs.statSync(kc);
    assert.equal(st.mode & 0o777, 0o600);
    const text = fs.readFileSync(kc, 'utf8');
    assert.match(text, new RegExp(`server: http://127\\.0\\.0\\.1:${port}\\n`));
    assert.match(text, /token: "emulated-token-not-a-secret"/);
    assert.equal(run.stderr, '');
  });

  test('names with spaces, quotes and ; arrive intact (AZ_STANDIN_LOG and the kubeconfig context)', () => {
    const entries = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0].argv, ['connectedk8s', 'proxy', '-n', name, '-g', group, '--subscription', SUBSCRIPTION, '-f', kc, '--port', String(port)]);
    assert.equal(entries[0].pid, run.pid);
    assert.equal(kubectl(['config', 'current-context', '--kubeconfig', kc]).trim(), name);
    assert.equal(kubectl(['config', 'view', '--kubeconfig', kc, '-o', 'jsonpath={.contexts[0].context.cluster}']), name);
  });

  test('real kubectl lists 3 Ready nodes through the proxy', () => {
    const t = parseNodeTable(kubectl(['get', 'node', '-A', '--kubeconfig', kc]));
    assert.deepEqual(t.header, ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    assert.deepEqual(t.rows.map((r) => r[0]), NODE_NAMES);
    for (const r of t.rows) {
      assert.equal(r.length, 5, r.join(' '));
      assert.equal(r[1], 'Ready');
      assert.match(r[3], /^\d+[smhdy]/);
      assert.equal(r[4], 'v1.29.4');
    }
    assert.equal(t.rows[0][2], 'control-plane');
    assert.equal(t.rows[1][2], '<none>');

    const list = JSON.parse(kubectl(['get', 'nodes', '-o', 'json', '--kubeconfig', kc]));
    assert.equal(list.items.length, 3);
    for (const n of list.items) {
      assert.equal(n.kind, 'Node');
      assert.equal(n.status.conditions.find((c) => c.type === 'Ready').status, 'True');
      assert.equal(n.status.nodeInfo.kubeletVersion, 'v1.29.4');
    }
    assert.ok('node-role.kubernetes.io/control-plane' in list.items[0].metadata.labels);
  });

  test('the arcProxy helper is a child in az\'s process group', () => {
    const helper = run.arcProxy();
    assert.ok(helper, `no arcProxy process in group ${run.pid}: ${JSON.stringify(groupMembers(run.pid))}`);
    assert.match(helper.args, /^arcProxy_linux_(amd64|arm64)_1_3_022011 -c /);
  });

  test('killing only the az pid (SIGINT) exits 0 and leaves arcProxy running; killing the group leaves nothing', async () => {
    const helper = run.arcProxy();
    process.kill(run.pid, 'SIGINT');
    const { code } = await run.exit;
    assert.equal(code, 0);
    // az is gone, the helper is still there and still serving.
    assert.deepEqual(groupMembers(run.pid).map((p) => p.pid), [helper.pid]);
    assert.equal(await portFree(port), false);
    const t = parseNodeTable(kubectl(['get', 'node', '--kubeconfig', kc]));
    assert.equal(t.rows.length, 3);

    process.kill(-run.pid, 'SIGTERM');
    await waitUntil(() => groupMembers(run.pid).length === 0, `process group ${run.pid} to empty`);
    assert.equal(await waitUntil(() => portFree(port), `port ${port} to be released`), true);
    assert.equal(await waitUntil(() => portFree(port - 1), `port ${port - 1} to be released`), true);
  });
});

describe('az connectedk8s proxy: other behaviour', { timeout: 120000 }, () => {
  test('killing the process group while az runs stops az and arcProxy', async () => {
    const port = await pickPort();
    const run = new ProxyRun(['connectedk8s', 'proxy', '--name', 'c2', '--resource-group', 'rg', '--file', path.join(TMP, 'c2.config'), '--port', String(port)]);
    await run.ready();
    assert.ok(run.arcProxy());
    process.kill(-run.pid, 'SIGTERM');
    const { signal } = await run.exit;
    assert.equal(signal, 'SIGTERM');
    await waitUntil(() => groupMembers(run.pid).length === 0, `process group ${run.pid} to empty`);
  });

  test('default kubeconfig is $HOME/.kube/config; AZ_STANDIN_NODES_NOT_READY=1 makes the 2nd node NotReady; single-instance knob', async () => {
    const home = fs.mkdtempSync(path.join(TMP, 'home-'));
    const port = await pickPort();
    const run = new ProxyRun(['connectedk8s', 'proxy', '-n', 'c3', '-g', 'rg', '--port', String(port)],
      { HOME: home, AZ_STANDIN_NODES_NOT_READY: '1', AZ_STANDIN_READY_DELAY_MS: '0' });
    await run.ready();
    const kc = path.join(home, '.kube', 'config');
    assert.equal(run.lines[1], `Merged "c3" as current context in ${kc}`);
    assert.equal(fs.statSync(kc).mode & 0o777, 0o600);

    const t = parseNodeTable(kubectl(['get', 'nodes', '--kubeconfig', kc], home));
    assert.deepEqual(t.rows.map((r) => r[1]), ['Ready', 'NotReady', 'Ready']);
    const list = JSON.parse(kubectl(['get', 'nodes', '-o', 'json'], home)); // uses $HOME/.kube/config
    assert.deepEqual(list.items.map((n) => n.status.conditions.find((c) => c.type === 'Ready').status), ['True', 'False', 'True']);

    // The real CLI refuses to start while another arcProxy runs (opt-in here).
    const other = await pickPort();
    const r = az(['connectedk8s', 'proxy', '-n', 'c4', '-g', 'rg', '--port', String(other), '-f', path.join(home, 'c4')], { AZ_STANDIN_SINGLE_INSTANCE: '1' });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'ERROR: Another instance of arc proxy is already running\n');

    process.kill(-run.pid, 'SIGTERM');
    await waitUntil(() => groupMembers(run.pid).length === 0, `process group ${run.pid} to empty`);
  });

  test('when arcProxy dies, az exits 1 with "Proxy closed externally."', async () => {
    const port = await pickPort();
    const run = new ProxyRun(['connectedk8s', 'proxy', '-n', 'c5', '-g', 'rg', '-f', path.join(TMP, 'c5.config'), '--port', String(port)],
      { AZ_STANDIN_READY_DELAY_MS: '0' });
    await run.ready();
    process.kill(run.arcProxy().pid, 'SIGKILL');
    const { code } = await run.exit;
    assert.equal(code, 1);
    assert.equal(run.stderr, 'ERROR: Proxy closed externally.\n');
  });
});

describe('az connectedk8s proxy: asks Resource Manager first, as the real CLI does', { timeout: 120000 }, () => {
  let emulator;
  let arm;
  before(async () => {
    const { startEmulator } = await import(path.join(HERE, '../../out/test/emulator/server.js'));
    const { DEV_TOKEN } = await import(path.join(HERE, '../../out/src/auth/loopback.js'));
    emulator = await startEmulator({ port: 0, world: 'demo', retryAfterSeconds: 0 });
    arm = { AZ_STANDIN_ARM_URL: emulator.url, AZ_STANDIN_ARM_TOKEN: DEV_TOKEN };
  });
  after(() => emulator?.close());

  test('POST listClusterUserCredential (2021-10-01, AAD, clientProxy) before anything else; then the real lines in the real order', async () => {
    const port = await pickPort();
    const kc = path.join(TMP, 'arm-first.yaml');
    const run = new ProxyRun(['connectedk8s', 'proxy', '-n', 'aks-seattle-prod01', '-g', 'rg-hci-seattle', '--subscription', SUBSCRIPTION, '-f', kc, '--port', String(port)], arm);
    try {
      await run.ready();
      const calls = emulator.requests.filter((r) => /listClusterUserCredential/.test(r.url));
      assert.equal(calls.length, 1);
      assert.match(calls[0].url, /\/subscriptions\/3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01\/resourceGroups\/rg-hci-seattle\/providers\/Microsoft\.Kubernetes\/connectedClusters\/aks-seattle-prod01\/listClusterUserCredential\?api-version=2021-10-01$/);
      assert.deepEqual(calls[0].body, { authenticationMethod: 'AAD', clientProxy: true });
      assert.equal(calls[0].status, 200);
      assert.deepEqual(run.lines, [
        `Proxy is listening on port ${port}`,
        `Merged "aks-seattle-prod01" as current context in ${kc}`,
        `Start sending kubectl requests on 'aks-seattle-prod01' context using kubeconfig at ${kc}`,
        'Press Ctrl+C to close proxy.',
      ]);
    } finally {
      process.kill(-run.pid, 'SIGINT');
      await run.exit;
    }
  });

  test('--token asks for a Token credential', async () => {
    const port = await pickPort();
    const run = new ProxyRun(['connectedk8s', 'proxy', '-n', 'aks-seattle-prod01', '-g', 'rg-hci-seattle', '-f', path.join(TMP, 'token.yaml'), '--port', String(port), '--token', 'abc'], arm);
    try {
      await run.ready();
      assert.deepEqual(emulator.requests.filter((r) => /listClusterUserCredential/.test(r.url)).pop().body, { authenticationMethod: 'Token', clientProxy: true });
    } finally {
      process.kill(-run.pid, 'SIGINT');
      await run.exit;
    }
  });

  test('a cluster Resource Manager does not know: ARM\'s error as az prints it, exit 1, no proxy started', async () => {
    // Not spawnSync: the emulator answers from this very process.
    const run = new ProxyRun(['connectedk8s', 'proxy', '-n', 'no-such', '-g', 'rg-hci-seattle', '-f', path.join(TMP, 'none.yaml'), '--port', '47391'], arm);
    const { code } = await run.exit;
    const r = { code, stdout: run.lines.join('\n'), stderr: run.stderr };
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^ERROR: \(ResourceNotFound\) .*no-such.*\nCode: ResourceNotFound\nMessage: /);
    assert.equal(fs.existsSync(path.join(TMP, 'none.yaml')), false);
  });

  test('the extension missing: the real message and exit code', () => {
    const r = az(['connectedk8s', 'proxy', '-n', 'c1', '-g', 'rg'], { AZ_STANDIN_NO_CONNECTEDK8S: '1' });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'ERROR: The extension connectedk8s is not installed.\n');
    assert.equal(r.stdout, '');
  });
});

/**
 * Connect's Windows side, run by Windows' own Node.js under Wine (test/windows/run.sh), with the CLI's layout and the
 * stand-ins test/windows/setup.sh builds: the product's compiled modules, not a simulation of them. Not run by the
 * Linux suites (it skips itself off Windows).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { summarizeNodeTable } from '../../src/connect/nodeSummary';
import { platformFor, processAlive } from '../../src/connect/platform';
import { findProxyPort } from '../../src/connect/ports';
import { runTool } from '../../src/connect/processes';
import { ProxyProcess } from '../../src/connect/proxyProcess';
import { ProxySession } from '../../src/connect/proxySession';
import { nodesArgs, proxyArgs, type AzureLocalTaskDefinition } from '../../src/connect/taskDefinition';

const onWindows = process.platform === 'win32';
const AZ_MSI = 'C:\\azure cli\\CLI2\\wbin\\az.cmd';
const AZ_FALLBACK = 'C:\\azure cli\\fallback\\bin\\az.cmd';
const KUBECTL = 'C:\\tools\\kubectl.exe';
const WORK = onWindows ? fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-win-')) : '';
const ARGV_LOG = path.join(WORK, 'argv.log');

/** The names a user could have, each with a character cmd.exe or the C runtime would take for syntax. */
const ODD = { cluster: 'aks "odd" & ^ % ! one', resourceGroup: 'rg (odd) %PATH% & !x!' };

function loggedArgv(): string[][] {
  return fs.existsSync(ARGV_LOG) ? fs.readFileSync(ARGV_LOG, 'utf8').trim().split(/\r?\n/).map((line) => JSON.parse(line).argv as string[]) : [];
}

/** Starts a proxy through az.cmd the product's way; resolves when ready, with its transcript. */
async function startProxy(az: string, definition: AzureLocalTaskDefinition, port: number) {
  const kubeconfig = path.join(WORK, `${port}.yaml`);
  let transcript = '';
  let ready!: () => void;
  let ended!: (why: string) => void;
  const isReady = new Promise<void>((resolve, reject) => {
    ready = resolve;
    ended = (why) => reject(new Error(`az ended before ready (${why}):\n${transcript}`));
  });
  const proxy = new ProxyProcess(
    az,
    proxyArgs(definition, port, kubeconfig),
    { output: (text) => (transcript += text), ready: () => ready(), exit: (code) => ended(`exit ${code}`) },
    { ...process.env, AZ_STANDIN_LOG: ARGV_LOG },
    platformFor('win32'),
    [port, port - 1],
  );
  proxy.start();
  await isReady;
  return { proxy, kubeconfig, transcript: () => transcript };
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('Connect on Windows (Windows Node under Wine)', { skip: !onWindows && 'runs under Windows Node (npm run test:windows)' }, () => {
  after(() => fs.rmSync(WORK, { recursive: true, force: true }));

  it('starts the CLI\'s python.exe, not az.cmd through a shell: ready at the ready line, not at "listening"; names arrive intact', async () => {
    const definition: AzureLocalTaskDefinition = { type: 'azure-local', action: 'proxy', ...ODD };
    const { proxy, kubeconfig, transcript } = await startProxy(AZ_MSI, definition, 47311);
    try {
      const text = transcript();
      assert.ok(text.indexOf('Proxy is listening on port 47311') < text.indexOf('Press Ctrl+C to close proxy.'), text);
      assert.deepEqual(loggedArgv().pop(), proxyArgs(definition, 47311, kubeconfig));
      const nodes = await runTool(KUBECTL, nodesArgs(kubeconfig));
      assert.equal(nodes.code, 0, nodes.stderr);
      assert.deepEqual(summarizeNodeTable(nodes.stdout), { total: 3, ready: 3, notReady: [] });
    } finally {
      await proxy.stop();
    }
  });

  it('a proxy session (what Connect and the proxy task hold): ready, the nodes check through kubectl.exe, Stop leaving nothing', async () => {
    const session = new ProxySession({
      definition: { type: 'azure-local', action: 'proxy', cluster: 'aks-session', resourceGroup: 'rg' },
      az: AZ_MSI,
      kubectl: KUBECTL,
      port: 47351,
      kubeconfig: path.join(WORK, 'session.yaml'),
      checkNodesWhenReady: true,
      startLock: { dir: path.join(WORK, 'start.lock') },
    });
    await session.start();
    await session.whenReady;
    assert.equal((await session.firstNodesCheck).summary, '3 nodes, 3 Ready');
    const pid = session.pid!;
    await session.stop();
    assert.equal(processAlive(pid), false);
    assert.equal(await listening(47351), false);
    assert.equal(await listening(47350), false);
  });

  it('Stop ends the whole tree (python.exe and arcProxy) through taskkill /T: no pid answers, both ports are free', async () => {
    const definition: AzureLocalTaskDefinition = { type: 'azure-local', action: 'proxy', cluster: 'aks-stop', resourceGroup: 'rg' };
    const { proxy } = await startProxy(AZ_MSI, definition, 47321);
    const pid = proxy.pid!;
    assert.ok(await listening(47321));
    await proxy.stop();
    assert.equal(processAlive(pid), false);
    assert.equal(await listening(47321), false, 'the API port is free');
    assert.equal(await listening(47320), false, 'the internal port is free');
  });

  it('where az.cmd has no python.exe beside it, cmd.exe runs it with every argument quoted: spaces, quotes, &, ^, ! and () arrive intact', async () => {
    const definition: AzureLocalTaskDefinition = { type: 'azure-local', action: 'proxy', cluster: 'aks "odd" & ^ ! one', resourceGroup: 'rg (odd) & !x!', subscription: '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01' };
    const { proxy, kubeconfig } = await startProxy(AZ_FALLBACK, definition, 47331);
    try {
      assert.equal(platformFor('win32').azInvocation(AZ_FALLBACK, []).options.windowsVerbatimArguments, true, 'the cmd.exe path was taken');
      assert.deepEqual(loggedArgv().pop(), proxyArgs(definition, 47331, kubeconfig));
    } finally {
      await proxy.stop();
    }
    assert.equal(await listening(47331), false);
  });

  it('on the cmd.exe path a value with % is refused with what to do, and nothing starts', () => {
    const before = loggedArgv().length;
    const definition: AzureLocalTaskDefinition = { type: 'azure-local', action: 'proxy', ...ODD };
    assert.throws(() => new ProxyProcess(AZ_FALLBACK, proxyArgs(definition, 47341, 'C:\\k.yaml'), { output: () => undefined, ready: () => undefined, exit: () => undefined }, process.env, platformFor('win32')).start(), /holds a %, which cannot pass through cmd\.exe intact\. Point azureLocal\.azPath at the Azure CLI's own az\.cmd/);
    assert.equal(loggedArgv().length, before);
  });

  it('two proxies started at once start one after the other (the start lock works on Windows too)', async () => {
    const events: string[] = [];
    const sessions = ['aks-a', 'aks-b'].map(
      (cluster, i) =>
        new ProxySession({
          definition: { type: 'azure-local', action: 'proxy', cluster, resourceGroup: 'rg' },
          az: AZ_MSI,
          kubectl: KUBECTL,
          port: 47361 + 2 * i,
          kubeconfig: path.join(WORK, `${cluster}.yaml`),
          checkNodesWhenReady: false,
          startLock: { dir: path.join(WORK, 'start.lock') },
        }),
    );
    sessions.forEach((session) => session.on({ started: () => events.push(`${session.definition.cluster} started`), ready: () => events.push(`${session.definition.cluster} ready`) }));
    await Promise.all(sessions.map((session) => session.start()));
    await Promise.all(sessions.map((session) => session.whenReady));
    try {
      // Whichever won the lock is ready before the other one starts.
      assert.deepEqual(events.map((e) => e.split(' ')[1]), ['started', 'ready', 'started', 'ready'], events.join(', '));
      assert.equal(events[0].split(' ')[0], events[1].split(' ')[0]);
    } finally {
      await Promise.all(sessions.map((session) => session.stop()));
    }
  });

  it('a port pair in use moves to the next pair', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(47010, '127.0.0.1', resolve));
    try {
      assert.equal(await findProxyPort(), 47013);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('the kubeconfig protection runs without failing (Wine enforces no ACLs: only real Windows can confirm the effect)', async () => {
    const file = path.join(WORK, 'protect.yaml');
    fs.writeFileSync(file, 'x');
    await platformFor('win32').protectFile(file);
    assert.equal(fs.readFileSync(file, 'utf8'), 'x');
  });
});

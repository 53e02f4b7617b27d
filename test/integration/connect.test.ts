// Connect in a real extension host: the stand-in az (test/az/az) as azureLocal.azPath and the real kubectl, against
// the emulator's demo cluster. Checks ready detection, the nodes summary, reuse, Stop leaving no process, the port
// pair, prerequisites with their fixes, argument arrays, tasks.json with dependsOn, and direct kubeconfigs.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/treeNode';
import { DEV_TOKEN } from '../../src/auth/loopback';
import { child, children, emulatorUrl, extensionApi, roots, resetWorld, until } from './helpers';
import { answer, ScriptedPrompter } from './scriptedPrompter';
import { liveMembers } from '../fixtures/processes';

let api: AzureLocalApi;
let work: string;
let argvLog: string;
let cluster: TreeNode;
const config = () => vscode.workspace.getConfiguration('azureLocal');
const STANDIN_ENV = ['AZ_STANDIN_READY_DELAY_MS', 'AZ_STANDIN_LOG', 'AZ_STANDIN_NO_CONNECTEDK8S', 'AZ_STANDIN_TENANT', 'KUBECONFIG'];

async function gone(pgid: number): Promise<string[]> {
  for (let i = 0; i < 60 && liveMembers(pgid).length; i++) await new Promise((r) => setTimeout(r, 100));
  return liveMembers(pgid);
}

function lastEvent(command: string) {
  const event = [...api.telemetryEvents].reverse().find((e) => e.command === command);
  assert.ok(event, `no telemetry for ${command}`);
  return event;
}

async function stopAll(): Promise<void> {
  for (const proxy of api.proxies.list()) {
    const pgid = proxy.session.pid!;
    await api.proxies.stop(proxy);
    assert.deepStrictEqual(await gone(pgid), [], 'no process of the proxy is left');
  }
}

const PROXY_TASK = { type: 'azure-local', action: 'proxy', subscription: '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01', resourceGroup: 'rg-hci-seattle', cluster: 'aks-seattle-prod01' } as const;

/** Runs the proxy task as Run Task does (the provided task, no options of Connect's) and waits for its proxy. */
async function executeProxyTask(): Promise<{ port: number }> {
  await vscode.tasks.executeTask(api.tasks.task(PROXY_TASK));
  return api.proxies.whenRegistered(PROXY_TASK);
}

/** VS Code runs a task id once at a time: a stopped proxy's task must end, or running it again starts nothing. */
async function untilTaskEnded(): Promise<void> {
  const running = () => vscode.tasks.taskExecutions.some((e) => e.task.definition.type === PROXY_TASK.type && e.task.definition.cluster === PROXY_TASK.cluster);
  await until(() => !running(), "the stopped proxy's task did not end");
}

/** A resource group and a connected cluster in the emulator, made through ARM as a user would. */
async function createConnectedCluster(group: string, name: string): Promise<void> {
  const sub = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
  const put = async (path: string, body: unknown) => {
    const response = await fetch(`${emulatorUrl()}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${DEV_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.ok(response.ok, `PUT ${path}: ${response.status} ${await response.text()}`);
  };
  await put(`/subscriptions/${sub}/resourcegroups/${encodeURIComponent(group)}?api-version=2025-04-01`, { location: 'eastus' });
  await put(`/subscriptions/${sub}/resourceGroups/${encodeURIComponent(group)}/providers/Microsoft.Kubernetes/connectedClusters/${name}?api-version=2024-01-01`, {
    location: 'eastus', kind: 'ProvisionedCluster', identity: { type: 'SystemAssigned' }, properties: { agentPublicKeyCertificate: '' },
  });
}

suite('connect', () => {
  suiteSetup(async () => {
    api = await extensionApi();
    await resetWorld(api);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-connect-'));
    argvLog = path.join(work, 'az-argv.log');
    const repo = vscode.extensions.getExtension('azure-local-tools.azure-local-tools')!.extensionPath;
    await config().update('azPath', path.join(repo, 'test/az/az'), vscode.ConfigurationTarget.Global);
    await config().update('kubeconfigFolder', path.join(work, 'kube'), vscode.ConfigurationTarget.Global);
    process.env.AZ_STANDIN_READY_DELAY_MS = '400';
    process.env.AZ_STANDIN_LOG = argvLog;
    const seattle = await child(await child(await roots(api), 'Contoso Edge Production'), 'seattle-hci');
    cluster = await child(await child(seattle, 'AKS Arc clusters'), 'aks-seattle-prod01');
  });

  teardown(async () => {
    await stopAll();
    await untilTaskEnded();
    delete process.env.AZ_STANDIN_NO_CONNECTEDK8S;
    delete process.env.AZ_STANDIN_TENANT;
    api.setTestOverrides(undefined);
  });

  suiteTeardown(async () => {
    for (const key of STANDIN_ENV) delete process.env[key];
    await config().update('azPath', undefined, vscode.ConfigurationTarget.Global);
    await config().update('kubeconfigFolder', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('Connect: ready only at the ready line, then kubectl through the proxy, "3 nodes, 3 Ready"; a second Connect reuses it; Stop leaves nothing', async () => {
    // The row offers Stop Proxy (menus match `proxied`) only while a proxy of the cluster runs.
    const proxied = () => /\bproxied\b/.test(cluster.getTreeItem().contextValue ?? '');
    assert.strictEqual(proxied(), false, 'no proxy yet');
    const result = (await vscode.commands.executeCommand('azureLocal.connect', cluster)) as { port: number; kubeconfig: string; nodes: { summary: string }; reused: boolean };
    assert.ok(result, `connect failed: ${api.shownErrors[api.shownErrors.length - 1]}`);
    assert.strictEqual(result.nodes.summary, '3 nodes, 3 Ready');
    assert.strictEqual(result.port, 47011);
    const [proxy] = api.proxies.list();
    const transcript = proxy.session.transcript;
    const listening = transcript.indexOf('Proxy is listening on port 47011');
    const readyLine = transcript.indexOf('Press Ctrl+C to close proxy.');
    const nodes = transcript.indexOf('moc-l1a2b3c4d5');
    assert.ok(listening >= 0 && listening < readyLine && readyLine < nodes, transcript);
    assert.strictEqual(fs.statSync(result.kubeconfig).mode & 0o777, 0o600);
    assert.ok(result.kubeconfig.startsWith(path.join(work, 'kube')));

    const again = (await vscode.commands.executeCommand('azureLocal.connect', cluster)) as { port: number; reused: boolean };
    assert.strictEqual(again.reused, true);
    assert.strictEqual(api.proxies.list().length, 1);
    assert.strictEqual(proxied(), true, 'the row offers Stop Proxy');
    assert.strictEqual(lastEvent('azureLocal.connect').result, 'Succeeded');

    const pgid = proxy.session.pid!;
    assert.ok(liveMembers(pgid).some((args) => args.startsWith('arcProxy_')), 'az started its arcProxy child');
    await vscode.commands.executeCommand('azureLocal.stopProxy', cluster);
    assert.deepStrictEqual(await gone(pgid), []);
    assert.strictEqual(api.proxies.list().length, 0);
    assert.strictEqual(proxied(), false, 'Stop Proxy is gone from the row');
  });

  test('deactivate() ends every proxy\'s process group (VS Code closing or reloading)', async () => {
    const result = await vscode.commands.executeCommand('azureLocal.connect', cluster);
    assert.ok(result, api.shownErrors[api.shownErrors.length - 1]);
    const pgid = api.proxies.list()[0].session.pid!;
    assert.ok(liveMembers(pgid).length > 0);
    // The extension host loaded the bundle with require: the same module instance, whose deactivate VS Code calls.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- require, not import: the module instance the extension host loaded
    const main = require(path.join(vscode.extensions.getExtension('azure-local-tools.azure-local-tools')!.extensionPath, 'dist/extension.js'));
    await main.deactivate();
    assert.deepStrictEqual(await gone(pgid), []);
  });

  test('Connect\'s proxy opened through the provided task (VS Code swaps the callback when provideTasks runs) keeps Connect\'s port and nodes check', async () => {
    const definition = PROXY_TASK;
    api.tasks.task(definition, vscode.TaskScope.Workspace, { port: 47015, checkNodesWhenReady: true }); // Connect's task
    await vscode.tasks.executeTask(api.tasks.task(definition)); // the one provideTasks returned, which VS Code may run instead
    const proxy = await api.proxies.whenRegistered(definition);
    assert.strictEqual(proxy.port, 47015);
    let waited: NodeJS.Timeout | undefined;
    const never = new Promise<never>((_resolve, reject) => (waited = setTimeout(() => reject(new Error('no nodes check: the proxy started without Connect\'s options')), 20_000)));
    try {
      assert.strictEqual((await Promise.race([proxy.session.firstNodesCheck, never])).summary, '3 nodes, 3 Ready');
    } finally {
      clearTimeout(waited);
    }
  });

  test('a proxy stopped before VS Code opened its terminal ends its task too, so the task can run again', async () => {
    await executeProxyTask();
    await stopAll(); // at once: the terminal may not be open yet
    await untilTaskEnded();
    await executeProxyTask(); // started again: a proxy registers
    await stopAll();
    await untilTaskEnded();
  });

  test('a Connect that is done withdraws only its own start options: another Connect\'s stay, and none outlive their Connect', async () => {
    const first = { port: 47015 };
    const second = { port: 47017 };
    api.tasks.task(PROXY_TASK, vscode.TaskScope.Workspace, first);
    api.tasks.task(PROXY_TASK, vscode.TaskScope.Workspace, second); // a second Connect of the same cluster, started meanwhile
    api.tasks.withdrawStartOptions(PROXY_TASK, first); // the first gives up
    assert.strictEqual((await executeProxyTask()).port, 47017, "the second Connect's options were kept");
    await stopAll();
    await untilTaskEnded();
    api.tasks.task(PROXY_TASK, vscode.TaskScope.Workspace, first);
    api.tasks.withdrawStartOptions(PROXY_TASK, first); // done, no terminal took them (another Connect's proxy answered)
    assert.strictEqual((await executeProxyTask()).port, 47011, 'a later run of the task uses no withdrawn options');
  });

  test('a busy 47011 (or 47010) moves the proxy to the next free pair', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(47010, '127.0.0.1', resolve));
    try {
      const result = (await vscode.commands.executeCommand('azureLocal.connect', cluster)) as { port: number; nodes: { summary: string } };
      assert.ok(result, api.shownErrors[api.shownErrors.length - 1]);
      assert.strictEqual(result.port, 47013);
      assert.strictEqual(result.nodes.summary, '3 nodes, 3 Ready');
    } finally {
      blocker.close();
    }
  });

  test('prerequisites stop Connect with the fix: missing az, missing connectedk8s, another tenant', async () => {
    const azPath = config().get<string>('azPath');
    const attempt = async () => {
      const before = api.shownErrors.length;
      assert.strictEqual(await vscode.commands.executeCommand('azureLocal.connect', cluster), undefined);
      assert.strictEqual(lastEvent('azureLocal.connect').errorCode, 'PrerequisitesMissing');
      assert.strictEqual(api.proxies.list().length, 0, 'no proxy was started');
      return api.shownErrors.slice(before).join('\n');
    };
    await config().update('azPath', path.join(work, 'no-such-az'), vscode.ConfigurationTarget.Global);
    try {
      assert.match(await attempt(), /Azure CLI: ".*no-such-az" not found\. Fix: Install the Azure CLI \(https:\/\/aka\.ms\/installazurecli\) or set azureLocal\.azPath to it/);
    } finally {
      await config().update('azPath', azPath, vscode.ConfigurationTarget.Global);
    }
    process.env.AZ_STANDIN_NO_CONNECTEDK8S = '1';
    assert.match(await attempt(), /connectedk8s extension: .*not installed.*\. Fix: az extension add --name connectedk8s/);
    delete process.env.AZ_STANDIN_NO_CONNECTEDK8S;
    process.env.AZ_STANDIN_TENANT = '00000000-0000-0000-0000-0000000000aa';
    assert.match(await attempt(), /Azure CLI sign-in: signed in to tenant 00000000-0000-0000-0000-0000000000aa, the cluster is in tenant 6b1f3c2a-9d4e-4f7a-8c5b-2e0d1a9f7c31\. Fix: az login --tenant 6b1f3c2a-9d4e-4f7a-8c5b-2e0d1a9f7c31/);
  });

  test('tasks.json: "nodes" depends on "proxy" through the $azure-local-proxy matcher; names with shell characters reach az as one argument each', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const name = 'Aks_odd.01';
    // ARM allows parentheses in a group name: they mean something to a shell. (It allows any script's letters too, but
    // oav reads the swagger's \w as ASCII, so the recorded traffic keeps to ASCII; the fuzz suite covers Unicode.)
    const group = 'rg(odd).1';
    const definition = { type: 'azure-local', resourceGroup: group, cluster: name, port: 47021, kubeconfig: 'odd.yaml' };
    // The stand-in az asks Resource Manager for the cluster's credential first, like the real one: it must exist.
    await createConnectedCluster(group, name);
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.writeFileSync(
      path.join(folder, '.vscode', 'tasks.json'),
      JSON.stringify({
        version: '2.0.0',
        tasks: [
          { label: 'odd proxy', ...definition, action: 'proxy', isBackground: true, problemMatcher: '$azure-local-proxy' },
          { label: 'odd nodes', ...definition, action: 'nodes', dependsOn: 'odd proxy' },
        ],
      }),
    );
    try {
      // VS Code reads tasks.json through a file watcher: it can take a moment to see the new file.
      let task: vscode.Task | undefined;
      for (let i = 0; i < 50 && !task; i++) {
        task = (await vscode.tasks.fetchTasks({ type: 'azure-local' })).find((t) => t.name === 'odd nodes');
        if (!task) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(task, 'the tasks.json task resolves');
      const ended = new Promise<number | undefined>((resolve) => {
        const listener = vscode.tasks.onDidEndTaskProcess((e) => {
          if (e.execution.task.name === 'odd nodes') {
            listener.dispose();
            resolve(e.exitCode);
          }
        });
      });
      await vscode.tasks.executeTask(task);
      assert.strictEqual(await ended, 0, 'kubectl listed the nodes through the proxy the dependency started');
      const proxy = api.proxies.list().find((p) => p.definition.cluster === name);
      assert.ok(proxy?.session.ready);
      const invocations = fs.readFileSync(argvLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line).argv as string[]);
      const proxyCall = invocations.find((argv) => argv.includes(name));
      assert.deepStrictEqual(proxyCall, ['connectedk8s', 'proxy', '--name', name, '--resource-group', group, '--file', path.join(work, 'kube', 'odd.yaml'), '--port', '47021']);
    } finally {
      fs.rmSync(path.join(folder, '.vscode'), { recursive: true, force: true });
    }
  });

  test('tasks.json: a definition that breaks a rule is refused in its terminal, naming the field; az never starts', async () => {
    const before = fs.existsSync(argvLog) ? fs.readFileSync(argvLog, 'utf8') : '';
    const definition = { type: 'azure-local', action: 'proxy', resourceGroup: 'rg-hci-seattle', cluster: 'aks-seattle-prod01', kubeconfig: path.join(os.homedir(), '.ssh', 'config') };
    const task = api.tasks.resolveTask(new vscode.Task(definition, vscode.TaskScope.Workspace, 'bad', 'azure-local'));
    assert.ok(task);
    const ended = new Promise<number | undefined>((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.name === task.name) {
          listener.dispose();
          resolve(e.exitCode);
        }
      });
    });
    await vscode.tasks.executeTask(task);
    assert.notStrictEqual(await ended, 0);
    assert.strictEqual(fs.existsSync(argvLog) ? fs.readFileSync(argvLog, 'utf8') : '', before, 'az was not run');
    assert.match(api.tasks.lastRefusal ?? '', /^tasks\.json: kubeconfig: must be inside the kubeconfig folder /);
  });

  test('Get Kubeconfig (User): saved 0600, merged on request into KUBECONFIG with a backup; Keep Both renames', async () => {
    const target = path.join(work, 'config');
    process.env.KUBECONFIG = target;
    fs.writeFileSync(
      target,
      ['apiVersion: v1', 'kind: Config', 'clusters:', '- name: aks-seattle-prod01', '  cluster:', '    server: https://old.example:6443', 'contexts:', '- name: aks-seattle-prod01-clusterUser', '  context:', '    cluster: aks-seattle-prod01', '    user: clusterUser', 'current-context: aks-seattle-prod01-clusterUser', 'users:', '- name: clusterUser', '  user:', '    token: old', ''].join('\n'),
      { mode: 0o600 },
    );
    const prompter = new ScriptedPrompter([answer('Merge into kubeconfig'), answer('Keep Both')]);
    api.setTestOverrides({ prompter });
    const result = (await vscode.commands.executeCommand('azureLocal.getUserKubeconfig', cluster)) as { file: string; merged?: { backup?: string; choice: string } };
    assert.ok(result, api.shownErrors[api.shownErrors.length - 1]);
    assert.strictEqual(fs.statSync(result.file).mode & 0o777, 0o600);
    assert.match(fs.readFileSync(result.file, 'utf8'), /aks-seattle-prod01/);
    assert.strictEqual(result.merged?.choice, 'keepBoth');
    assert.match(prompter.messages[1].message, /already has cluster aks-seattle-prod01, context aks-seattle-prod01-clusterUser, user clusterUser\.$/);
    assert.strictEqual(fs.statSync(target).mode & 0o777, 0o600);
    assert.ok(result.merged?.backup && fs.readFileSync(result.merged.backup, 'utf8').includes('old.example'));
    const contexts = execFileSync('kubectl', ['config', 'get-contexts', '-o', 'name', '--kubeconfig', target], { encoding: 'utf8' }).trim().split('\n');
    assert.deepStrictEqual(contexts.sort(), ['aks-seattle-prod01-clusterUser', 'aks-seattle-prod01-clusterUser-2']);
    const renamed = JSON.parse(execFileSync('kubectl', ['config', 'view', '-o', 'json', '--kubeconfig', target], { encoding: 'utf8' })).contexts[1];
    assert.deepStrictEqual(renamed.context, { cluster: 'aks-seattle-prod01-2', user: 'clusterUser-2' });
    assert.strictEqual(execFileSync('kubectl', ['config', 'current-context', '--kubeconfig', target], { encoding: 'utf8' }).trim(), 'aks-seattle-prod01-clusterUser', 'the current context is unchanged');
  });

  test('what runs is not a workspace\'s choice: machine settings, and Connect needs a trusted workspace', async () => {
    const pkg = vscode.extensions.getExtension('azure-local-tools.azure-local-tools')!.packageJSON;
    for (const key of ['azureLocal.azPath', 'azureLocal.kubectlPath', 'azureLocal.kubeconfigFolder']) {
      assert.strictEqual(pkg.contributes.configuration.properties[key].scope, 'machine', key);
    }
    const connectCommand = pkg.contributes.commands.find((c: { command: string }) => c.command === 'azureLocal.connect');
    assert.strictEqual(connectCommand.enablement, 'isWorkspaceTrusted');
    assert.strictEqual(vscode.workspace.isTrusted, true, 'the bench trusts its workspace; the refusal itself is in requireTrustedWorkspace');
    assert.ok((await children(cluster)).length > 0);
  });
});

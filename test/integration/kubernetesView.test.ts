// Connect's "Open in Kubernetes View" in a real extension host, with the stand-in Kubernetes extension
// (test/fixtures/kubernetes-tools-standin: the published API's objects, its vs-kubernetes settings and Clusters view,
// every call recorded). Installed: the result offers the view; consent writes the user's vs-kubernetes settings and
// then the API is used (the kubeconfig checked, the context selected, the explorer refreshed) and the view shown;
// declining changes nothing and calls nothing. Not installed (a test override): the install is offered and run.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/treeNode';
import { extensionApi, prodCluster, resetWorld } from './helpers';
import { answer, ScriptedPrompter } from './scriptedPrompter';
import { standinRecord, type StandinRecord } from '../fixtures/kubernetes-tools-standin/record';

const KUBERNETES_ID = 'ms-kubernetes-tools.vscode-kubernetes-tools';
const SECTION = 'vs-kubernetes';
let api: AzureLocalApi;
let work: string;
let cluster: TreeNode;
const azureLocal = () => vscode.workspace.getConfiguration('azureLocal');
const userSection = () => vscode.workspace.getConfiguration().inspect<Record<string, unknown>>(SECTION)?.globalValue;

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const record = (): StandinRecord => standinRecord();

/** A kubeconfig of the user's own, with one context, that the Kubernetes view used before. */
function usersKubeconfig(): string {
  const file = path.join(work, 'users-config');
  fs.writeFileSync(file, ['apiVersion: v1', 'kind: Config', 'clusters:', '- name: lab', '  cluster:', '    server: https://lab.example:6443', 'contexts:', '- name: lab', '  context:', '    cluster: lab', '    user: lab', 'current-context: lab', 'users:', '- name: lab', '  user: {}', ''].join('\n'));
  return file;
}

async function connectWith(prompter: ScriptedPrompter, kubernetesView?: NonNullable<Parameters<AzureLocalApi['setTestOverrides']>[0]>['kubernetesView']) {
  api.setTestOverrides({ prompter, kubernetesView });
  const result = (await vscode.commands.executeCommand('azureLocal.connect', cluster)) as { kubeconfig: string; nodes: { summary: string } } | undefined;
  assert.ok(result, `connect failed: ${api.shownErrors[api.shownErrors.length - 1]}`);
  assert.strictEqual(result.nodes.summary, '3 nodes, 3 Ready');
  return result;
}

const announced = (prompter: ScriptedPrompter) => prompter.messages.find((m) => m.message.startsWith('aks-seattle-prod01: 3 nodes, 3 Ready'));

suite('kubernetes view', () => {
  suiteSetup(async () => {
    api = await extensionApi();
    await resetWorld(api);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-k8sview-'));
    const repo = vscode.extensions.getExtension('azure-local-tools.azure-local-tools')!.extensionPath;
    await azureLocal().update('azPath', path.join(repo, 'test/az/az'), vscode.ConfigurationTarget.Global);
    await azureLocal().update('kubeconfigFolder', path.join(work, 'kube'), vscode.ConfigurationTarget.Global);
    process.env.AZ_STANDIN_READY_DELAY_MS = '200';
    cluster = await prodCluster(api);
    assert.ok(vscode.extensions.getExtension(KUBERNETES_ID), 'the stand-in is installed under the real id (runExtensionTests.mjs installs it)');
  });

  setup(async () => {
    await vscode.workspace.getConfiguration().update(SECTION, undefined, vscode.ConfigurationTarget.Global);
    record().calls.length = 0;
  });

  teardown(async () => {
    api.setTestOverrides(undefined);
    for (const proxy of api.proxies.list()) await api.proxies.stop(proxy);
    await vscode.workspace.getConfiguration().update(SECTION, undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update(SECTION, undefined, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    delete process.env.AZ_STANDIN_READY_DELAY_MS;
    await azureLocal().update('azPath', undefined, vscode.ConfigurationTarget.Global);
    await azureLocal().update('kubeconfigFolder', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.explorer');
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('installed: the result offers the view; consent sets vs-kubernetes.kubeconfig and knownKubeconfigs, then the API checks the kubeconfig, selects the context, refreshes; the view shows the cluster', async () => {
    const previous = usersKubeconfig();
    await vscode.workspace.getConfiguration().update(SECTION, { 'vs-kubernetes.namespace': 'dev', 'vs-kubernetes.kubeconfig': previous }, vscode.ConfigurationTarget.Global);
    const prompter = new ScriptedPrompter([answer('Open in Kubernetes View'), answer('Change Settings')]);
    const result = await connectWith(prompter);
    const done = await until('the Kubernetes view message', () => prompter.messages.find((m) => m.message.startsWith('The Kubernetes view shows')));

    assert.deepStrictEqual(announced(prompter)?.actions, ['Open Terminal', 'Stop Proxy', 'Open in Kubernetes View']);
    const consent = prompter.messages.find((m) => m.actions.includes('Change Settings'));
    assert.ok(consent?.modal, 'consent is asked in a modal dialog');
    assert.strictEqual(
      consent.message,
      `Show aks-seattle-prod01 in the Kubernetes view? This changes the Kubernetes extension's user settings: set vs-kubernetes.kubeconfig to ${result.kubeconfig} (now ${previous}); add ${previous} and ${result.kubeconfig} to vs-kubernetes.knownKubeconfigs.`,
    );
    assert.deepStrictEqual(userSection(), { 'vs-kubernetes.namespace': 'dev', 'vs-kubernetes.kubeconfig': result.kubeconfig, 'vs-kubernetes.knownKubeconfigs': [previous, result.kubeconfig] });
    assert.strictEqual(
      done.message,
      `The Kubernetes view shows aks-seattle-prod01 (context aks-seattle-prod01). User settings changed: vs-kubernetes.kubeconfig is now ${result.kubeconfig} (was ${previous}); vs-kubernetes.knownKubeconfigs gained ${previous} and ${result.kubeconfig}. "Kubernetes: Set Kubeconfig" switches back.`,
    );

    // The API, in this order, each against the kubeconfig Connect wrote.
    // (getKubeconfigPath is asked again until the new setting reaches the extension host: repeats are folded.)
    const calls = record().calls;
    const lines = calls.map((c) => `${c.method}${c.args.length ? ` ${c.args.join(' ')}` : ''}`);
    assert.deepStrictEqual(
      lines.filter((line, i) => line !== lines[i - 1] || !line.endsWith('getKubeconfigPath')),
      [
        'broker.get configuration v1',
        'configuration.v1.getKubeconfigPath',
        'broker.get kubectl v1',
        'kubectl.v1.invokeCommand config get-contexts -o name',
        'kubectl.v1.invokeCommand config use-context aks-seattle-prod01',
        'broker.get clusterexplorer v1',
        'clusterExplorer.v1.refresh',
      ],
    );
    const seen = calls.filter((c) => c.kubeconfig !== undefined);
    assert.strictEqual(seen[0].method, 'configuration.v1.getKubeconfigPath');
    for (const c of seen.slice(seen.findIndex((c) => c.kubeconfig === result.kubeconfig))) assert.strictEqual(c.kubeconfig, result.kubeconfig, c.method);
    assert.ok(seen.filter((c) => c.method === 'kubectl.v1.invokeCommand').length === 2 && seen.every((c) => c.method !== 'kubectl.v1.invokeCommand' || c.kubeconfig === result.kubeconfig), 'kubectl ran only on the kubeconfig Connect wrote');
    assert.ok(calls.filter((c) => c.method === 'kubectl.v1.invokeCommand').every((c) => c.code === 0), 'kubectl succeeded');
    assert.strictEqual(execFileSync('kubectl', ['config', 'current-context', '--kubeconfig', result.kubeconfig], { encoding: 'utf8' }).trim(), 'aks-seattle-prod01');
    assert.strictEqual(execFileSync('kubectl', ['config', 'current-context', '--kubeconfig', previous], { encoding: 'utf8' }).trim(), 'lab', 'the user\'s own kubeconfig is untouched');

    // The Clusters view was revealed and lists the cluster's context, read through the new setting.
    await until('the Clusters view to be visible', () => record().viewVisible);
    await until('the Clusters view to list aks-seattle-prod01', () => record().listedContexts.some((names) => names.includes('aks-seattle-prod01')));

    // No message carries the kubeconfig's credential.
    const token = /token:\s*"?([^"\n]+)"?/.exec(fs.readFileSync(result.kubeconfig, 'utf8'))?.[1];
    assert.ok(token, 'the proxy kubeconfig has a token');
    for (const m of prompter.messages) assert.ok(!m.message.includes(token) && !(m.detail ?? '').includes(token), m.message);
  });

  test('installed, consent declined: no setting changed and the Kubernetes extension is not called', async () => {
    const before = { 'vs-kubernetes.namespace': 'dev' };
    await vscode.workspace.getConfiguration().update(SECTION, before, vscode.ConfigurationTarget.Global);
    const prompter = new ScriptedPrompter([answer('Open in Kubernetes View'), answer(undefined)]);
    await connectWith(prompter);
    await until('the consent to be answered', () => prompter.remaining === 0 && prompter.messages.some((m) => m.actions.includes('Change Settings')));
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(userSection(), before);
    assert.deepStrictEqual(record().calls, [], 'no API call');
    assert.ok(!prompter.messages.some((m) => m.message.startsWith('The Kubernetes view shows')));
  });

  test('installed, a workspace setting names another kubeconfig: said so, nothing changed, nothing called', async () => {
    const theirs = usersKubeconfig();
    await vscode.workspace.getConfiguration().update(SECTION, { 'vs-kubernetes.kubeconfig': theirs }, vscode.ConfigurationTarget.Workspace);
    try {
      const prompter = new ScriptedPrompter([answer('Open in Kubernetes View')]);
      await connectWith(prompter);
      const warning = await until('the warning', () => prompter.messages.find((m) => m.severity === 'warning' && m.message.includes('wins over your user settings')));
      assert.match(warning.message, new RegExp(`^The Kubernetes view uses ${theirs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: this workspace's settings set vs-kubernetes\\.kubeconfig`));
      assert.strictEqual(userSection(), undefined);
      assert.deepStrictEqual(record().calls, []);
    } finally {
      await vscode.workspace.getConfiguration().update(SECTION, undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode'), { recursive: true, force: true });
    }
  });

  test('not installed: the result offers the install, which runs workbench.extensions.installExtension with the id; then the view is offered', async () => {
    const commands: unknown[][] = [];
    let installed = false;
    const prompter = new ScriptedPrompter([answer('Install Kubernetes Extension'), answer('Open in Kubernetes View'), answer('Change Settings')]);
    const result = await connectWith(prompter, {
      extension: () => (installed ? vscode.extensions.getExtension(KUBERNETES_ID) : undefined),
      executeCommand: async (command: string, ...args: unknown[]) => {
        commands.push([command, ...args]);
        if (command === 'workbench.extensions.installExtension') installed = true;
        else return vscode.commands.executeCommand(command, ...args);
      },
    });
    await until('the Kubernetes view message', () => prompter.messages.find((m) => m.message.startsWith('The Kubernetes view shows')));
    assert.deepStrictEqual(announced(prompter)?.actions, ['Open Terminal', 'Stop Proxy', 'Install Kubernetes Extension']);
    assert.deepStrictEqual(commands, [['workbench.extensions.installExtension', KUBERNETES_ID], ['extension.vsKubernetesExplorer.focus']]);
    assert.ok(prompter.messages.some((m) => m.message === 'The Kubernetes extension is installed. Show aks-seattle-prod01 in its view?' && m.actions.join() === 'Open in Kubernetes View'));
    assert.deepStrictEqual(userSection(), { 'vs-kubernetes.kubeconfig': result.kubeconfig, 'vs-kubernetes.knownKubeconfigs': [result.kubeconfig] });
  });

  test('not installed, install not chosen: nothing runs', async () => {
    const commands: unknown[][] = [];
    const prompter = new ScriptedPrompter([answer(undefined)]);
    await connectWith(prompter, { extension: () => undefined, executeCommand: async (command: string, ...args: unknown[]) => void commands.push([command, ...args]) });
    await until('the result', () => announced(prompter));
    await new Promise((r) => setTimeout(r, 300));
    assert.deepStrictEqual(announced(prompter)?.actions, ['Open Terminal', 'Stop Proxy', 'Install Kubernetes Extension']);
    assert.deepStrictEqual(commands, []);
    assert.strictEqual(userSection(), undefined);
    assert.deepStrictEqual(record().calls, []);
  });
});

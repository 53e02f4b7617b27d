import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyMerge, KUBECONFIG_BACKUPS_KEPT, planMerge, preparePrivateFolder } from '../../src/connect/kubeconfigFiles';
import { incomingContextName, kubeconfigConflicts, mergeKubeconfigs, type Kubeconfig } from '../../src/connect/kubeconfigMerge';
import { describeNodeSummary, summarizeNodeTable } from '../../src/connect/nodeSummary';
import { findProxyPort } from '../../src/connect/ports';
import { runPrerequisiteChecks as checkPrerequisites } from '../../src/connect/prerequisites';
import type { ToolResult } from '../../src/connect/processes';
import { kubeconfigFolder, kubeconfigPathFor, proxyArgs, TASK_TYPE } from '../../src/connect/taskDefinition';

describe('proxy ports', () => {
  it('47011 when it and 47010 are free', async () => {
    assert.equal(await findProxyPort({ isFree: async () => true }), 47011);
  });

  it('the next free pair when either port of a pair is busy, skipping ports this window already uses', async () => {
    const busy = new Set([47010, 47013]);
    assert.equal(await findProxyPort({ isFree: async (p) => !busy.has(p) }), 47015);
    assert.equal(await findProxyPort({ isFree: async () => true, taken: new Set([47010, 47011]) }), 47013);
  });

  it('none after the attempts', async () => {
    assert.equal(await findProxyPort({ isFree: async () => false, attempts: 3 }), undefined);
  });
});

describe('kubectl node summary', () => {
  const table = [
    'NAME             STATUS     ROLES           AGE   VERSION',
    'moc-l1a2b3c4d5   Ready      control-plane   2d    v1.29.4',
    'moc-l6e7f8a9b0   NotReady   <none>          2d    v1.29.4',
    'moc-lc1d2e3f4a   Ready      <none>          2d    v1.29.4',
  ].join('\n');

  it('counts Ready nodes and names the others', () => {
    const summary = summarizeNodeTable(table)!;
    assert.deepEqual(summary, { total: 3, ready: 2, notReady: ['moc-l6e7f8a9b0 (NotReady)'] });
    assert.equal(describeNodeSummary(summary), '3 nodes, 2 Ready; not ready: moc-l6e7f8a9b0 (NotReady)');
    assert.equal(describeNodeSummary({ total: 1, ready: 1, notReady: [] }), '1 node, 1 Ready');
  });

  it('Ready,SchedulingDisabled is not Ready; no table is no summary', () => {
    assert.equal(summarizeNodeTable('NAME STATUS ROLES AGE VERSION\nn1 Ready,SchedulingDisabled <none> 1d v1.29.4')!.ready, 0);
    assert.equal(summarizeNodeTable('error: You must be logged in to the server (Unauthorized)'), undefined);
  });
});

describe('proxy task definition', () => {
  const definition = { type: TASK_TYPE, action: 'proxy' as const, subscription: '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01', resourceGroup: 'rg with space', cluster: `aks "x"; rm -rf ~` };

  it('every value is one argument, whatever it contains', () => {
    assert.deepEqual(proxyArgs(definition, 47013, '/home/dev/.kube/azure-local/x.yaml'), [
      'connectedk8s', 'proxy', '--name', `aks "x"; rm -rf ~`, '--resource-group', 'rg with space',
      '--subscription', '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01', '--file', '/home/dev/.kube/azure-local/x.yaml', '--port', '47013',
    ]);
  });

  it('one kubeconfig file per cluster, with a name safe on every file system', () => {
    assert.equal(kubeconfigPathFor('/k', definition), '/k/3f2c7a1e-rg_with_space-aks_x_rm_-rf_.proxy.yaml');
    assert.equal(kubeconfigPathFor('/k', { resourceGroup: 'rg', cluster: 'c' }, 'admin'), '/k/rg-c.admin.yaml');
    assert.equal(kubeconfigFolder('', '/home/dev'), '/home/dev/.kube/azure-local');
    assert.equal(kubeconfigFolder('~/kc', '/home/dev'), '/home/dev/kc');
  });
});

describe('prerequisites', () => {
  const TENANT = '6b1f3c2a-9d4e-4f7a-8c5b-2e0d1a9f7c31';
  const SUB = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
  const ok = (stdout: unknown): ToolResult => ({ code: 0, stdout: JSON.stringify(stdout), stderr: '' });
  const fail = (stderr: string): ToolResult => ({ code: 1, stdout: '', stderr });
  const tools = (overrides: Record<string, ToolResult> = {}) => async (file: string, args: string[]) => {
    const key = `${file.split('/').pop()} ${args[0]}`;
    if (overrides[key]) return overrides[key];
    if (key === 'az version') return ok({ 'azure-cli': '2.67.0' });
    if (key === 'az extension') return ok({ name: 'connectedk8s', version: '1.10.5' });
    if (key === 'az account') return ok({ id: SUB, tenantId: TENANT, user: { name: 'dev@contoso' } });
    if (key === 'kubectl version') return ok({ clientVersion: { gitVersion: 'v1.29.4' } });
    throw new Error(key);
  };
  const run = (overrides?: Record<string, ToolResult>, resolve: (name: string) => string | undefined = (name) => `/usr/bin/${name}`) =>
    checkPrerequisites({ azPath: 'az', kubectlPath: 'kubectl', tenantId: TENANT, subscriptionId: SUB, run: tools(overrides), resolve, findPort: async () => 47011 });
  const failures = async (...args: Parameters<typeof run>) => (await run(...args)).results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail} => ${r.fix}`);

  it('all good', async () => {
    const report = await run();
    assert.deepEqual(report.results.map((r) => [r.name, r.ok, r.detail]), [
      ['Azure CLI', true, '2.67.0 (/usr/bin/az)'],
      ['connectedk8s extension', true, '1.10.5'],
      ['Azure CLI sign-in', true, `dev@contoso · tenant ${TENANT}`],
      ['kubectl', true, 'v1.29.4 (/usr/bin/kubectl)'],
      ['Proxy ports', true, '47010–47011 free'],
    ]);
    assert.equal(report.port, 47011);
  });

  it('each failure says how to fix it', async () => {
    assert.deepEqual(await failures({}, (name) => (name === 'az' ? undefined : `/usr/bin/${name}`)), [
      'Azure CLI: "az" not found => Install the Azure CLI (https://aka.ms/installazurecli) or set azureLocal.azPath to it',
    ]);
    assert.deepEqual(await failures({ 'az extension': fail('ERROR: The extension connectedk8s is not installed.') }), [
      'connectedk8s extension: ERROR: The extension connectedk8s is not installed. => az extension add --name connectedk8s',
    ]);
    assert.deepEqual(await failures({ 'az account': fail("ERROR: Please run 'az login' to setup account.") }), [
      `Azure CLI sign-in: not signed in => az login --tenant ${TENANT}`,
    ]);
    assert.deepEqual(await failures({ 'az account': ok({ id: SUB, tenantId: '00000000-0000-0000-0000-000000000001' }) }), [
      `Azure CLI sign-in: signed in to tenant 00000000-0000-0000-0000-000000000001, the cluster is in tenant ${TENANT} => az login --tenant ${TENANT}`,
    ]);
    assert.deepEqual(await failures({}, (name) => (name === 'kubectl' ? undefined : `/usr/bin/${name}`)), [
      'kubectl: "kubectl" not found => Install kubectl (az aks install-cli) or set azureLocal.kubectlPath to it',
    ]);
  });
});

describe('kubeconfig merge', () => {
  const cluster = (name: string, server: string) => ({ name, cluster: { server } });
  const existing: Kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [cluster('aks-seattle-prod01', 'https://old:6443'), cluster('kind', 'https://kind:6443')],
    users: [{ name: 'clusterUser', user: { token: 'old' } }],
    contexts: [{ name: 'aks-seattle-prod01', context: { cluster: 'aks-seattle-prod01', user: 'clusterUser' } }],
    'current-context': 'kind',
  };
  const incoming: Kubeconfig = {
    clusters: [cluster('aks-seattle-prod01', 'https://new:6443')],
    users: [{ name: 'clusterUser', user: { token: 'new' } }],
    contexts: [{ name: 'aks-seattle-prod01', context: { cluster: 'aks-seattle-prod01', user: 'clusterUser' } }],
    'current-context': 'aks-seattle-prod01',
  };

  it('finds same-named entries', () => {
    assert.deepEqual(kubeconfigConflicts(existing, incoming), ['cluster aks-seattle-prod01', 'context aks-seattle-prod01', 'user clusterUser']);
  });

  it('overwrite replaces them in place and keeps the current context', () => {
    const merged = mergeKubeconfigs(existing, incoming, 'overwrite');
    assert.deepEqual(merged.clusters?.map((c) => [c.name, (c.cluster as { server: string }).server]), [['aks-seattle-prod01', 'https://new:6443'], ['kind', 'https://kind:6443']]);
    assert.equal(merged.users?.length, 1);
    assert.equal(merged['current-context'], 'kind');
  });

  it('keep both renames the new entries and rewires their context', () => {
    const merged = mergeKubeconfigs(existing, incoming, 'keepBoth');
    assert.deepEqual(merged.clusters?.map((c) => c.name), ['aks-seattle-prod01', 'kind', 'aks-seattle-prod01-2']);
    assert.deepEqual(merged.users?.map((u) => u.name), ['clusterUser', 'clusterUser-2']);
    assert.deepEqual(merged.contexts?.[1], { name: 'aks-seattle-prod01-2', context: { cluster: 'aks-seattle-prod01-2', user: 'clusterUser-2' } });
    assert.equal(incomingContextName(existing, incoming, 'keepBoth'), 'aks-seattle-prod01-2');
    assert.equal(existing.clusters?.length, 2, 'the inputs are not changed');
  });
});

describe('kubeconfig files stay private', () => {
  const kubectl = '/usr/bin/kubectl';
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kubeprivate-'));
  const kubeconfig = (name: string) =>
    ['apiVersion: v1', 'kind: Config', 'clusters:', `- name: ${name}`, '  cluster:', '    server: https://127.0.0.1:6443', 'contexts:', `- name: ${name}`, '  context:', `    cluster: ${name}`, `    user: ${name}`, `current-context: ${name}`, 'users:', `- name: ${name}`, '  user:', '    token: t', ''].join('\n');

  it('an existing 0777 kubeconfig folder is tightened to 0700, and says so', async () => {
    const folder = path.join(tmp(), 'azure-local');
    fs.mkdirSync(folder);
    fs.chmodSync(folder, 0o777);
    assert.match((await preparePrivateFolder(folder)) ?? '', /was open to others \(mode 0777\); it is now 0700/);
    assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
    assert.equal(await preparePrivateFolder(folder), undefined, 'nothing to say the second time');
  });

  it('a symlinked ~/.kube/config is merged through its link, which stays a link; backups are pruned to the last few', async (t) => {
    if (!fs.existsSync(kubectl)) return t.skip('no kubectl');
    const dir = tmp();
    const real = path.join(dir, 'dotfiles-kubeconfig');
    fs.writeFileSync(real, kubeconfig('old'), { mode: 0o600 });
    const link = path.join(dir, 'config');
    fs.symlinkSync(real, link);
    const incoming = path.join(dir, 'new.yaml');
    fs.writeFileSync(incoming, kubeconfig('new'), { mode: 0o600 });
    for (let i = 0; i < KUBECONFIG_BACKUPS_KEPT + 2; i++) {
      await applyMerge(kubectl, await planMerge(kubectl, incoming, link), 'overwrite');
      await new Promise((r) => setTimeout(r, 5));
    }
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.match(fs.readFileSync(real, 'utf8'), /name: new/);
    assert.match(fs.readFileSync(real, 'utf8'), /name: old/);
    assert.equal(fs.readdirSync(dir).filter((n) => n.startsWith('dotfiles-kubeconfig.backup-')).length, KUBECONFIG_BACKUPS_KEPT);
  });

  it('a dangling symlink is refused, with why', async (t) => {
    if (!fs.existsSync(kubectl)) return t.skip('no kubectl');
    const dir = tmp();
    const link = path.join(dir, 'config');
    fs.symlinkSync(path.join(dir, 'gone'), link);
    const incoming = path.join(dir, 'new.yaml');
    fs.writeFileSync(incoming, kubeconfig('new'), { mode: 0o600 });
    await assert.rejects(applyMerge(kubectl, await planMerge(kubectl, incoming, link), 'overwrite'), /symbolic link to a file that does not exist; nothing was merged/);
  });
});

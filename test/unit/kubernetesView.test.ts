// What "Open in Kubernetes View" writes into the Kubernetes extension's `vs-kubernetes` settings: paths compared as
// that extension resolves them (POSIX and Windows), known kubeconfigs never doubled, the user's other keys kept, a
// workspace value that would win detected, and only shell-safe context names handed to its kubectl API.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACTIVE_KUBECONFIG_KEY,
  changedMessage,
  clusterContext,
  comparableKubeconfigPath,
  consentMessage,
  contextNames,
  isShellSafeName,
  KNOWN_KUBECONFIGS_KEY,
  planKubernetesViewSettings,
  sameKubeconfig,
  workspaceOverride,
  type PathContext,
} from '../../src/connect/kubernetesViewSettings';

const posix: PathContext = { platform: 'linux', home: '/home/ada', env: { KUBE_DIR: '/srv/kube' } };
const windows: PathContext = { platform: 'win32', home: 'C:\\Users\\Ada', env: { USERPROFILE: 'C:\\Users\\Ada' } };
const MINE = '/home/ada/.kube/azure-local/3f2c7a1e-rg-hci-seattle-aks-seattle-prod01.proxy.yaml';
const MINE_WIN = 'C:\\Users\\Ada\\.kube\\azure-local\\3f2c7a1e-rg-hci-seattle-aks-seattle-prod01.proxy.yaml';

describe('kubeconfig paths as the Kubernetes extension resolves them', () => {
  it('POSIX: normalises . and .. and trailing separators; case matters; ${userHome} and ${env:…} are substituted', () => {
    assert.equal(comparableKubeconfigPath('/home/ada/.kube/./azure-local/../config/', posix), '/home/ada/.kube/config');
    assert.ok(sameKubeconfig('${userHome}/.kube/config', '/home/ada/.kube/config', posix));
    assert.ok(sameKubeconfig('${env:KUBE_DIR}/a.yaml', '/srv/kube/a.yaml', posix));
    assert.ok(!sameKubeconfig('/home/ada/.kube/Config', '/home/ada/.kube/config', posix), 'POSIX paths are case-sensitive');
    assert.ok(!sameKubeconfig('~/.kube/config', '/home/ada/.kube/config', posix), 'the extension does not expand ~ (nor does kubectl in KUBECONFIG)');
    assert.equal(comparableKubeconfigPath('/', posix), '/');
  });

  it('Windows: / and \\ are one separator, case does not matter, drive roots and UNC shares stay whole', () => {
    assert.ok(sameKubeconfig('c:/users/ada/.KUBE/azure-local/3f2c7a1e-rg-hci-seattle-aks-seattle-prod01.proxy.yaml', MINE_WIN, windows));
    assert.ok(sameKubeconfig('${userHome}\\.kube\\azure-local\\..\\azure-local\\3f2c7a1e-rg-hci-seattle-aks-seattle-prod01.proxy.yaml\\', MINE_WIN, windows));
    assert.ok(sameKubeconfig('${env:USERPROFILE}/.kube/azure-local/3F2C7A1E-rg-hci-seattle-aks-seattle-prod01.proxy.yaml', MINE_WIN, windows));
    assert.ok(!sameKubeconfig('D:\\Users\\Ada\\.kube\\azure-local\\3f2c7a1e-rg-hci-seattle-aks-seattle-prod01.proxy.yaml', MINE_WIN, windows));
    assert.equal(comparableKubeconfigPath('C:\\', windows), 'c:\\');
    assert.equal(comparableKubeconfigPath('\\\\server\\share\\kube\\config', windows), '\\\\server\\share\\kube\\config');
    // The same strings are different files on Linux.
    assert.ok(!sameKubeconfig('c:/users/ada/config', 'C:\\Users\\Ada\\config', posix));
  });
});

describe('planKubernetesViewSettings: the user-level vs-kubernetes object', () => {
  it('nothing set: the kubeconfig becomes active and known; other keys are kept', () => {
    const plan = planKubernetesViewSettings({ 'vs-kubernetes.namespace': 'dev', 'vs-kubernetes.outputFormat': 'json' }, MINE, posix);
    assert.deepEqual(plan.value, { 'vs-kubernetes.namespace': 'dev', 'vs-kubernetes.outputFormat': 'json', [ACTIVE_KUBECONFIG_KEY]: MINE, [KNOWN_KUBECONFIGS_KEY]: [MINE] });
    assert.deepEqual({ changed: plan.changed, activeChanged: plan.activeChanged, previousActive: plan.previousActive, knownAdded: plan.knownAdded }, { changed: true, activeChanged: true, previousActive: undefined, knownAdded: [MINE] });
  });

  it('no user value at all (undefined, or not an object) starts from an empty object', () => {
    for (const value of [undefined, null, 'x', ['a'], 3]) {
      assert.deepEqual(planKubernetesViewSettings(value, MINE, posix).value, { [ACTIVE_KUBECONFIG_KEY]: MINE, [KNOWN_KUBECONFIGS_KEY]: [MINE] });
    }
  });

  it('another active kubeconfig: kept known (Set Kubeconfig switches back), ours appended once; order and odd entries kept', () => {
    const before = { [ACTIVE_KUBECONFIG_KEY]: '/home/ada/.kube/work', [KNOWN_KUBECONFIGS_KEY]: ['/home/ada/.kube/lab', 42, '/home/ada/.kube/lab'] };
    const plan = planKubernetesViewSettings(before, MINE, posix);
    assert.deepEqual(plan.value[KNOWN_KUBECONFIGS_KEY], ['/home/ada/.kube/lab', 42, '/home/ada/.kube/lab', '/home/ada/.kube/work', MINE]);
    assert.equal(plan.value[ACTIVE_KUBECONFIG_KEY], MINE);
    assert.equal(plan.previousActive, '/home/ada/.kube/work');
    assert.deepEqual(plan.knownAdded, ['/home/ada/.kube/work', MINE]);
    assert.deepEqual(before[KNOWN_KUBECONFIGS_KEY], ['/home/ada/.kube/lab', 42, '/home/ada/.kube/lab'], 'the input is not modified');
  });

  it('already known under another spelling: not added again (dedupe by resolved path)', () => {
    const plan = planKubernetesViewSettings({ [KNOWN_KUBECONFIGS_KEY]: ['${userHome}/.kube/azure-local/3f2c7a1e-rg-hci-seattle-aks-seattle-prod01.proxy.yaml'] }, MINE, posix);
    assert.deepEqual(plan.knownAdded, []);
    assert.deepEqual(plan.value[KNOWN_KUBECONFIGS_KEY], ['${userHome}/.kube/azure-local/3f2c7a1e-rg-hci-seattle-aks-seattle-prod01.proxy.yaml']);
    assert.equal(plan.changed, true, 'it still becomes the active one');
  });

  it('Windows spelling of the same file: nothing changes, nothing to ask', () => {
    const spelled = 'c:/users/ada/.kube/azure-local/3f2c7a1e-rg-hci-seattle-aks-seattle-prod01.proxy.yaml';
    const before = { [ACTIVE_KUBECONFIG_KEY]: spelled, [KNOWN_KUBECONFIGS_KEY]: [spelled] };
    const plan = planKubernetesViewSettings(before, MINE_WIN, windows);
    assert.equal(plan.changed, false);
    assert.equal(plan.activeChanged, false);
    assert.deepEqual(plan.value, before, 'the user\'s spelling is kept');
    // On Linux those are two files.
    assert.equal(planKubernetesViewSettings(before, MINE_WIN, posix).changed, true);
  });

  it('a blank active value counts as unset', () => {
    const plan = planKubernetesViewSettings({ [ACTIVE_KUBECONFIG_KEY]: '  ' }, MINE, posix);
    assert.equal(plan.previousActive, undefined);
    assert.deepEqual(plan.knownAdded, [MINE]);
  });
});

describe('workspaceOverride: a workspace value wins over the user one', () => {
  it('names the scope and path when the workspace or folder sets another kubeconfig; folder first', () => {
    assert.deepEqual(workspaceOverride({ workspaceValue: { [ACTIVE_KUBECONFIG_KEY]: '/ws/kubeconfig' } }, MINE, posix), { scope: 'workspace', path: '/ws/kubeconfig' });
    assert.deepEqual(
      workspaceOverride({ workspaceValue: { [ACTIVE_KUBECONFIG_KEY]: '/ws/kubeconfig' }, workspaceFolderValue: { [ACTIVE_KUBECONFIG_KEY]: '/folder/kubeconfig' } }, MINE, posix),
      { scope: 'workspace folder', path: '/folder/kubeconfig' },
    );
    assert.equal(workspaceOverride({ workspaceFolderValue: { [ACTIVE_KUBECONFIG_KEY]: MINE }, workspaceValue: { [ACTIVE_KUBECONFIG_KEY]: '/ws/kubeconfig' } }, MINE, posix), undefined, 'the folder value, ours, wins');
  });

  it('none when only the user sets it, or the workspace sets other keys only', () => {
    assert.equal(workspaceOverride({ globalValue: { [ACTIVE_KUBECONFIG_KEY]: '/x' } }, MINE, posix), undefined);
    assert.equal(workspaceOverride({ workspaceValue: { 'vs-kubernetes.namespace': 'dev', [ACTIVE_KUBECONFIG_KEY]: '' } }, MINE, posix), undefined);
  });
});

describe('messages name every setting', () => {
  it('consent: the setting, its new and current values, and what is added to the known list', () => {
    const plan = planKubernetesViewSettings({ [ACTIVE_KUBECONFIG_KEY]: '/home/ada/.kube/work' }, MINE, posix);
    assert.equal(
      consentMessage('aks-seattle-prod01', MINE, plan),
      `Show aks-seattle-prod01 in the Kubernetes view? This changes the Kubernetes extension's user settings: set vs-kubernetes.kubeconfig to ${MINE} (now /home/ada/.kube/work); add /home/ada/.kube/work and ${MINE} to vs-kubernetes.knownKubeconfigs.`,
    );
    assert.match(consentMessage('c', MINE, planKubernetesViewSettings(undefined, MINE, posix)), /\(now unset: the extension uses KUBECONFIG or ~\/\.kube\/config\)/);
  });

  it('after: what changed (or that nothing did) and the context', () => {
    const plan = planKubernetesViewSettings({ [ACTIVE_KUBECONFIG_KEY]: '/home/ada/.kube/work', [KNOWN_KUBECONFIGS_KEY]: ['/home/ada/.kube/work'] }, MINE, posix);
    assert.equal(
      changedMessage('aks-seattle-prod01', MINE, plan, 'aks-seattle-prod01'),
      `The Kubernetes view shows aks-seattle-prod01 (context aks-seattle-prod01). User settings changed: vs-kubernetes.kubeconfig is now ${MINE} (was /home/ada/.kube/work); vs-kubernetes.knownKubeconfigs gained ${MINE}. "Kubernetes: Set Kubeconfig" switches back.`,
    );
    const unchanged = planKubernetesViewSettings({ [ACTIVE_KUBECONFIG_KEY]: MINE, [KNOWN_KUBECONFIGS_KEY]: [MINE] }, MINE, posix);
    assert.equal(changedMessage('c', MINE, unchanged, undefined), `The Kubernetes view shows c. No setting changed: vs-kubernetes.kubeconfig already was ${MINE}.`);
  });
});

describe('the cluster\'s context, for the kubectl API (a shell command line)', () => {
  it('az names it after the cluster; else case-insensitively; else the only one; else none', () => {
    assert.equal(clusterContext(['other', 'aks-seattle-prod01'], 'aks-seattle-prod01'), 'aks-seattle-prod01');
    assert.equal(clusterContext(['other', 'AKS-Seattle'], 'aks-seattle'), 'AKS-Seattle');
    assert.equal(clusterContext(['only'], 'aks-seattle'), 'only');
    assert.equal(clusterContext(['a', 'b'], 'aks-seattle'), undefined);
    assert.equal(clusterContext([], 'aks-seattle'), undefined);
  });

  it('names with shell metacharacters are never passed', () => {
    for (const name of ['aks-seattle-prod01', 'Aks_odd.01', 'arn:aws:eks:us-east-1:1:cluster/x', 'user@cluster']) assert.ok(isShellSafeName(name), name);
    for (const name of ['', 'a b', 'a;rm -rf ~', '$(id)', '`id`', 'a|b', "a'b", 'a"b', '-flag', 'a&b', 'a>b', 'x'.repeat(254)]) assert.ok(!isShellSafeName(name), name);
  });

  it('get-contexts -o name output, CRLF too', () => {
    assert.deepEqual(contextNames('a\r\nb\n\n  c  \n'), ['a', 'b', 'c']);
  });
});

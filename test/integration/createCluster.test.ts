// "Create Kubernetes Cluster (Advanced)…" (every answer asked; the quick path is quickCreate.test.ts) in a real extension host against the emulator: the wizard driven by a scripted
// Prompter (every path, Back, validation messages), the requests it sends, rollback, cancel and faults.
import * as assert from 'assert';
import { generateKeyPairSync } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import { openSshRsaPublicKey } from '../../src/commands/createCluster/sshKey';
import { armRequests, child, children, control, description, extensionApi, roots, resetWorld } from './helpers';
import { answer, back, cancel, input, pick, save, ScriptedPrompter, type Answer } from './scriptedPrompter';

const PROD = '3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01';
const CC = (rg: string, name: string, sub = PROD) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const INSTANCE = (ccPath: string) => `${ccPath}/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default`;
const ADMIN_GROUP = 'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c';
const SSH_PUBLIC_KEY = openSshRsaPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey, 'dev@contoso');

/** The emulator answers at once: short poll floors and settled-state spacing keep the suite quick (the rules are the same). */
const FAST = { pollMinDelayMs: 10, pollDefaultDelayMs: 10, retryBaseDelayMs: 10, settleSpacingMs: 20, settleWindowMs: 2000 };

let api: AzureLocalApi;
let sshDirectory: string;
let logLines: string[];

/** Runs the command with a script; resolves with the prompter (for what was asked) once the command has finished. */
async function run(script: Answer[], options: { origin?: unknown; cancelProgressWhen?: RegExp } = {}): Promise<ScriptedPrompter> {
  const prompter = new ScriptedPrompter(script, options.cancelProgressWhen);
  api.setTestOverrides({ prompter, sshDirectory, pollMs: 10, reliability: FAST, log: (line) => logLines.push(line) });
  await vscode.commands.executeCommand('azureLocal.createClusterAdvanced', options.origin);
  return prompter;
}

function lastEvent() {
  const event = api.telemetryEvents[api.telemetryEvents.length - 1];
  assert.strictEqual(event.command, 'azureLocal.createClusterAdvanced');
  return event;
}

/** The script from the Kubernetes version to the review, with the usual answers. */
const REST_OF_WIZARD: Answer[] = [
  pick('1.29.4'),
  pick('1'),
  pick('Standard_A4_v2'),
  input('nodepool1'),
  input('2'),
  pick('Standard_A4_v2'),
  pick(/^Linux/),
  pick(/id_rsa\.pub$/),
  input(ADMIN_GROUP),
  pick('Kubernetes RBAC'),
];

const armPaths = async (method: string) =>
  (await armRequests()).filter((r) => r.method === method).map((r) => new URL(r.url).pathname + new URL(r.url).search);

suite('create cluster', () => {
  suiteSetup(async () => {
    api = await extensionApi();
    sshDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-ssh-'));
    fs.writeFileSync(path.join(sshDirectory, 'id_rsa.pub'), SSH_PUBLIC_KEY + '\n');
    fs.writeFileSync(path.join(sshDirectory, 'id_ed25519.pub'), 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl dev@contoso\n');
  });

  setup(async () => {
    logLines = [];
    await resetWorld(api);
    await control('requests', 'DELETE');
  });

  teardown(async () => {
    api.setTestOverrides(undefined);
    await control('faults', 'DELETE');
  });

  suiteTeardown(() => fs.rmSync(sshDirectory, { recursive: true, force: true }));

  test('from the palette: validation as you type, Back, review with the REST requests, both PUTs, the new cluster in the tree', async () => {
    const prompter = await run([
      pick('Contoso Edge Production'),
      pick('rg-hci-seattle'),
      input('Aks_New', 'Cluster name: must start with a lowercase letter.'),
      input('aks-new-', 'Cluster name: must end with a lowercase letter or digit.'),
      input('aks-seattle-prod01', 'Cluster name: "aks-seattle-prod01" already exists in resource group "rg-hci-seattle".'),
      input('aks-new01'),
      pick('seattle-hci'),
      pick('lnet-seattle-prod'),
      input('10.20.0.150', 'Control plane IP: must be outside the IP pool 10.20.0.100 – 10.20.0.199.'),
      input('10.99.0.1', 'Control plane IP: must be inside the address prefix 10.20.0.0/24 of lnet-seattle-prod.'),
      input('10.20.0.60'),
      back, // from the Kubernetes version back to the control plane IP, which keeps its answer
      input('10.20.0.60'),
      ...REST_OF_WIZARD.slice(0, 8),
      input('not-a-guid', 'Admin group object IDs: "not-a-guid" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).'),
      input(ADMIN_GROUP),
      pick('Kubernetes RBAC'),
      pick('Show REST requests'),
      pick('Create'),
    ]);
    assert.strictEqual(prompter.remaining, 0);
    assert.strictEqual(lastEvent().result, 'Succeeded');

    // Back showed the control plane IP again with its answer; the step counter counts prompts.
    const ipPrompts = prompter.inputs.filter((i) => i.prompt.startsWith('Control plane IP'));
    assert.deepStrictEqual(ipPrompts.map((i) => i.value), [undefined, '10.20.0.60']);
    assert.deepStrictEqual(prompter.picks[0].step, { index: 1, total: 17 });
    // Only the custom location's networks; the mgmt network matches despite its lowercase extendedLocation.
    const networks = prompter.picks.find((p) => p.placeholder.startsWith('Logical network'))!;
    assert.deepStrictEqual(networks.items.map((i) => i.label), ['lnet-seattle-mgmt', 'lnet-seattle-prod'], 'by name, as the tree lists them');
    // Keys that are not RSA are listed with the reason.
    const keys = prompter.picks.find((p) => p.placeholder.startsWith('SSH public key'))!;
    assert.ok(keys.items.find((i) => i.label === 'id_ed25519.pub')?.disabledReason?.startsWith('SSH public key:'));
    // 1.30.4 is preview but Linux-ready: offered.
    const versions = prompter.picks.find((p) => p.placeholder.startsWith('Kubernetes version'))!;
    assert.deepStrictEqual(versions.items.map((i) => i.label), ['1.30.4', '1.29.4', '1.29.2', '1.28.9']);
    assert.strictEqual(versions.items.find((i) => i.label === '1.29.4')?.suggested, true);

    // The REST document: both requests exactly as sent, valid JSON, no token.
    const document = prompter.documents[0];
    assert.strictEqual(document.language, 'http');
    assert.ok(!/Bearer ey/.test(document.content));
    const cc = CC('rg-hci-seattle', 'aks-new01');
    const puts = (await armRequests()).filter((r) => r.method === 'PUT');
    assert.deepStrictEqual(
      puts.map((r) => new URL(r.url).pathname + new URL(r.url).search),
      [`${cc}?api-version=2024-01-01`, `${INSTANCE(cc)}?api-version=2024-01-01`],
    );
    for (const put of puts) {
      const block = document.content.split(`PUT ${put.url}`)[1];
      assert.ok(block, `the document shows PUT ${put.url}`);
      const json = block.slice(block.indexOf('\n{') + 1, block.indexOf('\n}') + 2);
      assert.deepStrictEqual(JSON.parse(json), put.body);
    }
    assert.strictEqual(puts[0].body.kind, 'ProvisionedCluster');
    // No tenant setting: the subscription's tenant, so that the admin groups are looked up where the cluster lives.
    assert.deepStrictEqual(puts[0].body.properties.aadProfile, { enableAzureRBAC: false, adminGroupObjectIDs: [ADMIN_GROUP], tenantID: '6b1f3c2a-9d4e-4f7a-8c5b-2e0d1a9f7c31' });
    assert.deepStrictEqual(puts[1].body.properties.controlPlane, { count: 1, vmSize: 'Standard_A4_v2', controlPlaneEndpoint: { hostIP: '10.20.0.60' } });
    assert.strictEqual(puts[1].body.properties.linuxProfile.ssh.publicKeys[0].keyData, SSH_PUBLIC_KEY);
    assert.ok(prompter.messages.some((m) => m.message.startsWith('Created AKS Arc cluster "aks-new01"')));

    // The tree shows it under its custom location, provisioned.
    const seattle = await child(await child(await roots(api), 'Contoso Edge Production'), 'seattle-hci');
    const clusters = await children(await child(seattle, 'AKS Arc clusters'));
    const created = await child(clusters, 'aks-new01');
    assert.strictEqual(description(created), 'Succeeded · v1.29.4 · Connected');
  });

  test('SSH key: Back from the paste box returns to the key choice; a key file that exists is never overwritten', async () => {
    const existing = path.join(sshDirectory, 'taken_rsa');
    fs.writeFileSync(existing, 'not a key');
    const prompter = await run([
      pick('Contoso Edge Production'), pick('rg-aks-workloads'), input('aks-keys01'), pick('seattle-hci'), pick('lnet-seattle-prod'), input(''),
      ...REST_OF_WIZARD.slice(0, 7),
      pick('Paste a public key…'),
      back,
      pick('Generate a new RSA 4096 key pair…'),
      save(existing),
      pick(/id_rsa\.pub$/),
      cancel,
    ]);
    const keyPicks = prompter.picks.filter((p) => p.placeholder.startsWith('SSH public key'));
    assert.strictEqual(keyPicks.length, 3, 'the key choice was shown again after Back and after the refused file');
    assert.ok(prompter.messages.some((m) => m.message === `SSH key: ${existing} already exists; choose another file name.`));
    assert.strictEqual(fs.readFileSync(existing, 'utf8'), 'not a key');
    assert.strictEqual(lastEvent().result, 'Canceled');
  });

  test('the answers are remembered for the next run in this workspace', async () => {
    await run([pick('Contoso Edge Production'), pick('rg-hci-seattle'), input('aks-new02'), pick('seattle-hci'), pick('lnet-seattle-prod'), input(''), ...REST_OF_WIZARD, pick('Create')]);
    const prompter = await run([pick('Contoso Edge Production'), pick('rg-hci-seattle'), cancel]);
    assert.strictEqual(prompter.picks[0].items.find((i) => i.suggested)?.label, 'Contoso Edge Production');
    assert.strictEqual(prompter.picks[1].items.find((i) => i.suggested)?.label, 'rg-hci-seattle');
    assert.strictEqual(lastEvent().result, 'Canceled');
  });

  test('from a custom location, "Export as .http without creating" opens the requests and creates nothing', async () => {
    const seattle = await child(await child(await roots(api), 'Contoso Edge Production'), 'seattle-hci');
    const prompter = await run([pick('rg-aks-workloads'), input('aks-export01'), pick('lnet-seattle-mgmt'), input(''), ...REST_OF_WIZARD, pick('Export as .http without creating')], { origin: seattle });
    assert.strictEqual(lastEvent().result, 'Succeeded');
    assert.ok(!prompter.picks.some((p) => p.placeholder.startsWith('Custom location')), 'the custom location came from the tree');
    assert.deepStrictEqual(await armPaths('PUT'), []);
    const [document] = prompter.documents;
    assert.ok(document.content.includes(`PUT ${process.env.ARM_EMULATOR_URL}${CC('rg-aks-workloads', 'aks-export01')}?api-version=2024-01-01`));
    assert.ok(document.content.includes('/logicalNetworks/lnet-seattle-mgmt'));
  });

  test('from a logical network: subscription, custom location and network prefilled; step 2 fails → rollback deletes the connected cluster', async () => {
    const redmond = await child(await child(await roots(api), 'Contoso Edge Production'), 'redmond-hci');
    const network = await child(await child(redmond, 'Logical networks'), 'lnet-redmond-prod');
    await control('faults', 'POST', {
      method: 'PUT',
      path: 'provisionedClusterInstances/default$',
      lroOutcome: 'Failed',
      error: { code: 'InsufficientIPAddresses', message: 'No IP address is available in the IP pools of lnet-redmond-prod.' },
    });
    const prompter = await run([pick('rg-hci-redmond'), input('aks-redmond-new'), input(''), ...REST_OF_WIZARD, pick('Create'), answer('Delete the connected cluster')], {
      origin: network,
    });
    assert.deepStrictEqual(prompter.picks[0].step, { index: 1, total: 14 });
    const question = prompter.messages.find((m) => m.modal)!;
    assert.strictEqual(question.message, 'The connected cluster "aks-redmond-new" exists in Azure. Delete it?');
    assert.match(question.detail!, /^Step 2 failed: InsufficientIPAddresses: No IP address is available/);
    const event = lastEvent();
    assert.strictEqual(event.result, 'Failed');
    assert.strictEqual(event.errorCode, 'InsufficientIPAddresses');
    const cc = CC('rg-hci-redmond', 'aks-redmond-new');
    // As az aksarc delete does: the instance first, then the connected cluster.
    assert.deepStrictEqual(await armPaths('DELETE'), [`${INSTANCE(cc)}?api-version=2024-01-01`, `${cc}?api-version=2024-01-01`]);
    assert.ok(logLines.includes('Deleted the connected cluster "aks-redmond-new" and its AKS Arc instance; nothing of it remains in Azure.'), logLines.join('\n'));
    const after = await fetch(`${process.env.ARM_EMULATOR_URL}${cc}?api-version=2024-01-01`, { headers: { authorization: 'Bearer azure-local-tools-dev-token' } });
    assert.strictEqual(after.status, 404);
  });

  test('cancel between the steps: "Keep it" keeps the connected cluster and says how to remove it', async () => {
    const prompter = await run(
      [pick('Contoso Edge Production'), pick('rg-aks-workloads'), input('aks-cancel01'), pick('seattle-hci'), pick('lnet-seattle-prod'), input(''), ...REST_OF_WIZARD, pick('Create'), answer('Keep it')],
      { cancelProgressWhen: /^Step 2 of 2/ },
    );
    assert.strictEqual(lastEvent().result, 'Canceled');
    assert.deepStrictEqual(await armPaths('PUT'), [`${CC('rg-aks-workloads', 'aks-cancel01')}?api-version=2024-01-01`]);
    const final = prompter.messages[prompter.messages.length - 1];
    assert.strictEqual(final.severity, 'warning');
    assert.strictEqual(
      final.message,
      `Creating "aks-cancel01" was cancelled. The connected cluster "aks-cancel01" exists in resource group rg-aks-workloads (Succeeded) without an AKS Arc instance. To remove it: az resource delete --ids ${CC('rg-aks-workloads', 'aks-cancel01')}`,
    );
  });

  test('429 and 503 while polling are retried (Retry-After honoured) and the create succeeds', async () => {
    await control('faults', 'POST', { method: 'GET', path: 'operationStatuses', status: 429, retryAfter: 0, times: 1 });
    await control('faults', 'POST', { method: 'GET', path: 'operationStatuses', status: 503, retryAfter: 0, times: 1 });
    await run([pick('Contoso Edge Production'), pick('rg-aks-workloads'), input('aks-retry01'), pick('seattle-hci'), pick('lnet-seattle-prod'), input(''), ...REST_OF_WIZARD, pick('Create')]);
    assert.strictEqual(lastEvent().result, 'Succeeded');
    const statuses = (await armRequests({ polling: true })).filter((r) => r.polling).map((r) => r.status);
    assert.ok(statuses.includes(429) && statuses.includes(503), `polling statuses: ${statuses.join(', ')}`);
  });

  test('a cluster made with the same name while the review was open is not taken over (nor offered for deletion)', async () => {
    const cc = CC('rg-aks-workloads', 'aks-race01');
    const putElsewhere = async () => {
      const response = await fetch(`${process.env.ARM_EMULATOR_URL}${cc}?api-version=2024-01-01`, {
        method: 'PUT',
        headers: { authorization: 'Bearer azure-local-tools-dev-token', 'content-type': 'application/json' },
        body: JSON.stringify({ location: 'eastus', kind: 'ProvisionedCluster', identity: { type: 'SystemAssigned' }, properties: { agentPublicKeyCertificate: '' } }),
      });
      assert.ok(response.ok, `PUT by someone else: ${response.status}`);
      await control('requests', 'DELETE');
    };
    const prompter = await run([pick('Contoso Edge Production'), pick('rg-aks-workloads'), input('aks-race01'), pick('seattle-hci'), pick('lnet-seattle-prod'), input(''), ...REST_OF_WIZARD, pick('Create', putElsewhere)]);
    assert.strictEqual(lastEvent().result, 'Failed');
    assert.match(api.shownErrors[api.shownErrors.length - 1], /^Cluster name: "aks-race01" exists now in resource group "rg-aks-workloads" \(it did not when you chose it\); nothing was changed\. Nothing was created for cluster "aks-race01"\.$/);
    assert.deepStrictEqual(await armPaths('PUT'), [], 'no PUT to the other cluster');
    assert.ok(!prompter.messages.some((m) => m.modal), 'no offer to delete what is not ours');
  });

  test('cancelled before step 1 was sent: nothing was sent, so nothing exists', async () => {
    const prompter = await run(
      [pick('Contoso Edge Production'), pick('rg-aks-workloads'), input('aks-early01'), pick('seattle-hci'), pick('lnet-seattle-prod'), input(''), ...REST_OF_WIZARD, pick('Create')],
      { cancelProgressWhen: /^Step 1 of 2/ },
    );
    assert.strictEqual(lastEvent().result, 'Canceled');
    assert.deepStrictEqual(await armPaths('PUT'), []);
    const gets = await armPaths('GET');
    assert.strictEqual(gets.filter((p) => p.startsWith(CC('rg-aks-workloads', 'aks-early01'))).length, 2, 'checked while typing and before the run; the PUT never left');
    assert.strictEqual(prompter.messages[prompter.messages.length - 1].message, 'Creating "aks-early01" was cancelled. Nothing was created for cluster "aks-early01".');
  });

  test('a 409 on step 1: nothing created, no rollback question, ARM\'s code reported', async () => {
    await control('faults', 'POST', {
      method: 'PUT',
      path: 'connectedClusters/aks-conflict$',
      status: 409,
      body: { error: { code: 'Conflict', message: 'Another operation is in progress on the resource group.' } },
    });
    const prompter = await run([pick('Contoso Edge Production'), pick('rg-aks-workloads'), input('aks-conflict'), pick('seattle-hci'), pick('lnet-seattle-prod'), input(''), ...REST_OF_WIZARD, pick('Create')]);
    assert.strictEqual(lastEvent().errorCode, 'Conflict');
    assert.ok(!prompter.messages.some((m) => m.modal));
    assert.ok(logLines.includes('Nothing was created for cluster "aks-conflict".'), logLines.join('\n'));
    assert.deepStrictEqual(await armPaths('DELETE'), []);
  });

  test('Dev/Test: registers the missing provider, new resource group, a one-time catalog PUT, a generated key pair', async () => {
    const keyPath = path.join(sshDirectory, 'generated', 'aks-dev01_rsa');
    const prompter = await run([
      pick('Contoso Edge Dev/Test'),
      answer('Register'),
      pick('Create new resource group…'),
      input('rg-sandbox', 'Resource group name: "rg-sandbox" already exists in this subscription; go back and pick it, or choose another name.'),
      input('rg-aks-dev.', 'Resource group name: cannot end with a period.'),
      input('rg-aks-dev'),
      pick('East US'),
      input('aks-dev01'),
      pick('dev-lab'),
      pick('lnet-devlab'),
      input(''),
      ...REST_OF_WIZARD.slice(0, 7),
      pick('Generate a new RSA 4096 key pair…'),
      save(keyPath),
      ...REST_OF_WIZARD.slice(8),
      pick('Create'),
    ]);
    assert.strictEqual(lastEvent().result, 'Succeeded');
    assert.match(prompter.messages[0].message, /^Microsoft\.HybridContainerService is not registered in "Contoso Edge Dev\/Test"\./);
    const posts = await armPaths('POST');
    assert.ok(posts.some((p) => p.includes('/providers/Microsoft.HybridContainerService/register')), posts.join('\n'));
    const review = prompter.picks.find((p) => p.placeholder.startsWith('Create AKS Arc cluster'))!;
    assert.strictEqual(review.items.find((i) => i.label === 'Registered')?.description, 'Microsoft.HybridContainerService in this subscription');
    const puts = await armPaths('PUT');
    const dev = '/subscriptions/9d8e7f6a-5b4c-4d3e-8f2a-1b0c9d8e7f02';
    assert.ok(puts.some((p) => p.toLowerCase().startsWith(`${dev}/resourcegroups/rg-aks-dev?`)), puts.join('\n'));
    assert.ok(puts.some((p) => p.includes('/customLocations/dev-lab/providers/Microsoft.HybridContainerService/kubernetesVersions/default?')), puts.join('\n'));
    assert.ok(puts.some((p) => p.includes('/customLocations/dev-lab/providers/Microsoft.HybridContainerService/skus/default?')), puts.join('\n'));
    assert.strictEqual(fs.statSync(keyPath).mode & 0o777, 0o600);
    const instancePut = (await armRequests()).find((r) => r.method === 'PUT' && r.url.includes('provisionedClusterInstances'))!;
    assert.strictEqual(instancePut.body.properties.linuxProfile.ssh.publicKeys[0].keyData, fs.readFileSync(`${keyPath}.pub`, 'utf8').trim());
  });

  test('versions not ready are listed with the reason and cannot be chosen; an unusable network is refused with why', async () => {
    await control('faults', 'POST', {
      method: 'GET',
      path: 'seattle-hci/providers/Microsoft.HybridContainerService/kubernetesVersions/default$',
      status: 200,
      times: 0,
      body: {
        id: `/subscriptions/${PROD}/resourceGroups/rg-hci-seattle/providers/Microsoft.ExtendedLocation/customLocations/seattle-hci/providers/Microsoft.HybridContainerService/kubernetesVersions/default`,
        name: 'default',
        type: 'microsoft.hybridcontainerservice/kubernetesversions',
        extendedLocation: { type: 'CustomLocation', name: `/subscriptions/${PROD}/resourceGroups/rg-hci-seattle/providers/Microsoft.ExtendedLocation/customLocations/seattle-hci` },
        properties: {
          provisioningState: 'Succeeded',
          values: [
            { version: '1.31', isPreview: true, patchVersions: { '1.31.1': { readiness: [{ osType: 'Linux', osSku: 'CBLMariner', ready: false, errorMessage: 'The 1.31.1 image is still downloading.' }], upgrades: [] } } },
            { version: '1.29', isPreview: false, patchVersions: { '1.29.4': { readiness: [{ osType: 'Linux', osSku: 'CBLMariner', ready: true }], upgrades: [] } } },
          ],
        },
      },
    });
    const prompter = await run([pick('Contoso Edge Production'), pick('rg-aks-workloads'), input('aks-ver01'), pick('seattle-hci'), pick('lnet-seattle-prod'), input(''), cancel]);
    const versions = prompter.picks.find((p) => p.placeholder.startsWith('Kubernetes version'))!;
    assert.deepStrictEqual(
      versions.items.map((i) => [i.label, i.disabledReason]),
      [['1.31.1', 'The 1.31.1 image is still downloading.'], ['1.29.4', undefined]],
    );

    // The DHCP network on redmond-hci is listed with its reason; started from it, the wizard stops before asking anything.
    const redmond = await child(await child(await roots(api), 'Contoso Edge Production'), 'redmond-hci');
    const dhcp = await child(await child(redmond, 'Logical networks'), 'lnet-redmond-dhcp');
    const refused = await run([], { origin: dhcp });
    assert.strictEqual(refused.picks.length, 0);
    assert.strictEqual(lastEvent().result, 'Failed');
    const listed = await run([pick('Contoso Edge Production'), pick('rg-aks-workloads'), input('aks-lnet01'), pick('redmond-hci'), cancel]);
    const networks = listed.picks.find((p) => p.placeholder.startsWith('Logical network'))!;
    assert.deepStrictEqual(
      networks.items.map((i) => [i.label, i.disabledReason]),
      [['lnet-redmond-dhcp', 'Dynamic IP allocation is not supported; AKS Arc needs a Static logical network.'], ['lnet-redmond-prod', undefined]],
    );
  });
});

// "Create Kubernetes Cluster…", the quick path, in a real extension host against the emulator's demo world: the few
// questions it asks, the defaults it chooses (and says why), changing any answer from the review, and what it sends.
import * as assert from 'assert';
import { generateKeyPairSync } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import type { WizardDefaults } from '../../src/commands/createCluster/wizardContext';
import { openSshRsaPublicKey } from '../../src/commands/createCluster/sshKey';
import { armRequests, control, extensionApi, resetWorld } from './helpers';
import { answer, back, input, pick, ScriptedPrompter, type AskedPick, type Answer } from './scriptedPrompter';

const ADMIN_GROUP = 'e2c1b7a4-3f5d-4a9e-8b6c-1d0f2e3a4b5c';
const SSH_PUBLIC_KEY = openSshRsaPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey, 'dev@contoso');
const FAST = { pollMinDelayMs: 10, pollDefaultDelayMs: 10, retryBaseDelayMs: 10, settleSpacingMs: 20, settleWindowMs: 2000 };
const REVIEW = /^Create AKS Arc cluster/;

let api: AzureLocalApi;
let withKey: string;
let withoutKey: string;

/** Runs the quick create with a script and the given remembered answers (none unless given). */
async function run(script: Answer[], options: { sshDirectory?: string; remembered?: { value: WizardDefaults }; origin?: unknown } = {}): Promise<ScriptedPrompter> {
  const prompter = new ScriptedPrompter(script);
  api.setTestOverrides({ prompter, sshDirectory: options.sshDirectory ?? withKey, pollMs: 10, reliability: FAST, rememberedAnswers: options.remembered ?? { value: {} } });
  await vscode.commands.executeCommand('azureLocal.createCluster', options.origin);
  assert.strictEqual(prompter.remaining, 0, 'the whole script was used');
  return prompter;
}

/** The prompts the user answered before the first review (its Create not counted). */
const promptsBeforeReview = (prompter: ScriptedPrompter): string[] => prompter.asked.slice(0, prompter.asked.findIndex((a) => /^pick: Create AKS Arc cluster/.test(a)));

const reviews = (prompter: ScriptedPrompter): AskedPick[] => prompter.picks.filter((p) => REVIEW.test(p.placeholder));
const line = (review: AskedPick, label: string) => review.items.find((i) => i.label === label);

suite('quick create', () => {
  suiteSetup(async () => {
    api = await extensionApi();
    withKey = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-ssh-'));
    fs.writeFileSync(path.join(withKey, 'id_rsa.pub'), SSH_PUBLIC_KEY + '\n');
    fs.writeFileSync(path.join(withKey, 'id_ed25519.pub'), 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl dev@contoso\n');
    withoutKey = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-local-nossh-'));
  });

  setup(async () => {
    await resetWorld(api);
    await control('requests', 'DELETE');
  });

  teardown(() => api.setTestOverrides(undefined));

  suiteTeardown(() => {
    fs.rmSync(withKey, { recursive: true, force: true });
    fs.rmSync(withoutKey, { recursive: true, force: true });
  });

  test('five questions, then a review of the defaults with why; Create sends both PUTs with them', async () => {
    const prompter = await run([
      pick('seattle-hci'),
      pick('rg-hci-seattle'),
      input('aks-quick01'),
      pick('lnet-seattle-prod'),
      input(ADMIN_GROUP),
      pick('Create'),
    ]);
    assert.deepStrictEqual(
      promptsBeforeReview(prompter).map((a) => a.split(' ').slice(0, 2).join(' ')),
      ['pick: Custom', 'pick: Resource', 'input: Name', 'pick: Logical', 'input: Microsoft'],
    );
    // The reads between the questions show in the quick input; the one notification is the creation's.
    for (const read of ['Checking resource providers…', 'Reading resource groups…', 'Reading Kubernetes versions of seattle-hci…']) assert.ok(prompter.loads.includes(read), `${read} in ${prompter.loads.join(' | ')}`);
    assert.deepStrictEqual(prompter.progress.map((p) => p.title), ['Creating AKS Arc cluster "aks-quick01"']);
    // Custom locations of every shown subscription, each saying whose it is: the subscription is never asked.
    const locations = prompter.picks[0];
    assert.ok(locations.items.some((i) => i.label === 'dev-lab' && i.description?.includes('Contoso Edge Dev/Test')), JSON.stringify(locations.items));
    assert.deepStrictEqual(prompter.picks[0].step, { index: 1, total: 6 }, 'five questions and the review');

    const [review] = reviews(prompter);
    assert.strictEqual(line(review, 'Subscription')?.detail, "the custom location's subscription");
    assert.strictEqual(line(review, 'Kubernetes')?.description, '1.29.4');
    assert.strictEqual(line(review, 'Kubernetes')?.detail, 'the newest version ready for Azure Linux on seattle-hci');
    assert.strictEqual(line(review, 'Control plane')?.description, '1 × Standard_A4_v2');
    assert.match(line(review, 'Control plane')?.detail ?? '', /^1 node, for development and test .*; the AKS Arc default size$/);
    assert.strictEqual(line(review, 'Node pool')?.description, 'nodepool1: 1 × Standard_A4_v2 · CBLMariner');
    assert.strictEqual(line(review, 'SSH key')?.description, 'id_rsa.pub');
    assert.strictEqual(line(review, 'SSH key')?.detail, 'your default key');
    assert.strictEqual(line(review, 'Control plane IP')?.description, 'automatic');
    assert.match(line(review, 'Access')?.description ?? '', /^Kubernetes RBAC · admin groups: e2c1b7a4/);

    const puts = (await armRequests()).filter((r) => r.method === 'PUT');
    assert.deepStrictEqual(puts.map((p) => new URL(p.url).pathname.split('/').pop()), ['aks-quick01', 'default']);
    const instance = puts[1].body.properties;
    assert.deepStrictEqual(instance.controlPlane, { count: 1, vmSize: 'Standard_A4_v2' }, 'no control plane IP: AKS Arc assigns one');
    assert.deepStrictEqual(
      instance.agentPoolProfiles.map((p: { name: string; count: number; vmSize: string; osSKU: string }) => [p.name, p.count, p.vmSize, p.osSKU]),
      [['nodepool1', 1, 'Standard_A4_v2', 'CBLMariner']],
    );
    assert.strictEqual(instance.kubernetesVersion, '1.29.4');
    assert.strictEqual(instance.linuxProfile.ssh.publicKeys[0].keyData, SSH_PUBLIC_KEY);
    assert.deepStrictEqual(puts[0].body.properties.aadProfile.adminGroupObjectIDs, [ADMIN_GROUP]);
    assert.ok(prompter.messages.some((m) => m.message.startsWith('Created AKS Arc cluster "aks-quick01"')));
  });

  test('from the review: a line is answered again and the review comes back; another custom location asks what it invalidated', async () => {
    const prompter = await run([
      pick('seattle-hci'),
      pick('rg-hci-seattle'),
      input('aks-quick02'),
      pick('lnet-seattle-prod'),
      input(ADMIN_GROUP),
      // Review 1 → the control plane IP.
      pick('Control plane IP'),
      input('10.20.0.61'),
      // Review 2 → the custom location, then Back: nothing changed.
      pick('Custom location'),
      back,
      // Review 3 → another subscription's custom location: its provider, group and network are asked.
      pick('Custom location'),
      pick('dev-lab'),
      answer('Register'),
      pick('rg-hci-devlab'),
      pick('lnet-devlab'),
      // Review 4: export only.
      pick('Export as .http without creating'),
    ]);
    const [first, second, third, fourth] = reviews(prompter);
    assert.strictEqual(reviews(prompter).length, 4);
    assert.strictEqual(line(first, 'Control plane IP')?.description, 'automatic');
    assert.strictEqual(line(second, 'Control plane IP')?.description, '10.20.0.61');
    assert.strictEqual(line(second, 'Control plane IP')?.detail, undefined, 'an answer the user gave has no "why"');
    assert.deepStrictEqual(third.items, second.items, 'Back from a change leaves the review as it was');
    assert.match(line(fourth, 'Subscription')?.description ?? '', /^Contoso Edge Dev\/Test/);
    assert.strictEqual(line(fourth, 'Custom location')?.description, 'dev-lab');
    assert.match(line(fourth, 'Resource group')?.description ?? '', /^rg-hci-devlab/);
    assert.match(line(fourth, 'Logical network')?.description ?? '', /^lnet-devlab/);
    assert.strictEqual(line(fourth, 'Control plane IP')?.description, 'automatic', "the old network's IP is forgotten");
    assert.strictEqual(line(fourth, 'Cluster')?.description?.split(' ')[0], 'aks-quick02', 'the name is kept');
    assert.ok(line(fourth, 'Registered'), 'the provider registered on the way is reported');
    assert.deepStrictEqual((await armRequests()).filter((r) => r.method === 'PUT' && /connectedClusters/.test(r.url)), [], 'export creates nothing');
    assert.strictEqual(prompter.documents.length, 1);
  });

  test('no SSH key to default: asked; remembered answers are used next time (the group is not asked)', async () => {
    const remembered = { value: {} as WizardDefaults };
    const first = await run(
      [pick('seattle-hci'), pick('rg-hci-redmond'), input('aks-quick03'), pick('lnet-seattle-prod'), input(ADMIN_GROUP), pick('Paste a public key…'), input(SSH_PUBLIC_KEY), pick('Export as .http without creating')],
      { sshDirectory: withoutKey, remembered },
    );
    assert.ok(first.picks.some((p) => p.placeholder.startsWith('SSH public key')), 'asked for a key');
    assert.strictEqual(remembered.value.resourceGroup, 'rg-hci-redmond');

    const second = await run([pick('seattle-hci'), input('aks-quick04'), pick('lnet-seattle-prod'), input(ADMIN_GROUP), pick('Export as .http without creating')], { remembered });
    assert.strictEqual(promptsBeforeReview(second).length, 4);
    assert.strictEqual(second.picks[0].items.find((i) => i.suggested)?.label, 'seattle-hci', 'the remembered custom location is suggested');
    assert.strictEqual(second.inputs.find((i) => i.prompt.startsWith('Microsoft Entra'))?.value, ADMIN_GROUP, 'the admin group is prefilled');
    const [review] = reviews(second);
    assert.strictEqual(line(review, 'Resource group')?.detail, 'your last choice in this subscription');
  });

  test('started from a custom location in the tree: it is not asked', async () => {
    const seattle = '/subscriptions/3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01/resourceGroups/rg-hci-seattle/providers/Microsoft.ExtendedLocation/customLocations/seattle-hci';
    const prompter = await run([pick('rg-hci-seattle'), input('aks-quick05'), pick('lnet-seattle-prod'), input(ADMIN_GROUP), pick('Export as .http without creating')], {
      origin: { resource: { id: seattle, name: 'seattle-hci', type: 'Microsoft.ExtendedLocation/customLocations' } },
    });
    assert.ok(!prompter.picks.some((p) => p.placeholder.startsWith('Custom location')));
    assert.strictEqual(promptsBeforeReview(prompter).length, 4);
  });
});

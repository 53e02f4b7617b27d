import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { isGoBack, type Prompter, type StepPosition } from '../../../wizard/prompter';
import type { WizardStep } from '../../../wizard/runWizard';
import { OperationCancelledError } from '../../../cancellation';
import { generateRsaKeyPair, listPublicKeys, writeKeyPair } from '../sshKey';
import { validateSshRsaPublicKey } from '../validators';
import type { CreateClusterContext } from '../wizardContext';

type Choice = { kind: 'file'; path: string; key: string } | { kind: 'paste' } | { kind: 'generate' };

/** 8. The SSH public key for the cluster's VMs: one of ~/.ssh/*.pub, a pasted one, or a new RSA 4096 pair. */
export const sshKeyStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    // Back from the paste box or the save dialog returns to this choice, not to the step before.
    for (;;) {
      const choice = await chooseSource(context, prompter, step);
      try {
        if (choice.kind === 'file') {
          context.sshPublicKey = choice.key;
          context.sshKeySource = { kind: 'file', path: choice.path };
        } else if (choice.kind === 'paste') {
          const pasted = await prompter.input({ step, prompt: l10n.t('Paste an OpenSSH RSA public key ("ssh-rsa AAAA… comment")'), validate: (v) => validateSshRsaPublicKey(v) });
          context.sshPublicKey = pasted.trim();
          context.sshKeySource = { kind: 'pasted' };
        } else if (!(await generate(context, prompter))) {
          continue;
        }
        return;
      } catch (error) {
        if (!isGoBack(error)) throw error;
      }
    }
  },
};

function chooseSource(context: CreateClusterContext, prompter: Prompter, step: StepPosition): Promise<Choice> {
  const remembered = context.sshKeySource?.kind === 'file' ? context.sshKeySource.path : context.defaults.sshPublicKeyPath;
  const items = () => listPublicKeys(context.sshDirectory).then((keys) => [
    ...keys.map((key) => ({
      label: `$(key) ${path.basename(key.path)}`,
      description: key.comment,
      detail: key.path,
      value: { kind: 'file', path: key.path, key: key.key } as Choice,
      disabledReason: key.problem,
      suggested: key.path === remembered,
    })),
    { label: `$(clippy) ${l10n.t('Paste a public key…')}`, value: { kind: 'paste' } as Choice },
    { label: `$(add) ${l10n.t('Generate a new RSA 4096 key pair…')}`, detail: l10n.t('Saved where you choose; the private key readable only by you (0600).'), value: { kind: 'generate' } as Choice },
  ]);
  return prompter.pick({ step, placeholder: l10n.t('SSH public key for the cluster VMs (AKS Arc accepts RSA keys)'), items });
}

/** A new pair, written where the user chooses (never over an existing file). False: back to the choice. */
async function generate(context: CreateClusterContext, prompter: Prompter): Promise<boolean> {
  const privateKeyPath = await prompter.saveFile({
    title: l10n.t('Save the new private key (the public key is saved beside it as .pub)'),
    defaultPath: path.join(context.sshDirectory, `${context.name ?? 'aksarc'}_rsa`),
  });
  if (!privateKeyPath) return false;
  const pair = await prompter.withProgress(l10n.t('Generating an RSA 4096 key pair…'), async (_report, signal) => {
    const generated = await generateRsaKeyPair(`${context.name ?? 'aksarc'}@azure-local-tools`);
    if (signal.aborted) throw new OperationCancelledError();
    return generated;
  });
  try {
    const written = await writeKeyPair(privateKeyPath, pair);
    context.sshPublicKey = pair.publicKey;
    context.sshKeySource = { kind: 'generated', ...written };
    void prompter.ask(l10n.t('Saved the new private key to {0} (readable only by you) and the public key to {1}.', written.privateKeyPath, written.publicKeyPath), { severity: 'info' });
    return true;
  } catch (error) {
    // "already exists": the save dialog let the user confirm a replacement; keys are never overwritten, so ask again.
    await prompter.ask((error as Error).message, { severity: 'warning' });
    return false;
  }
}

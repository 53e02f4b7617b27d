import * as path from 'node:path';
import type { WizardStep } from '../../../wizard/runWizard';
import { generateRsaKeyPair, listPublicKeys, writeKeyPair } from '../sshKey';
import { validateSshRsaPublicKey } from '../validators';
import type { CreateClusterContext } from '../wizardContext';

type Choice = { kind: 'file'; path: string; key: string } | { kind: 'paste' } | { kind: 'generate' };

/** 8. The SSH public key for the cluster's VMs: one of ~/.ssh/*.pub, a pasted one, or a new RSA 4096 pair. */
export const sshKeyStep: WizardStep<CreateClusterContext> = {
  async prompt(context, prompter, step) {
    const remembered = context.sshKeySource?.kind === 'file' ? context.sshKeySource.path : context.defaults.sshPublicKeyPath;
    const items = listPublicKeys(context.sshDirectory).then((keys) => [
      ...keys.map((key) => ({
        label: `$(key) ${path.basename(key.path)}`,
        description: key.comment,
        detail: key.path,
        value: { kind: 'file', path: key.path, key: key.key } as Choice,
        disabledReason: key.problem,
        suggested: key.path === remembered,
      })),
      { label: '$(clippy) Paste a public key…', value: { kind: 'paste' } as Choice },
      { label: '$(add) Generate a new RSA 4096 key pair…', detail: 'Saved where you choose; the private key readable only by you (0600).', value: { kind: 'generate' } as Choice },
    ]);
    const choice = await prompter.pick({ step, placeholder: 'SSH public key for the cluster VMs (AKS Arc accepts RSA keys)', items });
    if (choice.kind === 'file') {
      context.sshPublicKey = choice.key;
      context.sshKeySource = { kind: 'file', path: choice.path };
    } else if (choice.kind === 'paste') {
      context.sshPublicKey = (
        await prompter.input({ step, prompt: 'Paste an OpenSSH RSA public key ("ssh-rsa AAAA… comment")', validate: (v) => validateSshRsaPublicKey(v) })
      ).trim();
      context.sshKeySource = { kind: 'pasted' };
    } else {
      const privateKeyPath = await prompter.saveFile({
        title: 'Save the new private key (the public key is saved beside it as .pub)',
        defaultPath: path.join(context.sshDirectory, `${context.name ?? 'aksarc'}_rsa`),
      });
      if (!privateKeyPath) return sshKeyStep.prompt(context, prompter, step);
      const pair = await prompter.withProgress('Generating an RSA 4096 key pair…', () => generateRsaKeyPair(`${context.name ?? 'aksarc'}@azure-local-tools`));
      const written = await writeKeyPair(privateKeyPath, pair);
      context.sshPublicKey = pair.publicKey;
      context.sshKeySource = { kind: 'generated', ...written };
    }
  },
};

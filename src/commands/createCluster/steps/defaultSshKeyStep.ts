import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { WizardStep } from '../../../wizard/runWizard';
import { listPublicKeys } from '../sshKey';
import type { CreateClusterContext } from '../wizardContext';

/**
 * The quick path's SSH key without a question: the remembered key file, else ~/.ssh/id_rsa.pub, else the only RSA
 * public key in ~/.ssh. With none (or several and no way to choose), the SSH key step asks.
 */
export const defaultSshKeyStep: WizardStep<CreateClusterContext> = {
  silent: true,
  shouldPrompt: (context) => !context.sshPublicKey,
  async prompt(context) {
    const usable = (await listPublicKeys(context.sshDirectory)).filter((key) => !key.problem);
    const remembered = usable.find((key) => key.path === context.defaults.sshPublicKeyPath);
    const standard = usable.find((key) => path.basename(key.path) === 'id_rsa.pub');
    const chosen = remembered ?? standard ?? (usable.length === 1 ? usable[0] : undefined);
    if (!chosen) return;
    context.sshPublicKey = chosen.key;
    context.sshKeySource = { kind: 'file', path: chosen.path };
    context.because = { ...context.because, ssh: remembered ? l10n.t('your last choice') : standard ? l10n.t('your default key') : l10n.t('the only RSA public key in {0}', context.sshDirectory) };
  },
};

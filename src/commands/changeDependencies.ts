import type { AzureSession } from '../auth/azureSession';
import type { Prompter } from '../wizard/prompter';

/**
 * What a command that changes Azure is given: who is signed in, how to ask, where to log, and `onChanged(id)` with the
 * id of what it changed (a cluster, or anything under one), so that the inventory re-reads that from ARM.
 */
export interface ChangeDependencies {
  session: AzureSession;
  prompter: Prompter;
  log: (line: string) => void;
  onChanged: (changedResourceId: string) => void;
}

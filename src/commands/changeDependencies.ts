import type { AzureSession } from '../auth/azureSession';
import type { Prompter } from '../wizard/prompter';

/** What a command that changes Azure is given: who is signed in, how to ask, where to log, what to refresh. */
export interface ChangeDependencies {
  session: AzureSession;
  prompter: Prompter;
  log: (line: string) => void;
  onChanged: (subscriptionId: string) => void;
}

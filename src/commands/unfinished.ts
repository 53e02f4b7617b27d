import * as l10n from '@vscode/l10n';
import { errorText } from '../azure/armError';
import type { ArmClient } from '../azure/armClient';
import { readUntilSettled, type Existence } from '../azure/settle';
import { isCancellation, OperationCancelledError } from '../cancellation';
import { FailureWithOutcome } from '../outcome';
import type { ChangeDependencies } from './changeDependencies';

/**
 * After a change that did not finish (it failed, was cancelled, or its answer was lost): the resource is read until
 * it settles, and the user is told what exists — never a guess. Always throws: the cancellation, or the failure
 * carrying the statement, for the one place errors are shown.
 */
export async function reportUnfinished(
  deps: ChangeDependencies & { client: ArmClient; changedResourceId: string },
  error: unknown,
  change: { what: string; check: string; read: (signal: AbortSignal) => Promise<unknown>; statement: (existence: Existence) => string | Promise<string> },
): Promise<never> {
  const cancelled = isCancellation(error);
  deps.log(cancelled ? `${change.what} cancelled.` : `${change.what} failed: ${errorText(error)}`);
  const { client } = deps;
  const existence = await deps.prompter.withProgress(l10n.t({ message: 'Checking {0} in Azure…', args: [change.check], comment: '{0} is what is checked, e.g. "the node pool"' }), (report, signal) =>
    readUntilSettled(change.read, { clock: client.clock, reliability: client.reliability, signal, onRead: report }),
  );
  const statement = await change.statement(existence);
  deps.log(statement);
  deps.onChanged(deps.changedResourceId);
  if (cancelled) {
    void deps.prompter.ask(l10n.t({ message: '{0} was cancelled; cancelling stops watching, not Azure. {1}', args: [change.what, statement], comment: '{0} is the change, e.g. "Scaling node pool "np1""; {1} says what exists now' }), { severity: 'warning' });
    throw new OperationCancelledError();
  }
  throw new FailureWithOutcome(error, statement);
}

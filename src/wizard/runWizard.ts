import { OperationCancelledError } from '../cancellation';
import { isGoBack, type Prompter, type StepPosition } from './prompter';

/** One step of a wizard: usually one prompt. One file per step; each reads and writes the shared context. */
export interface WizardStep<C> {
  /** False when the answer is already known (prefilled from a tree item, or implied by an earlier answer). */
  shouldPrompt?(context: C): boolean;
  /** Checks or work without a question (e.g. provider registration): not counted, and never a Back target. */
  silent?: boolean;
  prompt(context: C, prompter: Prompter, position: StepPosition): Promise<void>;
}

/**
 * Runs steps in order. Back returns to the previous step that prompted, whose answer is shown again as the default;
 * cancelling (Escape) rejects with OperationCancelledError, which commands treat as an answer, not a failure.
 */
export async function runWizard<C>(title: string, steps: WizardStep<C>[], context: C, prompter: Prompter): Promise<void> {
  const history: number[] = [];
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (step.shouldPrompt && !step.shouldPrompt(context)) {
      index++;
      continue;
    }
    const position: StepPosition = { title, index: history.length + 1, total: history.length + countPrompting(steps, index, context) };
    try {
      await step.prompt(context, prompter, position);
      if (!step.silent) history.push(index);
      index++;
    } catch (error) {
      if (!isGoBack(error)) throw error;
      const previous = history.pop();
      if (previous === undefined) throw new OperationCancelledError();
      index = previous;
    }
  }
}

/** Steps from `from` on that will prompt, as far as the context can tell now (the total shown may still change). */
function countPrompting<C>(steps: WizardStep<C>[], from: number, context: C): number {
  return steps.slice(from).filter((step) => !step.silent && (!step.shouldPrompt || step.shouldPrompt(context))).length;
}

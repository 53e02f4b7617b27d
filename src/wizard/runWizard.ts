import { OperationCancelledError } from '../cancellation';
import { isGoBack, type Prompter, type StepPosition } from './prompter';

/** One step of a wizard: usually one prompt. One file per step; each reads and writes the shared context. */
export interface WizardStep<C> {
  /** False when the answer is already known (prefilled from a tree item, or implied by an earlier answer). */
  shouldPrompt?(context: C): boolean;
  /** Checks or work without a question (e.g. provider registration): not counted, and never a Back target. */
  silent?: boolean;
  /** Asked only when no default was found (the quick path): the step counter does not count it ahead of time. */
  fallback?: boolean;
  prompt(context: C, prompter: Prompter, position: StepPosition): Promise<void>;
}

/**
 * Runs steps in order. Back returns to the previous step that prompted, whose answer is shown again as the default;
 * cancelling (Escape) rejects with OperationCancelledError, which commands treat as an answer, not a failure.
 * Back on the first prompt cancels too, unless `backFromFirst` is 'return' (steps run from a review: Back returns
 * there), when it resolves 'back'.
 */
export async function runWizard<C>(
  title: string,
  steps: WizardStep<C>[],
  context: C,
  prompter: Prompter,
  options: { backFromFirst?: 'cancel' | 'return' } = {},
): Promise<'done' | 'back'> {
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
      if (previous === undefined) {
        if (options.backFromFirst === 'return') return 'back';
        throw new OperationCancelledError();
      }
      index = previous;
    }
  }
  return 'done';
}

/** Steps from `from` on that will prompt, as far as the context can tell now (the total shown may still change). */
function countPrompting<C>(steps: WizardStep<C>[], from: number, context: C): number {
  return steps.slice(from).filter((step, i) => !step.silent && !(step.fallback && i > 0) && (!step.shouldPrompt || step.shouldPrompt(context))).length;
}

/**
 * The step, asked only while `missing` says its answer is (the quick path, and filling in after a review's change);
 * `fallback`: the answer is usually defaulted by an earlier silent step.
 */
export function askWhenMissing<C>(step: WizardStep<C>, missing: (context: C) => boolean, options: { fallback?: boolean } = {}): WizardStep<C> {
  return { ...step, ...options, shouldPrompt: (context) => missing(context) && (!step.shouldPrompt || step.shouldPrompt(context)) };
}

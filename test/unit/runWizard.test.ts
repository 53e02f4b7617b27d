import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GoBackError, type Prompter, type StepPosition } from '../../src/wizard/prompter';
import { askWhenMissing, runWizard, type WizardStep } from '../../src/wizard/runWizard';

interface Context {
  answers: Record<string, string>;
  skipB?: boolean;
}

/** A step that records its position and takes its answer from a queue ("back" presses Back). */
function step(name: string, queue: string[], seen: string[], extra: Partial<WizardStep<Context>> = {}): WizardStep<Context> {
  return {
    ...extra,
    async prompt(context, _prompter, position: StepPosition) {
      seen.push(`${name} ${position.index}/${position.total}`);
      const next = queue.shift();
      if (next === 'back') throw new GoBackError();
      context.answers[name] = next ?? '';
    },
  };
}

const prompter = {} as Prompter;

describe('runWizard', () => {
  it('goes back to the previous prompting step and counts only prompting steps', async () => {
    const queue = ['a1', 'b1', 'back', 'b2', 'c1'];
    const seen: string[] = [];
    const context: Context = { answers: {} };
    const silent = step('check', [], [], { silent: true });
    await runWizard('T', [step('a', queue, seen), silent, step('b', queue, seen), step('c', queue, seen)], context, prompter);
    assert.deepEqual(seen, ['a 1/3', 'b 2/3', 'c 3/3', 'b 2/3', 'c 3/3']);
    assert.deepEqual(context.answers, { a: 'a1', b: 'b2', c: 'c1', check: '' });
  });

  it('skips steps whose answer is known, and Back skips them too', async () => {
    const queue = ['a1', 'back', 'a2', 'c1'];
    const seen: string[] = [];
    const context: Context = { answers: {}, skipB: true };
    await runWizard('T', [step('a', queue, seen), step('b', queue, seen, { shouldPrompt: (c) => !c.skipB }), step('c', queue, seen)], context, prompter);
    assert.deepEqual(seen, ['a 1/2', 'c 2/2', 'a 1/2', 'c 2/2']);
    assert.equal(context.answers.b, undefined);
  });

  it('Back on the first step cancels', async () => {
    await assert.rejects(runWizard('T', [step('a', ['back'], [])], { answers: {} }, prompter), { name: 'OperationCancelledError' });
  });

  it("Back on the first step returns 'back' when the steps were run from a review", async () => {
    const seen: string[] = [];
    const context: Context = { answers: {} };
    assert.equal(await runWizard('T', [step('a', ['back'], seen)], context, prompter, { backFromFirst: 'return' }), 'back');
    assert.equal(await runWizard('T', [step('a', ['a1', 'a2'], seen), step('b', ['back', 'b1'], seen)], context, prompter, { backFromFirst: 'return' }), 'done');
    assert.deepEqual(context.answers, { a: 'a2', b: 'b1' });
  });

  it('a step asked only when missing is skipped once answered; a fallback is not counted until it is reached', async () => {
    const seen: string[] = [];
    const context: Context = { answers: { b: 'known' } };
    const steps = [
      step('a', ['a1'], seen),
      askWhenMissing(step('b', ['b1'], seen), (c) => !c.answers.b),
      askWhenMissing(step('c', ['c1'], seen), (c) => !c.answers.c, { fallback: true }),
      step('d', ['d1'], seen),
    ];
    await runWizard('T', steps, context, prompter);
    assert.deepEqual(seen, ['a 1/2', 'c 2/3', 'd 3/3']);
    assert.equal(context.answers.b, 'known');
  });

  it('other errors end the wizard as they are', async () => {
    const failing: WizardStep<Context> = { prompt: () => Promise.reject(new Error('network down')) };
    await assert.rejects(runWizard('T', [failing], { answers: {} }, prompter), /network down/);
  });
});

import * as l10n from '@vscode/l10n';
import { isCancellation } from '../cancellation';
import { errorText } from './armError';
import type { Clock } from './clock';
import { isTransitionalState, provisioningStateOf } from './provisioningState';
import type { Reliability } from './reliability';

/** What reading a resource until it settles found out. */
export type Existence =
  /** Read absent `settleReads` times in a row. */
  | { kind: 'absent' }
  /** Read present; `transitional` when it was still Creating/Deleting/… when the wait ended. */
  | { kind: 'present'; state?: string; transitional: boolean }
  /** Could not be established (reads failed, or the wait was cut short before absence was proven). */
  | { kind: 'unknown'; why: string };

export interface SettleOptions {
  clock: Clock;
  reliability: Pick<Reliability, 'settleReads' | 'settleSpacingMs' | 'settleWindowMs'>;
  /** Aborting means "stop waiting" (the answer is then as far as the reads got). */
  signal?: AbortSignal;
  onRead?: (verdict: string) => void;
}

/**
 * Reads a resource until what it says is settled: absent, or present and not transitional, the same way for
 * `settleReads` consecutive reads `settleSpacingMs` apart, within `settleWindowMs`. After a request whose answer was
 * lost, ARM can show a resource only seconds later (or drop it again): one GET proves nothing. "Absent" is only ever
 * said on that proof; a resource seen present is present, even if the wait ends while it is still changing.
 */
export async function readUntilSettled(read: (signal: AbortSignal) => Promise<unknown>, options: SettleOptions): Promise<Existence> {
  const { clock, reliability } = options;
  const started = clock.now();
  // Each read gets its own signal: a second cancel stops the waiting, the read in flight with it.
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) controller.abort();
  let streak = 0;
  let previous: string | undefined;
  let last: Existence | undefined;
  let lastFailure: string | undefined;
  try {
    for (;;) {
      try {
        const resource = await read(controller.signal);
        const state = resource === undefined ? undefined : provisioningStateOf(resource);
        const verdict = resource === undefined ? 'absent' : `present:${state ?? ''}`;
        last = resource === undefined ? { kind: 'absent' } : { kind: 'present', state, transitional: isTransitionalState(state) };
        const settled = last.kind === 'absent' || !last.transitional;
        streak = settled && verdict === previous ? streak + 1 : settled ? 1 : 0;
        previous = verdict;
        lastFailure = undefined;
        options.onRead?.(resource === undefined ? l10n.t('absent') : state ?? l10n.t('present'));
        if (streak >= reliability.settleReads) return last;
      } catch (error) {
        if (controller.signal.aborted || isCancellation(error)) break;
        lastFailure = errorText(error);
        streak = 0;
        previous = undefined;
        options.onRead?.(l10n.t('failed: {0}', lastFailure));
      }
      if (clock.now() + reliability.settleSpacingMs - started > reliability.settleWindowMs) break;
      try {
        await clock.sleep(reliability.settleSpacingMs, controller.signal);
      } catch {
        break;
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
  if (last?.kind === 'present' && !lastFailure) return last;
  const cut = controller.signal.aborted ? l10n.t('you stopped the check') : l10n.t('not settled within {0} s', Math.round(reliability.settleWindowMs / 1000));
  return {
    kind: 'unknown',
    why: lastFailure
      ? l10n.t({ message: '{0}; last read failed: {1}', args: [cut, lastFailure], comment: '{0} says why the check ended ("not settled within 60 s"), {1} is the error' })
      : last?.kind === 'absent'
        ? l10n.t({ message: '{0} (not seen yet)', args: [cut], comment: '{0} says why the check ended ("you stopped the check")' })
        : cut,
  };
}

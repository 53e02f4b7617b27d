/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP date. Zero, negative and past values give 0 (the
 * callers apply their floor); an absent or unreadable header gives undefined.
 */
export function retryAfterMs(value: string | undefined | null, now: number): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** No task waits longer than this between two attempts after errors. */
export const MAX_BACKOFF_MS = 5 * 60 * 1000;

/**
 * Delay before the next attempt after `failures` consecutive errors:
 * exponential growth with full jitter, so many failing tasks spread out
 * instead of retrying in lockstep, but never sooner than the normal interval.
 */
export function backoffDelay(failures: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(failures, 30));
  return Math.max(Math.min(baseMs, MAX_BACKOFF_MS), Math.round(random() * ceiling));
}

import type { TaskSnapshot } from '../api/taskSnapshot';
import type { TrackedTask } from './trackedTask';

/** Up to this age a running task is checked at the normal interval: most videos are done by then. */
export const USUAL_RUNNING_MS = 5 * 60 * 1000;
/** The slowest a long-running task is checked. */
export const SLOWEST_INTERVAL_MS = 60 * 1000;

/**
 * How long to wait before checking a running task again. A task that reports
 * progress, or is younger than {@link USUAL_RUNNING_MS}, gets the normal
 * interval; after that the interval grows by one normal interval every five
 * minutes, up to {@link SLOWEST_INTERVAL_MS} (or the normal interval, if the
 * user chose a longer one).
 */
export function runningInterval(baseMs: number, ageMs: number, reportsProgress: boolean): number {
  if (reportsProgress || ageMs <= USUAL_RUNNING_MS) {
    return baseMs;
  }
  const grown = baseMs * (1 + (ageMs - USUAL_RUNNING_MS) / USUAL_RUNNING_MS);
  return Math.round(Math.min(Math.max(baseMs, SLOWEST_INTERVAL_MS), grown));
}

/** A status word nobody has seen before is polled this many times more slowly. */
const UNKNOWN_STATUS_FACTOR = 3;

/** How long after `snapshot`, received at `now`, to check the unfinished task again. */
export function nextCheckDelay(task: TrackedTask, snapshot: TaskSnapshot, now: number, baseMs: number): number {
  const interval = runningInterval(baseMs, now - (snapshot.createdAt ?? task.addedAt), snapshot.progress !== undefined);
  return interval * (snapshot.status === 'unknown' ? UNKNOWN_STATUS_FACTOR : 1);
}

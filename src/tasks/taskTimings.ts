import { needsPolling, type TrackedTask } from './trackedTask';

/** A task is never called stalled sooner than this, however quick its model usually is. */
export const MIN_STALL_MS = 10 * 60_000;
/** How many of a model's most recent finished tasks make its typical time. */
const RECENT_PER_MODEL = 20;
/** Fewer finished tasks than this say too little to estimate from. */
const MIN_SAMPLES = 3;

/**
 * How long a finished task took: from the gateway's own times when it gave
 * both, otherwise from when it was tracked to when a window saw it finish.
 * Undefined for a task that failed, or was tracked once it had finished.
 */
export function durationMs(task: TrackedTask): number | undefined {
  const snapshot = task.snapshot;
  if (snapshot?.status !== 'succeeded') {
    return undefined;
  }
  const duration =
    snapshot.createdAt !== undefined && snapshot.completedAt !== undefined
      ? snapshot.completedAt - snapshot.createdAt
      : task.finishedAt === undefined
        ? undefined
        : task.finishedAt - task.addedAt;
  return duration !== undefined && duration > 0 ? duration : undefined;
}

/** Each model's typical time to a video: the median of its most recent finished tasks, once there are a few. */
export function typicalDurations(tasks: readonly TrackedTask[]): Map<string, number> {
  const byModel = new Map<string, { at: number; ms: number }[]>();
  for (const task of tasks) {
    const model = task.snapshot?.model;
    const ms = durationMs(task);
    if (model !== undefined && ms !== undefined) {
      const samples = byModel.get(model) ?? [];
      samples.push({ at: task.snapshot?.completedAt ?? task.finishedAt ?? 0, ms });
      byModel.set(model, samples);
    }
  }
  const typical = new Map<string, number>();
  for (const [model, samples] of byModel) {
    if (samples.length >= MIN_SAMPLES) {
      const recent = samples.sort((a, b) => b.at - a.at).slice(0, RECENT_PER_MODEL).map((sample) => sample.ms);
      typical.set(model, median(recent));
    }
  }
  return typical;
}

/** Where an unfinished task stands against its model's typical time. */
export type TaskTiming =
  | { readonly kind: 'estimate'; readonly remainingMs: number }
  | { readonly kind: 'overdue' }
  | { readonly kind: 'stalled'; readonly stillForMs: number };

/**
 * An unfinished task's estimate, or `stalled` once the gateway's answers have
 * not moved for more than `stallFactor` times its model's typical time (and at
 * least {@link MIN_STALL_MS}). The span runs from the last movement to the
 * last answer, not to now: a window that was closed, asleep, paused or offline
 * has no answers for that time and must not call the task stuck for it; so a
 * task whose last check failed, or that has no recorded movement (stored by
 * 0.10), is never stalled. Undefined without a typical time for its model.
 */
export function timingOf(task: TrackedTask, typical: ReadonlyMap<string, number>, now: number, stallFactor: number): TaskTiming | undefined {
  const model = task.snapshot?.model;
  const typicalMs = model === undefined ? undefined : typical.get(model);
  if (typicalMs === undefined || !needsPolling(task)) {
    return undefined;
  }
  const stillForMs = task.movedAt === undefined || task.checkedAt === undefined || task.problem !== undefined ? 0 : task.checkedAt - task.movedAt;
  if (stillForMs > Math.max(stallFactor * typicalMs, MIN_STALL_MS)) {
    return { kind: 'stalled', stillForMs };
  }
  const remainingMs = typicalMs - (now - (task.snapshot?.createdAt ?? task.addedAt));
  return remainingMs > 0 ? { kind: 'estimate', remainingMs } : { kind: 'overdue' };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

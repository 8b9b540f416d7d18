import type { TrackedTask } from './trackedTask';

/**
 * Several windows of a profile keep their own list and share one storage.
 * When a window writes, it merges what is stored now, task by task: the
 * newer state (answer, problem, copy) wins, the newer name wins on its own —
 * a rename in one window survives another window's newer answer. (Removals
 * are the store's: see `TaskStore`.) 0.6 state has no times of its own and
 * counts as changed when it was last checked or tracked.
 */

/** When the task's state last changed. */
function stateTime(task: TrackedTask): number {
  return task.changedAt ?? task.checkedAt ?? task.addedAt;
}

/** The two windows' versions of one task, merged; `mine` is returned as is when it is the newest in every part. */
export function mergeTask(mine: TrackedTask, theirs: TrackedTask): TrackedTask {
  const state = stateTime(theirs) > stateTime(mine) ? theirs : mine;
  const named = (theirs.labelAt ?? 0) > (mine.labelAt ?? 0) ? theirs : mine;
  if (state === mine && named === mine) {
    return mine;
  }
  const { label: _label, labelAt: _labelAt, ...rest } = state;
  return {
    ...rest,
    ...(named.label === undefined ? {} : { label: named.label }),
    ...(named.labelAt === undefined ? {} : { labelAt: named.labelAt }),
  };
}

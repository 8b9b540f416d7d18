import { withoutUndefined } from '../api/fields';
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

/**
 * Whether `theirs` holds the newer state. Two changes in the same millisecond
 * (a task tracked and answered at once) are ordered by a rule every window
 * applies alike, so all of them keep the same one.
 */
function newerState(theirs: TrackedTask, mine: TrackedTask): boolean {
  if (stateTime(theirs) !== stateTime(mine)) {
    return stateTime(theirs) > stateTime(mine);
  }
  if ((theirs.checkedAt ?? 0) !== (mine.checkedAt ?? 0)) {
    return (theirs.checkedAt ?? 0) > (mine.checkedAt ?? 0);
  }
  return stateText(theirs) > stateText(mine);
}

function newerName(theirs: TrackedTask, mine: TrackedTask): boolean {
  if ((theirs.labelAt ?? 0) !== (mine.labelAt ?? 0)) {
    return (theirs.labelAt ?? 0) > (mine.labelAt ?? 0);
  }
  return (theirs.label ?? '') > (mine.label ?? '');
}

/** The task's state as text, with keys in one order: a task read back from storage lists them differently. */
function stateText(task: TrackedTask): string {
  const { label: _label, labelAt: _labelAt, ...state } = task;
  return JSON.stringify(state, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
}

/**
 * Facts about the gateway's task that never change once known, and the copy
 * kept here: a version that lacks them (written by an older version, tracked
 * again by id, or answered before it merged the other window's copy) must not
 * take them away.
 */
function onceKnown(a: TrackedTask, b: TrackedTask): Pick<TrackedTask, 'request' | 'from' | 'finishedAt' | 'localVideo' | 'localVideoBytes'> {
  const copy = a.localVideo !== undefined ? a : b; // A copy goes only with its task.
  return withoutUndefined({
    request: a.request ?? b.request,
    from: a.from ?? b.from,
    finishedAt: a.finishedAt ?? b.finishedAt,
    localVideo: copy.localVideo,
    localVideoBytes: copy.localVideoBytes,
  });
}

/** The two windows' versions of one task, merged; `mine` is returned as is when it is the newest in every part. */
export function mergeTask(mine: TrackedTask, theirs: TrackedTask): TrackedTask {
  const state = newerState(theirs, mine) ? theirs : mine;
  const named = newerName(theirs, mine) ? theirs : mine;
  const facts = onceKnown(state, state === mine ? theirs : mine);
  const lacksFacts =
    mine.request !== facts.request ||
    mine.from !== facts.from ||
    mine.finishedAt !== facts.finishedAt ||
    mine.localVideo !== facts.localVideo ||
    mine.localVideoBytes !== facts.localVideoBytes;
  if (state === mine && named === mine && !lacksFacts) {
    return mine;
  }
  const { label: _label, labelAt: _labelAt, ...rest } = state;
  return {
    ...rest,
    ...facts,
    ...(named.label === undefined ? {} : { label: named.label }),
    ...(named.labelAt === undefined ? {} : { labelAt: named.labelAt }),
  };
}

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
 * Facts about the gateway's task that never change once known: a copy that
 * lacks them (written by an older version, or tracked again by id) must not
 * take them away.
 */
function onceKnown(a: TrackedTask, b: TrackedTask): Pick<TrackedTask, 'request' | 'from' | 'finishedAt'> {
  const request = a.request ?? b.request;
  const from = a.from ?? b.from;
  const finishedAt = a.finishedAt ?? b.finishedAt;
  return { ...(request === undefined ? {} : { request }), ...(from === undefined ? {} : { from }), ...(finishedAt === undefined ? {} : { finishedAt }) };
}

/** The two windows' versions of one task, merged; `mine` is returned as is when it is the newest in every part. */
export function mergeTask(mine: TrackedTask, theirs: TrackedTask): TrackedTask {
  const state = newerState(theirs, mine) ? theirs : mine;
  const named = newerName(theirs, mine) ? theirs : mine;
  const facts = onceKnown(state, state === mine ? theirs : mine);
  const lacksFacts = mine.request !== facts.request || mine.from !== facts.from || mine.finishedAt !== facts.finishedAt;
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

import { displayState, type DisplayState, type TrackedTask } from '../tasks/trackedTask';
import { compareTasks } from './taskPresentation';

/** How the tree arranges tasks: a flat list, or under one node per status or per model. */
export type Grouping = 'none' | 'status' | 'model';

export interface TaskGroup {
  /** Stable within a grouping, so the node keeps its identity and expansion. */
  readonly key: string;
  readonly label: string;
}

/** Status groups in the order they are shown: what moves first, what is settled last. */
const STATUS_GROUPS: readonly [DisplayState, string][] = [
  ['running', 'Running'],
  ['queued', 'Queued'],
  ['checking', 'Not checked yet'],
  ['unknown', 'Unknown status'],
  ['error', 'Could not check'],
  ['succeeded', 'Ready'],
  ['failed', 'Failed'],
  ['cancelled', 'Cancelled'],
  ['notFound', 'Not found'],
];
const UNKNOWN_MODEL = 'Unknown model';

export function groupOf(task: TrackedTask, grouping: Exclude<Grouping, 'none'>): TaskGroup {
  if (grouping === 'status') {
    const state = displayState(task);
    const label = STATUS_GROUPS.find(([candidate]) => candidate === state)?.[1] ?? state;
    return { key: state, label };
  }
  const model = task.snapshot?.model;
  return model === undefined ? { key: '', label: UNKNOWN_MODEL } : { key: model, label: model };
}

/** Tasks under their groups, groups in a fixed order (status) or by name with unknown last (model). */
export function groupTasks(tasks: readonly TrackedTask[], grouping: Exclude<Grouping, 'none'>): { group: TaskGroup; tasks: TrackedTask[] }[] {
  const groups = new Map<string, { group: TaskGroup; tasks: TrackedTask[] }>();
  for (const task of tasks) {
    const group = groupOf(task, grouping);
    const entry = groups.get(group.key) ?? { group, tasks: [] };
    entry.tasks.push(task);
    groups.set(group.key, entry);
  }
  const rank = (group: TaskGroup): number =>
    grouping === 'status' ? STATUS_GROUPS.findIndex(([state]) => state === group.key) : group.key === '' ? 1 : 0;
  return [...groups.values()]
    .sort((a, b) => rank(a.group) - rank(b.group) || a.group.label.localeCompare(b.group.label))
    .map((entry) => ({ group: entry.group, tasks: entry.tasks.sort(compareTasks) }));
}

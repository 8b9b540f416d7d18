import { l10n } from '../l10n';
import { displayState, type DisplayState, type TrackedTask } from '../tasks/trackedTask';
import { compareTasks, stateLabel, truncate } from './taskPresentation';

/** How the tree arranges tasks: a flat list, or under one node per status or per model. */
export type Grouping = 'none' | 'status' | 'model';

export interface TaskGroup {
  /** Stable within a grouping, so the node keeps its identity and expansion. */
  readonly key: string;
  readonly label: string;
}

/** Status groups in the order they are shown: what moves first, what is settled last. */
const STATUS_ORDER: readonly DisplayState[] = ['running', 'queued', 'checking', 'unknown', 'error', 'succeeded', 'failed', 'cancelled', 'notFound'];

export function groupOf(task: TrackedTask, grouping: Exclude<Grouping, 'none'>): TaskGroup {
  if (grouping === 'status') {
    const state = displayState(task);
    return { key: state, label: stateLabel(state) };
  }
  const model = task.snapshot?.model;
  return model === undefined ? { key: '', label: l10n.t('Unknown model') } : { key: model, label: truncate(model, 40) };
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
    grouping === 'status' ? STATUS_ORDER.indexOf(group.key as DisplayState) : group.key === '' ? 1 : 0;
  return [...groups.values()]
    .sort((a, b) => rank(a.group) - rank(b.group) || a.group.label.localeCompare(b.group.label))
    .map((entry) => ({ group: entry.group, tasks: entry.tasks.sort(compareTasks) }));
}
